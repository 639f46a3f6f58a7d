import type { Highlight } from "./types";

export type Segment = { text: string; mark?: Highlight };

/**
 * The answer cut at its highlights. The API counts offsets in Unicode code points (Python's
 * string indices), JavaScript in UTF-16 units: the text is split into code points first, so an
 * emoji before a mark does not shift it. Spans out of range or overlapping an earlier one are
 * left unmarked rather than guessed.
 */
export function segments(text: string, highlights: readonly Highlight[]): Segment[] {
  const points = Array.from(text);
  const parts: Segment[] = [];
  let cursor = 0;
  for (const mark of [...highlights].sort((a, b) => a.start - b.start)) {
    if (mark.start < cursor || mark.end > points.length || mark.end <= mark.start) continue;
    if (mark.start > cursor) parts.push({ text: points.slice(cursor, mark.start).join("") });
    parts.push({ text: points.slice(mark.start, mark.end).join(""), mark });
    cursor = mark.end;
  }
  if (cursor < points.length) parts.push({ text: points.slice(cursor).join("") });
  return parts;
}

export const MARK_WORDS = { covered: "covered", correction: "wrong claim" } as const;
export const MARK_ICONS = { covered: "✓", correction: "✗" } as const;
