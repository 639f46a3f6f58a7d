import { useEffect, useRef, useState } from "react";
import { speechRecognition } from "../lib/speech";
import type { Recognition } from "../lib/speech";

/** A dictation toggle, shown only where the browser offers speech recognition. */
export function Dictation({ onText }: { onText: (text: string) => void }) {
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState("");
  const recognition = useRef<Recognition | null>(null);
  // The recognition session outlives renders; its results go to the latest `onText`.
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => () => recognition.current?.stop(), []);

  const Constructor = speechRecognition();
  if (!Constructor) return null;

  const toggle = () => {
    if (listening) {
      recognition.current?.stop();
      return;
    }
    const session = new Constructor();
    session.continuous = true;
    session.interimResults = false;
    session.lang = document.documentElement.lang || "en";
    session.onresult = (event) => {
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        if (result?.isFinal) onTextRef.current(result[0].transcript.trim());
      }
    };
    session.onerror = (event) =>
      setProblem(
        event.error === "not-allowed"
          ? "The microphone is blocked; allow it in the browser, or type your answer."
          : "Dictation stopped; you can keep typing.",
      );
    session.onend = () => setListening(false);
    recognition.current = session;
    setProblem("");
    session.start();
    setListening(true);
  };

  return (
    <div className="dictation">
      <button type="button" className="button secondary" aria-pressed={listening} onClick={toggle}>
        {listening ? "Stop dictation" : "Answer by voice"}
      </button>
      <span role="status" className="muted small">
        {listening ? "Listening… speak your answer." : problem}
      </span>
    </div>
  );
}
