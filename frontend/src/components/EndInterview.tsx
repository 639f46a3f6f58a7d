import { useEffect, useRef, useState } from "react";

interface Props {
  answered: number;
  questionCount: number;
  finishing: boolean;
  onEnd: () => void;
}

/**
 * "End interview now": finishing before the last question, after a confirmation that says
 * what the report will leave out. Nothing happens until the person confirms.
 */
export function EndInterview({ answered, questionCount, finishing, onEnd }: Props) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [returning, setReturning] = useState(false);

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (returning) opener.current?.focus();
  }, [asking, returning]);

  if (!asking) {
    return (
      <div className="actions">
        <button
          ref={opener}
          type="button"
          className="button secondary"
          onClick={() => setAsking(true)}
        >
          End interview now
        </button>
      </div>
    );
  }
  const left = questionCount - answered;
  return (
    <section className="confirm" aria-labelledby="end-heading">
      <h2 id="end-heading" ref={confirm} tabIndex={-1}>
        End the interview now?
      </h2>
      <p>
        You have answered {answered} of {questionCount} questions. The report will cover those only
        and be marked as ended early; the {left} question{left === 1 ? "" : "s"} not answered will
        be listed as not reached. An answer being typed now is not sent.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={onEnd} disabled={finishing}>
          {finishing ? "Writing your report…" : "End and see the report"}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setAsking(false);
            setReturning(true);
          }}
          disabled={finishing}
        >
          Keep going
        </button>
      </div>
    </section>
  );
}
