import { lazy, Suspense, useEffect } from "react";
import type { ReactNode } from "react";
import { Link, NavLink, Route, Routes, useLocation } from "react-router";
import { useAuth } from "./lib/auth";
import { config } from "./lib/config";
import { Loading } from "./components/Status";
import { LoginPage } from "./pages/LoginPage";
import { CallbackPage } from "./pages/CallbackPage";
import { StartPage } from "./pages/StartPage";

// Pages after the first are loaded on demand, to keep the first download small.
const InterviewPage = lazy(() => import("./pages/InterviewPage"));
const FeedbackPage = lazy(() => import("./pages/FeedbackPage"));
const HistoryPage = lazy(() => import("./pages/HistoryPage"));

const titles: [RegExp, string][] = [
  [/^\/interviews\/[^/]+\/report$/, "Report"],
  [/^\/interviews\/[^/]+$/, "Interview"],
  [/^\/history$/, "History"],
  [new RegExp(`^${config.callbackPath}$`), "Signing in"],
  [/^\/$/, "New interview"],
];

function usePageTitle() {
  const { pathname } = useLocation();
  const { email, ready } = useAuth();
  // Signed out, every page but the callback is the sign-in page, and is titled so.
  const signedOut = ready && email === null && pathname !== config.callbackPath;
  useEffect(() => {
    const title = signedOut
      ? "Sign in"
      : (titles.find(([pattern]) => pattern.test(pathname))?.[1] ?? "Not found");
    document.title = `${title} - TuCoach AI`;
  }, [pathname, signedOut]);
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { email, ready } = useAuth();
  if (!ready) return <Loading label="Checking your session…" />;
  return email ? children : <LoginPage />;
}

function Header() {
  const { email, signOut } = useAuth();
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        TuCoach <span>AI</span>
      </Link>
      {email && (
        <nav aria-label="Main">
          <NavLink to="/" end>
            New interview
          </NavLink>
          <NavLink to="/history">History</NavLink>
          <span className="who" title={email}>
            {email}
          </span>
          <button type="button" className="button link" onClick={() => void signOut()}>
            Sign out
          </button>
        </nav>
      )}
    </header>
  );
}

export function App() {
  usePageTitle();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading…" />}>
          <Routes>
            <Route path={config.callbackPath} element={<CallbackPage />} />
            <Route
              path="/"
              element={
                <RequireAuth>
                  <StartPage />
                </RequireAuth>
              }
            />
            <Route
              path="/interviews/:id"
              element={
                <RequireAuth>
                  <InterviewPage />
                </RequireAuth>
              }
            />
            <Route
              path="/interviews/:id/report"
              element={
                <RequireAuth>
                  <FeedbackPage />
                </RequireAuth>
              }
            />
            <Route
              path="/history"
              element={
                <RequireAuth>
                  <HistoryPage />
                </RequireAuth>
              }
            />
            <Route
              path="*"
              element={
                <section>
                  <h1>Page not found</h1>
                  <p>
                    <Link to="/">Start a new interview</Link> or{" "}
                    <Link to="/history">see your interviews</Link>.
                  </p>
                </section>
              }
            />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
