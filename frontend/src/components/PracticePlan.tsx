import { useCallback, useState } from "react";
import { useNavigate } from "react-router";
import { useAuth } from "../lib/auth";
import { handOver } from "../lib/handover";
import { roleLabel, seniorityLabel } from "../lib/labels";
import type { MissedItem, RolePlan, TopicPlan } from "../lib/types";
import { useLoad } from "../lib/useLoad";
import { ErrorMessage, Loading } from "./Status";

// A practice interview asks one question per focus topic first, then others, as any interview.
const PRACTICE_QUESTIONS = 5;

const topicName = (topic: string) => {
  const words = topic.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A titled list of what was missed and how often, or nothing when it is empty. */
function Counted({ title, note, items }: { title: string; note: string; items: MissedItem[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <p className="small">
        <strong>{title}</strong>
        {note}:
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.text}>
            {item.text} <span className="muted">×{item.count}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

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
      <Counted
        title="Red flags"
        note=" (wrong claims the coach corrected)"
        items={topic.red_flags}
      />
      <Counted title="Talking points you missed" note="" items={topic.missed_points} />
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
      void navigate(`/interviews/${started.interview_id}`, { state: handOver(started) });
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
