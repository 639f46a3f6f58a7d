import { useCallback, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { useAuth } from "../lib/auth";
import { useLoad } from "../lib/useLoad";
import { handOver } from "../lib/handover";
import { roleLabel, seniorityLabel } from "../lib/labels";
import { loadTimerMinutes, saveTimerMinutes } from "../lib/storage";
import type { Role, Seniority } from "../lib/types";
import { ErrorMessage, Loading } from "../components/Status";
import { TimerSetting } from "../components/TimerSetting";

/** The new-interview page: role, seniority, number of questions and the timer. */
export function StartPage() {
  const { api } = useAuth();
  const navigate = useNavigate();
  const catalog = useLoad(useCallback(() => api.catalog(), [api]));
  const [role, setRole] = useState<Role | "">("");
  const [seniority, setSeniority] = useState<Seniority | "">("");
  const [count, setCount] = useState<number | null>(null);
  const [timer, setTimer] = useState(loadTimerMinutes);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (catalog.loading && !catalog.data) return <Loading label="Loading roles…" />;
  if (!catalog.data) return <ErrorMessage error={catalog.error} onRetry={catalog.reload} />;

  const { roles, seniorities, min_questions, max_questions, default_questions } = catalog.data;
  const chosenRole = role || roles[0]!;
  const chosenSeniority = seniority || seniorities[0]!;
  const chosenCount = count ?? default_questions;
  const counts = Array.from(
    { length: max_questions - min_questions + 1 },
    (_, index) => min_questions + index,
  );

  const start = async (event?: FormEvent) => {
    event?.preventDefault();
    setStarting(true);
    setError(null);
    saveTimerMinutes(timer);
    try {
      const interview = await api.createInterview(chosenRole, chosenSeniority, chosenCount);
      void navigate(`/interviews/${interview.interview_id}`, { state: handOver(interview) });
    } catch (failure) {
      setError(failure);
      setStarting(false);
    }
  };

  return (
    <section className="card narrow">
      <h1>New interview</h1>
      <p className="muted">Choose what to practise. You can stop at any time and come back.</p>
      <form onSubmit={(event) => void start(event)}>
        <fieldset className="choices">
          <legend>Role</legend>
          {roles.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="role"
                value={value}
                checked={chosenRole === value}
                onChange={() => setRole(value)}
              />
              {roleLabel(value)}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>Seniority</legend>
          {seniorities.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="seniority"
                value={value}
                checked={chosenSeniority === value}
                onChange={() => setSeniority(value)}
              />
              {seniorityLabel(value)}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <div className="field">
            <label htmlFor="count">Number of questions</label>
            <select
              id="count"
              value={chosenCount}
              onChange={(event) => setCount(Number(event.target.value))}
            >
              {counts.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <TimerSetting value={timer} onChange={setTimer} />
        </div>
        {error !== null && <ErrorMessage error={error} onRetry={() => void start()} />}
        <button type="submit" className="button" disabled={starting}>
          {starting ? "Starting…" : "Start interview"}
        </button>
      </form>
    </section>
  );
}
