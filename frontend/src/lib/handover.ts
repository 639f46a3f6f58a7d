import type { Interview } from "./types";

/**
 * Navigation state that hands the interview page the interview the API has just returned (the
 * start), so that the page shows it instead of reading it again. It is for that navigation
 * only: the page clears it, since the browser keeps history state across a reload, and a
 * reload, like a link, reads the interview from the API.
 */
interface Started {
  started: Interview;
}

export function startedState(interview: Interview): Started {
  return { started: interview };
}

/** The interview handed over in `state`, if it is the one with this id. */
export function startedInterview(state: unknown, id: string): Interview | null {
  const started = (state as Partial<Started> | null | undefined)?.started;
  return started?.interview_id === id ? started : null;
}
