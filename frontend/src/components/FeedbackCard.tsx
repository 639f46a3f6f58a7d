import { forwardRef } from "react";
import type { Correction, Feedback } from "../lib/types";

function Corrections({ items }: { items: Correction[] }) {
  return (
    <div className="corrections">
      <h3>Corrections</h3>
      <ul>
        {items.map((item) => (
          <li key={`${item.claim}|${item.said}`}>
            <p>
              <strong>You said:</strong> “{item.said}”
            </p>
            <p>
              <strong>The problem:</strong> {item.claim}
            </p>
            <p>
              <strong>What is right:</strong> {item.correction}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExampleAnswer({ text }: { text: string }) {
  if (!text) return null;
  return (
    <details>
      <summary>Example answer</summary>
      <p className="example">{text}</p>
    </details>
  );
}

const UNSCORED_HEADING = {
  language: "Not scored: the coach reads English",
  skipped: "Follow-up skipped: not scored",
};

function Points({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}

/** The coach's feedback on one answer. The heading takes focus when it appears. */
export const FeedbackCard = forwardRef<HTMLHeadingElement, { feedback: Feedback }>(
  function FeedbackCard({ feedback }, headingRef) {
    const corrections = feedback.corrections ?? [];
    if (feedback.unscored) {
      return (
        <section className="card feedback" aria-labelledby="feedback-heading">
          <h2 id="feedback-heading" ref={headingRef} tabIndex={-1}>
            {UNSCORED_HEADING[feedback.unscored]}
          </h2>
          {feedback.improvements.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <ExampleAnswer text={feedback.example_answer} />
        </section>
      );
    }
    return (
      <section className="card feedback" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading" ref={headingRef} tabIndex={-1}>
          Feedback: <span className="score">{feedback.score.toFixed(1)}</span> / 10
        </h2>
        {corrections.length > 0 && <Corrections items={corrections} />}
        <div className="columns">
          <Points
            title="What you covered"
            items={feedback.covered_points}
            empty="None of the key points yet."
          />
          <Points title="What you missed" items={feedback.missed_points} empty="Nothing missed." />
        </div>
        {feedback.improvements.length > 0 && (
          <Points title="To improve" items={feedback.improvements} empty="" />
        )}
        {feedback.rubric.length > 0 && (
          <details>
            <summary>Rubric</summary>
            <ul>
              {feedback.rubric.map((line) => (
                <li key={line.criterion}>
                  <strong>{line.criterion}</strong>: {line.score} / {line.max_score}
                  {line.comment && ` - ${line.comment}`}
                </li>
              ))}
            </ul>
          </details>
        )}
        <ExampleAnswer text={feedback.example_answer} />
      </section>
    );
  },
);
