import { forwardRef } from "react";
import type { Correction, Feedback } from "../lib/types";
import { AnswerBesideExample } from "./MarkedAnswer";
import { ScoreBand } from "./ScoreBand";

type Level = { level?: 3 | 4 };

/** The wrong claims: what was said, what is wrong, what is right. */
export function Corrections({ items, level = 3 }: { items: Correction[] } & Level) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div className="corrections">
      <Heading>Corrections</Heading>
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

/** The answer marked up beside the example answer, or (without the answer) the example alone. */
function ExampleAnswer({
  text,
  answer,
  feedback,
}: {
  text: string;
  answer?: string;
  feedback: Feedback;
}) {
  if (answer !== undefined) {
    return <AnswerBesideExample answer={answer} highlights={feedback.highlights} example={text} />;
  }
  if (!text) return null;
  return (
    <details>
      <summary>Example answer</summary>
      <p className="example">{text}</p>
    </details>
  );
}

export const UNSCORED_HEADING = {
  language: "Not scored: the coach reads English",
  skipped: "Skipped: not scored",
};

/** A titled list of points, or a line saying there are none. */
export function Points({
  title,
  items,
  empty,
  level = 3,
}: { title: string; items: string[]; empty: string } & Level) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div>
      <Heading>{title}</Heading>
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

/**
 * The coach's feedback on one answer, with that answer marked up when it is given. The heading
 * takes focus when it appears.
 */
export const FeedbackCard = forwardRef<HTMLHeadingElement, { feedback: Feedback; answer?: string }>(
  function FeedbackCard({ feedback, answer }, headingRef) {
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
          <ExampleAnswer text={feedback.example_answer} answer={answer} feedback={feedback} />
        </section>
      );
    }
    return (
      <section className="card feedback" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading" ref={headingRef} tabIndex={-1}>
          Feedback: <span className="score">{feedback.score.toFixed(1)}</span> / 10{" "}
          <ScoreBand outOfTen={feedback.score} />
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
        <ExampleAnswer text={feedback.example_answer} answer={answer} feedback={feedback} />
      </section>
    );
  },
);
