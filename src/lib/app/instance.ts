import { Cue } from './cue.svelte';

/** The page's one Cue. The app is client-only (ssr is off), so this runs in the browser. */
export const cue = new Cue();
