import { useCallback, useEffect, useMemo, useState } from "react";

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** How one request ended: `request` tells a current outcome from one of an earlier request. */
interface Outcome {
  request: object;
  error: unknown;
}

/**
 * Runs `load` on mount, whenever `load` changes (memoise it with `useCallback` on what it
 * fetches) and on `reload`, keeping the last data while a reload runs. `initial`, data the
 * caller already holds (a response it has just received), stands for the first load.
 */
export function useLoad<T>(load: () => Promise<T>, initial: T | null = null): Loaded<T> {
  const [data, setData] = useState<T | null>(initial);
  const [attempt, setAttempt] = useState(0);
  // One object per request, so that loading and error follow the latest request alone.
  const request = useMemo(() => ({ load, attempt }), [load, attempt]);
  // The request `initial` answers: the first one, settled without being sent.
  const [given] = useState(() => (initial === null ? null : request));
  const [outcome, setOutcome] = useState<Outcome | null>(() =>
    given === null ? null : { request: given, error: null },
  );

  useEffect(() => {
    if (request === given) return;
    let live = true;
    request.load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setOutcome({ request, error: null });
      },
      (failure: unknown) => {
        if (live) setOutcome({ request, error: failure });
      },
    );
    return () => {
      live = false;
    };
  }, [request, given]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const settled = outcome?.request === request;
  return { data, error: settled ? outcome.error : null, loading: !settled, reload, setData };
}
