import { useEffect, useRef } from "react";
import { topicLabel } from "../lib/reportLabels";
import type { QuestionDetail } from "../lib/review";
import type { AnswerView } from "../lib/types";
import { Corrections, Points, UNSCORED_HEADING } from "./FeedbackCard";
import { AnswerBesideExample } from "./MarkedAnswer";
import { ScoreBand } from "./ScoreBand";
import "./review.css";

/** One answer's feedback in the report: score, the answer marked up, corrections, points. */
function AnswerFeedback({ answer, level }: { answer: AnswerView; level: 3 | 4 }) {
  const feedback = answer.feedback;
  const corrections = feedback.corrections ?? [];
  return (
    <>
      <p>
        {feedback.unscored ? (
          UNSCORED_HEADING[feedback.unscored]
        ) : (
          <>
            This answer: <strong>{feedback.score.toFixed(1)} / 10</strong>{" "}
            <ScoreBand outOfTen={feedback.score} />
          </>
        )}
      </p>
      <AnswerBesideExample
        answer={answer.answer}
        highlights={feedback.highlights}
        example={feedback.example_answer}
        headingLevel={level}
      />
      {corrections.length > 0 && <Corrections items={corrections} level={level} />}
      {!feedback.unscored && (
        <div className="columns">
          <Points
            title="What you covered"
            items={feedback.covered_points}
            empty="None of the key points."
            level={level}
          />
          <Points
            title="What you missed"
            items={feedback.missed_points}
            empty="Nothing missed."
            level={level}
          />
        </div>
      )}
      {feedback.improvements.length > 0 && (
        <Points title="To improve" items={feedback.improvements} empty="" level={level} />
      )}
    </>
  );
}

/**
 * A question of the report, closed to its line (question, topic, score in words) and opened,
 * by click or keyboard (a native disclosure), to the answer marked up, its feedback, the
 * follow-up and its answer, and the example answer.
 */
export function QuestionDrillDown({ detail, index }: { detail: QuestionDetail; index: number }) {
  const { review, question, answer, earlier, followUps } = detail;
  const details = useRef<HTMLDetailsElement>(null);
  // A printed report (the PDF export) holds every question opened.
  useEffect(() => {
    const open = () => {
      if (details.current) details.current.open = true;
    };
    window.addEventListener("beforeprint", open);
    return () => window.removeEventListener("beforeprint", open);
  }, []);
  return (
    <details ref={details}>
      <summary>
        <span className="muted small">Question {index + 1}</span>{" "}
        <span className="question-line">{review.question_text}</span>{" "}
        {question && <span className="muted small">({topicLabel(question.topic)})</span>}{" "}
        {review.scored === false ? (
          <span className="pill">not scored</span>
        ) : (
          <>
            <span className="pill">{review.score.toFixed(1)} / 10</span>{" "}
            <ScoreBand outOfTen={review.score} />
          </>
        )}
      </summary>
      <div className="drill-body">
        {review.summary && <p>{review.summary}</p>}
        {earlier.map((attempt) => (
          <section className="earlier-answer" key={attempt.answered_at}>
            <h3>Your answer before, not scored</h3>
            <AnswerFeedback answer={attempt} level={4} />
          </section>
        ))}
        {earlier.length > 0 && <h3>Your answer again, in English</h3>}
        {answer ? <AnswerFeedback answer={answer} level={3} /> : <p>Not answered.</p>}
        {followUps.map(({ question: followUp, answer: followUpAnswer }) => (
          <section className="follow-up" key={followUp.question_id}>
            <h3>Follow-up: {followUp.text}</h3>
            {followUpAnswer ? (
              <AnswerFeedback answer={followUpAnswer} level={4} />
            ) : (
              <p>Not answered.</p>
            )}
          </section>
        ))}
      </div>
    </details>
  );
}
