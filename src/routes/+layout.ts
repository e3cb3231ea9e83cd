// Cue is a static single-page app: nothing renders on a server and nothing is prerendered.
export const ssr = false;
export const prerender = false;
