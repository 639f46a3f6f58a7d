import type { Report } from "../lib/types";

/** The mark of a report whose interview was ended before its last question. */
export function EndedEarlyNotice({ report }: { report: Report }) {
  const ended = report.ended_early;
  if (!ended) return null;
  return (
    <section className="notice" aria-labelledby="ended-early">
      <h2 id="ended-early">Partial report: ended early</h2>
      <p>
        You answered {ended.answered} of {ended.planned} questions. Scores cover the answered ones
        only.
      </p>
      {(ended.unanswered.length > 0 || ended.not_asked > 0) && (
        <>
          <p>Not reached:</p>
          <ul>
            {ended.unanswered.map((text) => (
              <li key={text}>{text} (asked, not answered)</li>
            ))}
            {ended.not_asked > 0 && (
              <li>
                {ended.not_asked} question{ended.not_asked === 1 ? "" : "s"} never asked
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
