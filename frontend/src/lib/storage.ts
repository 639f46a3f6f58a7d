// Answers being typed live in sessionStorage, per interview and question, so that a reload, an
// error or a sign-in round trip (an expired session) never loses them. Idempotency keys live
// beside them: a retry of the same submission must send the same key.
const draftKey = (interviewId: string, questionId: string) =>
  `tucoach.draft.${interviewId}.${questionId}`;
const submissionKey = (interviewId: string, questionId: string) =>
  `tucoach.submission.${interviewId}.${questionId}`;

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage can be disabled; the app still works, without recovery
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // full or disabled storage: the draft just is not kept
  }
}

export const loadDraft = (interviewId: string, questionId: string): string =>
  read(draftKey(interviewId, questionId)) ?? "";

export const saveDraft = (interviewId: string, questionId: string, text: string): void =>
  write(draftKey(interviewId, questionId), text === "" ? null : text);

/**
 * The Idempotency-Key of this answer to this question: made once, reused on every retry of the
 * same text (so a retry after a lost response cannot answer twice), new when the text changed
 * (the API refuses a key reused with another body).
 */
export function submissionIdFor(interviewId: string, questionId: string, answer: string): string {
  const key = submissionKey(interviewId, questionId);
  try {
    const stored = JSON.parse(read(key) ?? "null") as { id: string; answer: string } | null;
    if (stored && stored.answer === answer) return stored.id;
  } catch {
    // unreadable: make a new one
  }
  const id = crypto.randomUUID();
  write(key, JSON.stringify({ id, answer }));
  return id;
}

export function forgetQuestion(interviewId: string, questionId: string): void {
  write(draftKey(interviewId, questionId), null);
  write(submissionKey(interviewId, questionId), null);
}

const TIMER_KEY = "tucoach.timerMinutes";
export const TIMER_CHOICES = [0, 1, 2, 3] as const;

export function loadTimerMinutes(): number {
  try {
    const value = Number(localStorage.getItem(TIMER_KEY));
    return (TIMER_CHOICES as readonly number[]).includes(value) ? value : 0;
  } catch {
    return 0;
  }
}

export function saveTimerMinutes(minutes: number): void {
  try {
    localStorage.setItem(TIMER_KEY, String(minutes));
  } catch {
    // a preference only
  }
}
