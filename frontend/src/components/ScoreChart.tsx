import { roleLabel, formatDate } from "../lib/labels";
import type { InterviewSummary, Role } from "../lib/types";

// Colours that keep 3:1 contrast on white and differ in lightness too, plus a marker shape per
// role, so the lines are told apart without colour.
const styles: Record<Role, { colour: string; dash: string }> = {
  backend: { colour: "#2846c9", dash: "" },
  frontend: { colour: "#b3261e", dash: "6 4" },
  devops: { colour: "#1b7a3a", dash: "2 3" },
};

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** Overall scores of finished interviews over time, one line per role, as inline SVG. */
export function ScoreChart({ interviews }: { interviews: InterviewSummary[] }) {
  const scored = interviews
    .filter((i): i is InterviewSummary & { overall_score: number } => i.overall_score !== null)
    .map((i) => ({ ...i, time: new Date(i.created_at).getTime() }))
    .sort((a, b) => a.time - b.time);
  if (scored.length === 0) {
    return <p className="muted">Finish an interview to see your scores over time.</p>;
  }

  const first = scored[0]!.time;
  const last = scored[scored.length - 1]!.time;
  const span = Math.max(last - first, 1);
  const x = (time: number) =>
    scored.length === 1
      ? (PAD.left + WIDTH - PAD.right) / 2
      : PAD.left + ((time - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / 100) * (HEIGHT - PAD.top - PAD.bottom);
  const roles = [...new Set(scored.map((i) => i.role))];
  const summary = roles
    .map((role) => {
      const points = scored.filter((i) => i.role === role);
      return `${roleLabel(role)}: ${points.map((p) => p.overall_score).join(", ")}`;
    })
    .join("; ");

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Overall scores over time, oldest first. ${summary}`}
      >
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="axis">
              {tick}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} className="axis">
          {formatDate(scored[0]!.created_at)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="axis">
          {formatDate(scored[scored.length - 1]!.created_at)}
        </text>
        {roles.map((role) => {
          const points = scored.filter((i) => i.role === role);
          const { colour, dash } = styles[role];
          return (
            <g key={role}>
              <polyline
                points={points.map((p) => `${x(p.time)},${y(p.overall_score)}`).join(" ")}
                fill="none"
                stroke={colour}
                strokeWidth={2.5}
                strokeDasharray={dash}
              />
              {points.map((p) => (
                <circle
                  key={p.interview_id}
                  cx={x(p.time)}
                  cy={y(p.overall_score)}
                  r={4}
                  fill={colour}
                >
                  <title>{`${roleLabel(role)}, ${formatDate(p.created_at)}: ${p.overall_score}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {roles.map((role) => (
            <li key={role}>
              <svg width="28" height="10" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={styles[role].colour}
                  strokeWidth="3"
                  strokeDasharray={styles[role].dash}
                />
              </svg>
              {roleLabel(role)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
