import { useEffect, useId, useState } from "react";
import type { FormEvent } from "react";
import { loadDraft, saveDraft } from "../lib/storage";
import type { Question } from "../lib/types";
import { Countdown } from "./Countdown";
import { Dictation } from "./Dictation";

const MAX_ANSWER = 5000;

interface Props {
  interviewId: string;
  question: Question;
  timerMinutes: number;
  submitting: boolean;
  onSubmit: (answer: string) => void;
}

/** The answer box: typed or dictated, kept as a draft on every change, with an optional timer. */
export function AnswerForm({ interviewId, question, timerMinutes, submitting, onSubmit }: Props) {
  const [text, setText] = useState(() => loadDraft(interviewId, question.question_id));
  const [hint, setHint] = useState("");
  const hintId = useId();

  useEffect(() => {
    saveDraft(interviewId, question.question_id, text);
  }, [interviewId, question.question_id, text]);

  const update = (value: string) => {
    setText(value.slice(0, MAX_ANSWER));
    setHint("");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setHint("Write or dictate an answer first.");
      return;
    }
    onSubmit(text);
  };

  return (
    <form onSubmit={submit} className="answer">
      {timerMinutes > 0 && (
        <Countdown
          key={question.question_id}
          seconds={timerMinutes * 60}
          onExpire={() => onSubmit(text)}
        />
      )}
      <label htmlFor="answer">Your answer</label>
      <textarea
        id="answer"
        rows={9}
        value={text}
        maxLength={MAX_ANSWER}
        aria-describedby={hintId}
        onChange={(event) => update(event.target.value)}
        readOnly={submitting}
      />
      <p id={hintId} className={hint ? "hint error-text" : "hint muted small"}>
        {hint || `${text.length} / ${MAX_ANSWER} characters. Your draft is kept if you leave.`}
      </p>
      <div className="actions">
        <Dictation
          onText={(spoken) => {
            // Functional: several phrases can arrive before the next render.
            setText((typed) => (typed ? `${typed} ${spoken}` : spoken).slice(0, MAX_ANSWER));
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
