import { useEffect } from "react";
import { useLocation, useNavigate } from "react-router";
import type { Interview } from "./types";

/**
 * Navigation state that hands the next page the interview the API has just returned (the start
 * to the interview page, the finish to the report page), so that the page shows it instead of
 * reading it again. It is for that navigation only: the page clears it, since the browser keeps
 * history state across a reload, and a reload, like a link, reads the interview from the API.
 */
interface HandedOver {
  handedOver: Interview;
}

export function handOver(interview: Interview): HandedOver {
  return { handedOver: interview };
}

/** The interview handed over in `state`, if it is the one with this id. */
export function handedOver(state: unknown, id: string): Interview | null {
  const interview = (state as Partial<HandedOver> | null | undefined)?.handedOver;
  return interview?.interview_id === id ? interview : null;
}

/**
 * The interview handed over to this visit of the page of interview `id`, for its first render:
 * the hand-over is then cleared from history state, so that a reload reads the interview.
 */
export function useHandedOver(id: string): Interview | null {
  const location = useLocation();
  const navigate = useNavigate();
  const interview = handedOver(location.state, id);
  const served = interview !== null;
  useEffect(() => {
    if (served) void navigate({ search: location.search }, { replace: true, state: null });
  }, [served, navigate, location.search]);
  return interview;
}
