import { TIMER_CHOICES } from "../lib/storage";

export function TimerSetting({
  value,
  onChange,
}: {
  value: number;
  onChange: (minutes: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor="timer">Timer per question</label>
      <select id="timer" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {TIMER_CHOICES.map((minutes) => (
          <option key={minutes} value={minutes}>
            {minutes === 0 ? "Off" : `${minutes} min`}
          </option>
        ))}
      </select>
    </div>
  );
}
