// The rules an answer meets before it is sent, the same as the API's (docs/api/openapi.json):
// at most MAX_ANSWER characters, at least one of them visible.

export const MAX_ANSWER = 5000;

// What shows nothing: whitespace, control characters and the zero-width, soft-hyphen and
// direction marks a paste can carry (the API's VISIBLE_CHARACTER pattern, inverted).
// eslint-disable-next-line no-control-regex -- control characters are what it must recognise
const VISIBLE = /[^\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

/** True when `text` has nothing a reader would see. */
export const isBlank = (text: string): boolean => !VISIBLE.test(text);

/** Characters over the limit (0 when within it); counted as the API counts, in code points. */
export const overLimit = (text: string): number => Math.max(0, [...text].length - MAX_ANSWER);

export const characters = (count: number): string =>
  `${count.toLocaleString("en")} character${count === 1 ? "" : "s"}`;
