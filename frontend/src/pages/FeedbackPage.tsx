import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useAuth } from "../lib/auth";
import { useHandedOver } from "../lib/handover";
import { useLoad } from "../lib/useLoad";
import { roleLabel, seniorityLabel } from "../lib/labels";
import { formatDateTime, plainCategory } from "../lib/reportLabels";
import { questionDetails } from "../lib/review";
import { download, reportMarkdown } from "../lib/markdown";
import { Loading } from "../components/Status";
import { QuestionDrillDown } from "../components/QuestionDrillDown";
import { ScoreBand } from "../components/ScoreBand";
import { EndedEarlyNotice } from "../components/EndedEarlyNotice";
import { LoadFailed } from "../components/LoadFailed";
import { RatingSection } from "../components/RatingSection";

function Bulleted({ items, empty }: { items: string[]; empty: string }) {
  return items.length ? (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : (
    <p className="muted">{empty}</p>
  );
}

/** The report of a finished interview: scores, review, insights, rating and export. It reads
 * the interview alone: a finished interview carries its report. Right after Finish it reads
 * nothing: the interview page hands over the finished interview that finishing returned. */
export default function FeedbackPage() {
  const { id = "" } = useParams();
  const { api } = useAuth();
  const completed = useHandedOver(id);
  // Taken once: the hand-over is cleared below, and this visit still knows it came from Finish.
  const [justFinished] = useState(completed !== null);
  const loaded = useLoad(
    useCallback(() => api.getInterview(id), [api, id]),
    completed,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = loaded.data !== null;
  // The report is new content (after Finish interview, say): its heading takes the focus.
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  if (loaded.loading && !loaded.data) return <Loading label="Loading your report…" />;
  if (!loaded.data) {
    const back = { to: `/interviews/${id}`, label: "Back to the interview" };
    return <LoadFailed error={loaded.error} onRetry={loaded.reload} back={back} />;
  }
  const interview = loaded.data;
  const report = interview.report;
  if (report === null) {
    return (
      <section className="card">
        <h1>This interview is not finished yet</h1>
        <p>Finish it to get its report.</p>
        <p>
          <Link to={`/interviews/${id}`}>Back to the interview</Link>
        </p>
      </section>
    );
  }

  const exportMarkdown = () =>
    download(
      `tucoach-report-${id}.md`,
      reportMarkdown(report, interview),
      "text/markdown;charset=utf-8",
    );

  return (
    <article className="report">
      <header className="report-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Your report: {roleLabel(interview.role)}, {seniorityLabel(interview.seniority)}
          </h1>
          <p className="muted">{formatDateTime(report.generated_at)}</p>
        </div>
        <p className="overall" aria-label={`Overall score ${report.overall_score} out of 100`}>
          <span>{report.overall_score}</span>/100
        </p>
        <ScoreBand outOfTen={report.overall_score / 10} />
      </header>
      <EndedEarlyNotice report={report} />
      <div className="actions no-print">
        <button type="button" className="button secondary" onClick={exportMarkdown}>
          Export as Markdown
        </button>
        {/* The browser's print dialog saves a PDF; the print stylesheet lays the report out. */}
        <button type="button" className="button secondary" onClick={() => window.print()}>
          Export as PDF
        </button>
      </div>

      <section className="card" aria-labelledby="categories">
        <h2 id="categories">Categories</h2>
        <ul className="bars">
          {report.categories.map((category) => (
            <li key={category.category}>
              <div className="bar-label">
                <strong>{plainCategory(category.category)}</strong>{" "}
                <span>
                  <span>{category.score}/100</span> <ScoreBand outOfTen={category.score / 10} />
                </span>
              </div>
              <div className="bar" aria-hidden="true">
                <span style={{ width: `${category.score}%` }} />
              </div>
              {category.summary && <p className="muted small">{category.summary}</p>}
            </li>
          ))}
        </ul>
      </section>

      <div className="columns">
        <section className="card" aria-labelledby="strengths">
          <h2 id="strengths">Strengths</h2>
          <Bulleted items={report.strengths} empty="None noted this time." />
        </section>
        <section className="card" aria-labelledby="work-on">
          <h2 id="work-on">To work on</h2>
          <Bulleted items={report.to_work_on} empty="Nothing stood out." />
        </section>
      </div>

      <section className="card" aria-labelledby="review">
        <h2 id="review">Question by question</h2>
        <p className="muted small no-print">
          Open a question for your answer, its feedback and the example answer.
        </p>
        <ol className="drill">
          {questionDetails(report, interview).map((detail, index) => (
            <li key={detail.review.question_id}>
              <QuestionDrillDown detail={detail} index={index} />
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="insights">
        <h2 id="insights">Insights</h2>
        <h3>Job terms you used</h3>
        <Bulleted items={report.insights.job_terms_used} empty="None." />
        <h3>Your most used words</h3>
        {report.insights.most_used_words.length ? (
          <ul className="tags">
            {report.insights.most_used_words.map((word) => (
              <li key={word.word}>
                {word.word} <span className="muted">×{word.count}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
        <h3>Talking points covered</h3>
        <Bulleted items={report.insights.talking_points_covered} empty="None." />
      </section>

      <section className="card no-print" aria-labelledby="rate">
        <h2 id="rate">Rate this feedback</h2>
        {/* Just finished, it has no rating yet (the app rates finished interviews only). */}
        <RatingSection interviewId={id} unrated={justFinished} />
      </section>
      <p className="no-print">
        <Link to="/">Start another interview</Link> or <Link to="/history">see your history</Link>.
      </p>
    </article>
  );
}
