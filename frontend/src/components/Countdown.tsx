import { useEffect, useEffectEvent, useState } from "react";

const WARNING_SECONDS = 30;

/** Counts down from `seconds`, then calls `onExpire` once. Restarts when `seconds` changes. */
export function Countdown({ seconds, onExpire }: { seconds: number; onExpire: () => void }) {
  const [left, setLeft] = useState(seconds);
  // A new length restarts the count from the top, in the same render (no stale frame).
  const [counting, setCounting] = useState(seconds);
  if (counting !== seconds) {
    setCounting(seconds);
    setLeft(seconds);
  }
  // The latest `onExpire`, without restarting the count when the parent renders a new one.
  const expire = useEffectEvent(onExpire);

  useEffect(() => {
    const ends = Date.now() + seconds * 1000;
    const tick = window.setInterval(() => {
      const remaining = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(tick);
        expire();
      }
    }, 250);
    return () => window.clearInterval(tick);
  }, [seconds]);

  const minutes = Math.floor(left / 60);
  const rest = String(left % 60).padStart(2, "0");
  const warning = left < WARNING_SECONDS;
  return (
    <p className={warning ? "countdown warning" : "countdown"}>
      <span className="sr-only">Time left: </span>
      <span role="timer" aria-live={warning ? "polite" : "off"}>
        {minutes}:{rest}
      </span>
      {warning && <span className="small"> - the answer is sent at zero</span>}
    </p>
  );
}
