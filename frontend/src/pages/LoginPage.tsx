import { useState } from "react";
import { useAuth } from "../lib/auth";
import { ErrorMessage } from "../components/Status";

/** Shown wherever sign-in is needed; signing in comes back to the same page. */
export function LoginPage() {
  const { signIn } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn();
    } catch {
      setBusy(false);
      setError(new Error("The sign-in service did not answer. Retry in a moment."));
    }
  };

  return (
    <section className="card narrow">
      <h1>Practise technical interviews</h1>
      <p>
        TuCoach asks you one question at a time for the role and level you choose, scores each
        answer on a stated rubric and shows what a strong answer covers.
      </p>
      <p className="muted">
        Sign in to start. If your session expired, anything you were typing is kept and waits for
        you after signing in.
      </p>
      {error !== null && <ErrorMessage error={error} onRetry={() => void start()} />}
      <button type="button" className="button" onClick={() => void start()} disabled={busy}>
        {busy ? "Opening sign-in…" : "Sign in"}
      </button>
    </section>
  );
}
