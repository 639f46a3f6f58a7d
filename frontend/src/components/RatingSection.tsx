import { useCallback, useEffect, useRef, useState } from "react";
import { useAuth } from "../lib/auth";
import { formatDate } from "../lib/labels";
import type { RatingState, RatingView } from "../lib/types";
import { useLoad } from "../lib/useLoad";
import { RatingForm } from "./RatingForm";
import { ErrorMessage, Loading } from "./Status";

/** What the section knows without asking: no rating (an interview finished this visit). */
const NO_RATING: RatingState = { rating: null };

/**
 * The rating of an interview's feedback: the one sent (read back from the API, so it shows
 * after a reload too), changed only by an explicit "Change rating"; a form when there is none.
 * `unrated` says there is none yet, so nothing is read.
 */
export function RatingSection({
  interviewId,
  unrated = false,
}: {
  interviewId: string;
  unrated?: boolean;
}) {
  const { api } = useAuth();
  const loaded = useLoad(
    useCallback(() => api.rating(interviewId), [api, interviewId]),
    unrated ? NO_RATING : null,
  );
  const [sent, setSent] = useState<RatingView | null>(null);
  const [changing, setChanging] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const [justSent, setJustSent] = useState(false);
  const [kept, setKept] = useState(0);

  useEffect(() => {
    if (justSent) heading.current?.focus();
  }, [justSent, sent]);
  // "Keep my rating" returns the focus to the button that opened the form.
  useEffect(() => {
    if (kept) change.current?.focus();
  }, [kept]);

  if (loaded.loading && !loaded.data) return <Loading label="Loading your rating…" />;
  if (!loaded.data) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const rating = sent ?? loaded.data.rating;

  if (rating && !changing) {
    return (
      <div className="rating-sent">
        <h3 ref={heading} tabIndex={-1}>
          {justSent ? "Thank you: your rating is saved." : "Your rating"}
        </h3>
        <p>
          You found this feedback <strong>{rating.helpful ? "helpful" : "not helpful"}</strong>{" "}
          <span className="muted small">(sent {formatDate(rating.rated_at)})</span>.
        </p>
        {rating.comment && <blockquote className="comment">{rating.comment}</blockquote>}
        <button
          ref={change}
          type="button"
          className="button secondary"
          onClick={() => setChanging(true)}
        >
          Change rating
        </button>
      </div>
    );
  }
  return (
    <RatingForm
      initial={rating}
      onCancel={
        rating
          ? () => {
              setChanging(false);
              setKept((n) => n + 1);
            }
          : undefined
      }
      onRate={async (helpful, comment) => {
        const saved = await api.rate(interviewId, helpful, comment);
        setSent(saved);
        setChanging(false);
        setJustSent(true);
      }}
    />
  );
}
