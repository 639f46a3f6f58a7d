import { scoreBand } from "../lib/reportLabels";
import "./review.css";

/** A score's band in words, with its colour as a second cue: "Needs work" ... "Strong". */
export function ScoreBand({ outOfTen }: { outOfTen: number }) {
  const band = scoreBand(outOfTen);
  return <span className={`band ${band.tone}`}>{band.label}</span>;
}
