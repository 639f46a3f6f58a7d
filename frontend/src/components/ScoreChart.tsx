import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { roleLabel, formatDate } from "../lib/labels";
import type { InterviewSummary, Role } from "../lib/types";

// Colours that keep 3:1 contrast on white and differ in lightness too, plus a dash pattern per
// role, so the lines are told apart without colour.
const styles: Record<Role, { colour: string; dash: string }> = {
  backend: { colour: "#2846c9", dash: "" },
  frontend: { colour: "#b3261e", dash: "6 4" },
  devops: { colour: "#1b7a3a", dash: "2 3" },
};

const DEFAULT_WIDTH = 640;
const HEIGHT = 220;
// Room for the score axis on the left and the dates below; INSET keeps the first and last
// points (and their value labels) off the plot's edges.
const PAD = { left: 34, right: 10, top: 22, bottom: 30 };
const INSET = 18;
const DAY = 24 * 60 * 60 * 1000;
// About one date label per this many pixels, so labels never overlap.
const PIXELS_PER_DATE = 96;

type Point = InterviewSummary & { overall_score: number; time: number };

/** The chart's width in pixels: drawn at the size it is shown, text stays 12 px at 375 px. */
function useWidth() {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width] as const;
}

function dateLabel(time: number, withTime: boolean): string {
  const date = new Date(time);
  return withTime
    ? date.toLocaleString(undefined, {
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      })
    : date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

/** Date ticks across [first, last]: as many as fit, none repeating the label before it. */
export function dateTicks(first: number, last: number, width: number) {
  const withTime = last - first < 2 * DAY;
  const room = Math.max(1, Math.floor(width / PIXELS_PER_DATE));
  const count = last === first ? 1 : Math.min(room, 6);
  const ticks: { time: number; label: string }[] = [];
  for (let i = 0; i < count; i++) {
    const time = count === 1 ? first : first + ((last - first) * i) / (count - 1);
    const label = dateLabel(time, withTime);
    if (ticks.at(-1)?.label !== label) ticks.push({ time, label });
  }
  return ticks;
}

/**
 * Overall scores of finished interviews over time, one line per role, as inline SVG. Each
 * point is also a link to its report, placed over the drawing: focusing or hovering it shows
 * its value, and a screen reader reads the same in its name.
 */
export function ScoreChart({ interviews }: { interviews: InterviewSummary[] }) {
  const [box, width] = useWidth();
  const [active, setActive] = useState<string | null>(null);
  const scored: Point[] = interviews
    .filter((i): i is InterviewSummary & { overall_score: number } => i.overall_score !== null)
    .map((i) => ({ ...i, time: new Date(i.created_at).getTime() }))
    .sort((a, b) => a.time - b.time);
  if (scored.length === 0) {
    return <p className="muted">Finish an interview to see your scores over time.</p>;
  }

  const first = scored[0]!.time;
  const last = scored[scored.length - 1]!.time;
  const left = PAD.left + INSET;
  const right = width - PAD.right - INSET;
  const x = (time: number) =>
    last === first ? (left + right) / 2 : left + ((time - first) / (last - first)) * (right - left);
  const y = (score: number) => PAD.top + (1 - score / 100) * (HEIGHT - PAD.top - PAD.bottom);
  const roles = [...new Set(scored.map((i) => i.role))];
  const summary = roles
    .map((role) => {
      const points = scored.filter((i) => i.role === role);
      return `${roleLabel(role)}: ${points.map((p) => p.overall_score).join(", ")}`;
    })
    .join("; ");
  const shown = scored.find((p) => p.interview_id === active);

  return (
    <figure className="chart">
      <div className="chart-area" ref={box}>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Overall scores over time, oldest first, out of 100. ${summary}`}
        >
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line
                x1={PAD.left}
                x2={width - PAD.right}
                y1={y(tick)}
                y2={y(tick)}
                className="grid"
              />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="axis">
                {tick}
              </text>
            </g>
          ))}
          {dateTicks(first, last, right - left).map((tick) => (
            <text
              key={tick.time}
              x={x(tick.time)}
              y={HEIGHT - 8}
              textAnchor="middle"
              className="axis"
            >
              {tick.label}
            </text>
          ))}
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
                    r={p.interview_id === active ? 6 : 4}
                    fill={colour}
                  />
                ))}
              </g>
            );
          })}
          {shown && (
            <text
              x={x(shown.time)}
              y={y(shown.overall_score) - 10}
              textAnchor="middle"
              className="value"
            >
              {shown.overall_score}
            </text>
          )}
        </svg>
        {scored.map((p) => (
          <Link
            key={p.interview_id}
            to={`/interviews/${p.interview_id}/report`}
            className="chart-point"
            style={{ left: x(p.time), top: y(p.overall_score) }}
            aria-label={`${roleLabel(p.role)}, ${formatDate(p.created_at)}: ${p.overall_score} out of 100. Open the report`}
            onFocus={() => setActive(p.interview_id)}
            onBlur={() => setActive(null)}
            onMouseEnter={() => setActive(p.interview_id)}
            onMouseLeave={() => setActive(null)}
          />
        ))}
      </div>
      <figcaption>
        {shown ? (
          <p className="small" aria-hidden="true">
            {roleLabel(shown.role)}, {formatDate(shown.created_at)}:{" "}
            <strong>{shown.overall_score}/100</strong>
          </p>
        ) : (
          <p className="muted small">Hover over or tab to a point to see its score.</p>
        )}
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
