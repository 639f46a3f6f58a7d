import type { ReactNode } from "react";
import { ApiError } from "../lib/api";

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/**
 * The API's message as it is, with a way to try again; input on the page stays as typed. A
 * used-up daily quota (429) says when it resets: a retry before then would only fail again.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : "Something went wrong.";
  const requestId = error instanceof ApiError ? error.requestId : null;
  const quota = error instanceof ApiError && error.status === 429;
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {requestId && <p className="muted small">Request id: {requestId}</p>}
      {quota && <p>What you wrote is kept on this device.</p>}
      {onRetry && !quota && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
