import { useState } from "react";
import type { FormEvent } from "react";
import { ErrorMessage } from "./Status";

/** "Was this feedback helpful?": yes or no and an optional comment, sent to the API. */
export function RatingForm({
  onRate,
}: {
  onRate: (helpful: boolean, comment: string) => Promise<unknown>;
}) {
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState("");
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState("");

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
      setState("sent");
    } catch (failure) {
      setError(failure);
      setState("idle");
    }
  };

  if (state === "sent") {
    return (
      <p role="status" className="thanks">
        Thank you: your rating is saved.
      </p>
    );
  }
  return (
    <form onSubmit={(event) => void send(event)} className="rating no-print">
      <fieldset className="choices">
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
      <button type="submit" className="button" disabled={state === "sending"}>
        {state === "sending" ? "Sending…" : "Send rating"}
      </button>
    </form>
  );
}
