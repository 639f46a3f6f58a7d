import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../lib/auth";
import { ErrorMessage, Loading } from "../components/Status";

/** Where the identity provider sends the browser back with a code, exchanged here for tokens. */
export function CallbackPage() {
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  // A code is good once: React's development double effect must not spend it twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setError(new Error("Signing in did not complete. Please sign in again.")),
    );
  }, [completeSignIn, navigate]);

  return error ? (
    <section>
      <h1>Sign-in failed</h1>
      <ErrorMessage error={error} />
      <Link to="/">Back to the start</Link>
    </section>
  ) : (
    <Loading label="Signing you in…" />
  );
}
