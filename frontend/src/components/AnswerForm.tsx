import { useEffect, useId, useState } from "react";
import type { ClipboardEvent, FormEvent } from "react";
import { characters, isBlank, MAX_ANSWER, overLimit } from "../lib/answerText";
import { loadDraft, saveDraft } from "../lib/storage";
import type { Question } from "../lib/types";
import { Countdown } from "./Countdown";
import { Dictation } from "./Dictation";

interface Props {
  interviewId: string;
  question: Question;
  timerMinutes: number;
  submitting: boolean;
  onSubmit: (answer: string) => void;
}

const LIMIT = characters(MAX_ANSWER);

/**
 * The answer box: typed or dictated, kept as a draft on every change, with an optional timer.
 * Nothing is ever cut: a paste that would pass the limit is refused with the count, and text
 * over it (typed or dictated) is kept and shown as over until it is shortened.
 */
export function AnswerForm({ interviewId, question, timerMinutes, submitting, onSubmit }: Props) {
  const [text, setText] = useState(() => loadDraft(interviewId, question.question_id));
  const [hint, setHint] = useState("");
  const hintId = useId();
  const over = overLimit(text);

  useEffect(() => {
    saveDraft(interviewId, question.question_id, text);
  }, [interviewId, question.question_id, text]);

  const update = (value: string) => {
    setText(value);
    setHint("");
  };

  const refuseLongPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    const pasted = event.clipboardData.getData("text");
    const result =
      box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd);
    const excess = overLimit(result);
    if (excess === 0) return;
    event.preventDefault();
    setHint(
      `Not pasted: the answer would be ${characters([...result].length)}, ${characters(excess)} ` +
        `over the limit of ${LIMIT}. Shorten the text and paste it again.`,
    );
  };

  /** Why `text` cannot be sent, or "" when it can. */
  const problem = (reason: string) => {
    if (isBlank(text)) return reason;
    if (over > 0) return `${characters(over)} over the limit of ${LIMIT}: shorten it to send it.`;
    return "";
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = problem("Write or dictate an answer first.");
    if (refused) {
      setHint(refused);
      return;
    }
    onSubmit(text);
  };

  // At zero a written answer is sent as it is; an empty one is not (the API refuses it): the
  // box stays, with what to do.
  const expire = () => {
    const refused = problem("Time is up. Write your answer and submit it when you are ready.");
    if (refused) setHint(refused.startsWith("Time") ? refused : `Time is up. ${refused}`);
    else onSubmit(text);
  };

  const counter =
    over > 0
      ? `${characters([...text].length)}: ${characters(over)} over the limit of ${LIMIT}.`
      : `${[...text].length} / ${MAX_ANSWER} characters. Your draft is kept if you leave.`;

  return (
    <form onSubmit={submit} className="answer">
      {timerMinutes > 0 && (
        <Countdown key={question.question_id} seconds={timerMinutes * 60} onExpire={expire} />
      )}
      <label htmlFor="answer">Your answer</label>
      <textarea
        id="answer"
        rows={9}
        value={text}
        aria-describedby={hintId}
        aria-invalid={over > 0 || undefined}
        onChange={(event) => update(event.target.value)}
        onPaste={refuseLongPaste}
        readOnly={submitting}
      />
      <p
        id={hintId}
        className={hint || over > 0 ? "hint error-text" : "hint muted small"}
        role={hint ? "alert" : undefined}
      >
        {hint || counter}
      </p>
      <div className="actions">
        <Dictation
          onText={(spoken) => {
            // Functional: several phrases can arrive before the next render.
            setText((typed) => (typed ? `${typed} ${spoken}` : spoken));
            setHint("");
          }}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Scoring your answer…" : "Submit answer"}
        </button>
      </div>
    </form>
  );
}
