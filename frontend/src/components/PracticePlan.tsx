import { useCallback, useState } from "react";
import { useNavigate } from "react-router";
import { useAuth } from "../lib/auth";
import { roleLabel, seniorityLabel } from "../lib/labels";
import type { RolePlan, TopicPlan } from "../lib/types";
import { useLoad } from "../lib/useLoad";
import { ErrorMessage, Loading } from "./Status";

// A practice interview asks one question per focus topic first, then others, as any interview.
const PRACTICE_QUESTIONS = 5;

const topicName = (topic: string) => {
  const words = topic.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function Topic({ topic }: { topic: TopicPlan }) {
  return (
    <li className="plan-topic">
      <h4>
        {topicName(topic.topic)}{" "}
        <span className="muted small">
          (average {topic.average_score.toFixed(1)}/10 over {topic.answers} answer
          {topic.answers === 1 ? "" : "s"})
        </span>
      </h4>
      {topic.red_flags.length > 0 && (
        <>
          <p className="small">
            <strong>Red flags</strong> (wrong claims the coach corrected):
          </p>
          <ul>
            {topic.red_flags.map((flag) => (
              <li key={flag.text}>
                {flag.text} <span className="muted">×{flag.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {topic.missed_points.length > 0 && (
        <>
          <p className="small">
            <strong>Talking points you missed</strong>:
          </p>
          <ul>
            {topic.missed_points.map((point) => (
              <li key={point.text}>
                {point.text} <span className="muted">×{point.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

function Role({ plan }: { plan: RolePlan }) {
  const { api } = useAuth();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingId = `plan-${plan.role}`;

  const practise = async () => {
    setStarting(true);
    setError(null);
    try {
      const topics = plan.topics.map((t) => t.topic);
      const started = await api.createInterview(
        plan.role,
        plan.seniority,
        Math.max(PRACTICE_QUESTIONS, topics.length),
        topics,
      );
      void navigate(`/interviews/${started.interview_id}`);
    } catch (failure) {
      setError(failure);
      setStarting(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="plan-role">
      <h3 id={headingId}>
        {roleLabel(plan.role)}, {seniorityLabel(plan.seniority)}
      </h3>
      <ul className="plan-topics">
        {plan.topics.map((topic) => (
          <Topic key={topic.topic} topic={topic} />
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} onRetry={() => void practise()} />}
      <button type="button" className="button" onClick={() => void practise()} disabled={starting}>
        {starting ? "Starting…" : "Practise these"}
        <span className="sr-only">
          {" "}
          in a {roleLabel(plan.role)} interview:{" "}
          {plan.topics.map((t) => topicName(t.topic)).join(", ")}
        </span>
      </button>
    </section>
  );
}

/** What the person misses most, per role and topic, with "Practise these" to start an
 * interview that asks those topics first. Made by the API from the latest finished interviews. */
export function PracticePlan() {
  const { api } = useAuth();
  const loaded = useLoad(useCallback(() => api.practicePlan(), [api]));

  let body;
  if (loaded.loading && !loaded.data) body = <Loading label="Making your practice plan…" />;
  else if (!loaded.data) body = <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  else if (loaded.data.roles.length === 0) {
    body = (
      <p className="muted">
        {loaded.data.interviews_read === 0
          ? "Finish an interview to get a practice plan."
          : "Nothing missed in your latest interviews: no plan needed."}
      </p>
    );
  } else {
    body = (
      <>
        <p className="muted small">
          From your {loaded.data.interviews_read} latest finished interview
          {loaded.data.interviews_read === 1 ? "" : "s"}, weakest topics first.
        </p>
        {loaded.data.roles.map((plan) => (
          <Role key={plan.role} plan={plan} />
        ))}
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Your practice plan</h2>
      {body}
    </section>
  );
}
