/** Rewind and FastForward carry no amount; these are the steps Cue uses. */
export const REWIND_SECONDS = 10;
export const FAST_FORWARD_SECONDS = 30;
