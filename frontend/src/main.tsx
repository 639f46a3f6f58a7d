import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { AuthProvider, createUserManager } from "./lib/auth";
import { loadConfig } from "./lib/config";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);

// The deployment's settings first: the UserManager and the API client are built from them.
loadConfig().then(
  () =>
    root.render(
      <StrictMode>
        <BrowserRouter>
          <AuthProvider manager={createUserManager()}>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <>
        <header className="site-header">
          <span className="brand">
            TuCoach <span>AI</span>
          </span>
        </header>
        <main role="alert">
          <h1>TuCoach cannot start</h1>
          <p>
            Its settings could not be read: {error instanceof Error ? error.message : String(error)}
          </p>
          <p>Reload the page; if this persists, tell the people who run TuCoach.</p>
        </main>
      </>,
    ),
);
