import { Link } from "react-router";
import { ApiError } from "../lib/api";
import { ErrorMessage } from "./Status";

/**
 * A page whose interview could not be loaded. A missing one (404: a wrong link, or deleted) is
 * said in words with the way to History, since a retry would find nothing; any other failure
 * can be retried, and History is offered too.
 */
export function LoadFailed({
  error,
  onRetry,
  back,
}: {
  error: unknown;
  onRetry: () => void;
  /** A way back that exists when the interview does (e.g. to it, from its report). */
  back?: { to: string; label: string };
}) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <section className="card">
      <h1>{missing ? "Interview not found" : "This interview did not load"}</h1>
      {missing ? (
        <p>There is no interview at this address: the link may be wrong, or it was deleted.</p>
      ) : (
        <ErrorMessage error={error} onRetry={onRetry} />
      )}
      {back && !missing && (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      <p>
        <Link to="/history">See your interviews</Link> or <Link to="/">start a new one</Link>.
      </p>
    </section>
  );
}
