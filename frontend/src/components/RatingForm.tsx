import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import type { RatingView } from "../lib/types";
import { ErrorMessage } from "./Status";

/** "Was this feedback helpful?": yes or no and an optional comment, sent to the API; filled
 * with the rating being changed, if any (`onCancel` then keeps it). */
export function RatingForm({
  onRate,
  initial = null,
  onCancel,
}: {
  onRate: (helpful: boolean, comment: string) => Promise<unknown>;
  initial?: RatingView | null;
  onCancel?: () => void;
}) {
  const [helpful, setHelpful] = useState<boolean | null>(initial?.helpful ?? null);
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [state, setState] = useState<"idle" | "sending">("idle");
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState("");
  const choices = useRef<HTMLFieldSetElement>(null);

  // Opened to change a rating: the focus goes to the choice already made.
  useEffect(() => {
    if (initial) choices.current?.querySelector<HTMLInputElement>("input:checked")?.focus();
  }, [initial]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (helpful === null) {
      setHint("Choose yes or no first.");
      return;
    }
    setState("sending");
    setError(null);
    try {
      await onRate(helpful, comment);
    } catch (failure) {
      setError(failure);
    }
    setState("idle");
  };

  return (
    <form onSubmit={(event) => void send(event)} className="rating no-print">
      <fieldset className="choices" ref={choices}>
        <legend>Was this feedback helpful?</legend>
        {[true, false].map((value) => (
          <label key={String(value)} className="choice">
            <input
              type="radio"
              name="helpful"
              checked={helpful === value}
              onChange={() => {
                setHelpful(value);
                setHint("");
              }}
            />
            {value ? "Yes" : "No"}
          </label>
        ))}
      </fieldset>
      {hint && <p className="error-text">{hint}</p>}
      <div className="field">
        <label htmlFor="rating-comment">Comment (optional)</label>
        <textarea
          id="rating-comment"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      {error !== null && <ErrorMessage error={error} onRetry={() => void send()} />}
      <div className="actions">
        <button type="submit" className="button" disabled={state === "sending"}>
          {state === "sending" ? "Sending…" : initial ? "Send the new rating" : "Send rating"}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Keep my rating
          </button>
        )}
      </div>
    </form>
  );
}
