import { useCallback, useEffect, useRef, useState } from "react";
import type { Ref } from "react";
import { Link } from "react-router";
import { useAuth } from "../lib/auth";
import { useLoad } from "../lib/useLoad";
import { formatDate, roleLabel, seniorityLabel } from "../lib/labels";
import type { InterviewSummary } from "../lib/types";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { PracticePlan } from "../components/PracticePlan";
import { ScoreChart } from "../components/ScoreChart";

const PAGE_SIZE = 10;

/** Main questions only: "3 of 3 answered" would read as done, so that case says it is not. */
function progressLabel({ status, answered_count, question_count }: InterviewSummary): string {
  if (status === "completed") {
    return answered_count < question_count
      ? `Ended early: ${answered_count} of ${question_count} answered`
      : `Finished, ${question_count} questions`;
  }
  return answered_count >= question_count
    ? `Not finished: all ${question_count} answered, the report is not written yet`
    : `In progress: ${answered_count} of ${question_count} answered`;
}

function Row({
  interview,
  linkRef,
}: {
  interview: InterviewSummary;
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  const done = interview.status === "completed";
  return (
    <li className="history-row">
      <div>
        <strong>
          {roleLabel(interview.role)}, {seniorityLabel(interview.seniority)}
        </strong>
        <span className="muted small"> {formatDate(interview.created_at)}</span>
        <p className="muted small">{progressLabel(interview)}</p>
      </div>
      <div className="row-end">
        {interview.overall_score !== null && (
          <span className="pill">{interview.overall_score}/100</span>
        )}
        <Link
          ref={linkRef}
          className="button secondary"
          to={
            done
              ? `/interviews/${interview.interview_id}/report`
              : `/interviews/${interview.interview_id}`
          }
        >
          {done ? "Report" : "Continue"}
          <span className="sr-only">
            {" "}
            {roleLabel(interview.role)} interview of {formatDate(interview.created_at)}
          </span>
        </Link>
      </div>
    </li>
  );
}

/** The person's interviews, newest first, a page at a time, with a chart of their scores. */
export default function HistoryPage() {
  const { api } = useAuth();
  const first = useLoad(useCallback(() => api.listInterviews(PAGE_SIZE), [api]));
  const [more, setMore] = useState<InterviewSummary[]>([]);
  const [nextToken, setNextToken] = useState<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  // After "Load more", focus goes to the first row it added: the button may be gone (last page).
  const [firstAdded, setFirstAdded] = useState<number | null>(null);
  const firstAddedLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (firstAdded !== null) firstAddedLink.current?.focus();
  }, [firstAdded]);

  if (first.loading && !first.data) return <Loading label="Loading your interviews…" />;
  if (!first.data) return <ErrorMessage error={first.error} onRetry={first.reload} />;

  const items = [...first.data.items, ...more];
  const token = nextToken === undefined ? first.data.next_token : nextToken;

  const loadMore = async () => {
    if (!token) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.listInterviews(PAGE_SIZE, token);
      setMore((shown) => [...shown, ...page.items]);
      setNextToken(page.next_token);
      if (page.items.length > 0) setFirstAdded(items.length);
    } catch (failure) {
      setMoreError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section>
      <h1>Your interviews</h1>
      {items.length === 0 ? (
        <Empty>
          <p>No interviews yet.</p>
          <Link className="button" to="/">
            Start your first interview
          </Link>
        </Empty>
      ) : (
        <>
          <section className="card" aria-labelledby="progress-heading">
            <h2 id="progress-heading">Scores over time</h2>
            <ScoreChart interviews={items} />
            {token && <p className="muted small">The chart shows the interviews loaded below.</p>}
          </section>
          <PracticePlan />
          <ul className="history">
            {items.map((interview, index) => (
              <Row
                key={interview.interview_id}
                interview={interview}
                linkRef={index === firstAdded ? firstAddedLink : undefined}
              />
            ))}
          </ul>
          {moreError !== null && <ErrorMessage error={moreError} onRetry={() => void loadMore()} />}
          {token && (
            <button
              type="button"
              className="button secondary"
              onClick={() => void loadMore()}
              disabled={loadingMore}
            >
              {loadingMore ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}
    </section>
  );
}
