import { MARK_ICONS, MARK_WORDS, segments } from "../lib/marks";
import type { Highlight } from "../lib/types";
import "./review.css";

/**
 * The candidate's own answer with the spans the coach found marked: covered talking points and
 * wrong claims. Not by colour alone: each mark has an icon and its own underline, its label on
 * hover, and a screen reader hears "covered: <point>" or "wrong claim: <claim>" around the words.
 */
export function MarkedAnswer({ text, highlights }: { text: string; highlights: Highlight[] }) {
  if (!text.trim()) return <p className="muted">No answer: this question was skipped.</p>;
  return (
    <p className="answer-text">
      {segments(text, highlights).map((part, index) =>
        part.mark ? (
          <mark key={index} className={`mark ${part.mark.kind}`} title={part.mark.label}>
            <span aria-hidden="true" className="mark-icon">
              {MARK_ICONS[part.mark.kind]}
            </span>
            <span className="sr-only">
              {MARK_WORDS[part.mark.kind]}: {part.mark.label}: “
            </span>
            {part.text}
            <span className="sr-only">”</span>
          </mark>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

/** What the marks mean; shown once above an answer that has any. */
export function MarkLegend() {
  return (
    <p className="mark-legend small">
      <span className="mark covered">
        <span aria-hidden="true" className="mark-icon">
          {MARK_ICONS.covered}
        </span>
        a talking point you covered
      </span>{" "}
      <span className="mark correction">
        <span aria-hidden="true" className="mark-icon">
          {MARK_ICONS.correction}
        </span>
        a wrong claim (see the corrections)
      </span>
    </p>
  );
}

/** Your answer, marked, beside the example answer. */
export function AnswerBesideExample({
  answer,
  highlights,
  example,
  headingLevel = 3,
}: {
  answer: string;
  highlights: Highlight[];
  example: string;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="answer-beside">
      <div>
        <Heading>Your answer</Heading>
        {highlights.length > 0 && <MarkLegend />}
        <MarkedAnswer text={answer} highlights={highlights} />
      </div>
      {example && (
        <div>
          <Heading>Example answer</Heading>
          <p className="answer-text example">{example}</p>
        </div>
      )}
    </div>
  );
}
