import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useAuth } from "../lib/auth";
import { useLoad } from "../lib/useLoad";
import { handOver, useHandedOver } from "../lib/handover";
import { roleLabel, seniorityLabel } from "../lib/labels";
import { topicLabel } from "../lib/reportLabels";
import { screenAfterAnswer, screenOfAnswer } from "../lib/feedbackScreen";
import {
  forgetQuestion,
  loadDraft,
  loadTimerMinutes,
  saveTimerMinutes,
  submissionIdFor,
} from "../lib/storage";
import type { AnswerResult, Interview, InterviewState, Question } from "../lib/types";
import { ApiError } from "../lib/api";
import { AnswerForm } from "../components/AnswerForm";
import { EndInterview } from "../components/EndInterview";
import { LoadFailed } from "../components/LoadFailed";
import { RecoveryNotice } from "../components/RecoveryNotice";
import { FeedbackCard } from "../components/FeedbackCard";
import { ErrorMessage, Loading } from "../components/Status";
import { TimerSetting } from "../components/TimerSetting";

function QuestionHeading({
  question,
  interview,
}: {
  question: Question;
  interview: InterviewState;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A new question takes the focus, so keyboard and screen-reader users start reading it.
  useEffect(() => heading.current?.focus(), [question.question_id]);
  return (
    <>
      <p className="progress-label">
        Question {question.number} of {interview.progress.question_count}
        {question.kind === "follow_up" && " - follow-up"}
        {question.retry && " - again, in English"}
      </p>
      <progress
        max={interview.progress.question_count}
        value={interview.progress.answered}
        aria-label={`${interview.progress.answered} of ${interview.progress.question_count} answered`}
      />
      <h1 ref={heading} tabIndex={-1} className="question">
        {question.text}
      </h1>
      <p className="muted small">Topic: {topicLabel(question.topic)}</p>
    </>
  );
}

export default function InterviewPage() {
  const { id = "" } = useParams();
  const { api } = useAuth();
  const navigate = useNavigate();
  // The answer whose feedback is on screen is named in the URL (?answer=<question id>), so a
  // reload shows that feedback again, from the interview's own state.
  const [params, setParams] = useSearchParams();
  // Just started, the interview is the start's response; opened any other way, it is read.
  // After a step the page holds that step's state, which has no answers: only the whole
  // interview (read, or handed over) can show an answer's feedback again (?answer=).
  const started = useHandedOver(id);
  const loaded = useLoad<Interview | InterviewState>(
    useCallback(() => api.getInterview(id), [api, id]),
    started,
  );
  const [result, setResult] = useState<AnswerResult | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [finishing, setFinishing] = useState(false);
  const [endError, setEndError] = useState<unknown>(null);
  // Set when a step was refused because the interview moved on elsewhere (409).
  const [recovered, setRecovered] = useState<string | null>(null);
  const [timer, setTimer] = useState(loadTimerMinutes);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) feedbackHeading.current?.focus();
  }, [result]);

  if (loaded.loading && !loaded.data) return <Loading label="Loading your interview…" />;
  if (!loaded.data) return <LoadFailed error={loaded.error} onRetry={loaded.reload} />;
  const interview = loaded.data;
  const question = interview.current_question;

  /** A 409: the interview changed in another tab or device. Sending again would meet the same
   * 409, so the latest state is loaded and shown instead; what was typed stays in the draft. */
  const recover = (failure: unknown) => {
    if (!(failure instanceof ApiError && failure.status === 409)) return false;
    setRecovered(failure.message);
    setResult(null);
    loaded.reload();
    return true;
  };

  const submit = async (answer: string) => {
    if (!question || submitting) return;
    setSubmitting(true);
    setError(null);
    setRecovered(null);
    try {
      const key = submissionIdFor(id, question.question_id, answer);
      const answered = await api.answer(id, question.question_id, answer, key);
      forgetQuestion(id, question.question_id);
      setResult(answered);
      setParams({ answer: question.question_id }, { replace: true });
    } catch (failure) {
      if (!recover(failure)) setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  const skip = async (skipped: Question | null = question) => {
    if (!skipped || submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const outcome = await api.skip(id, skipped.question_id);
      forgetQuestion(id, skipped.question_id);
      setResult(outcome);
      setParams({ answer: skipped.question_id }, { replace: true });
    } catch (failure) {
      if (!recover(failure)) setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  const next = () => {
    if (result) loaded.setData(result.interview);
    setResult(null);
    setParams({}, { replace: true });
  };

  /** Skips the question asked again from the feedback that offered it: it becomes current. */
  const skipRetry = (retry: Question) => {
    if (result) loaded.setData(result.interview);
    void skip(retry);
  };

  const finish = async (onFailure: (failure: unknown) => void = setError) => {
    setFinishing(true);
    onFailure(null);
    try {
      // The finished interview is all the report page shows: handed over, it reads nothing.
      const completed = await api.complete(id);
      void navigate(`/interviews/${id}/report`, { state: handOver(completed) });
    } catch (failure) {
      // Finished already (in another tab): its report is there.
      if (failure instanceof ApiError && failure.code === "interview_already_completed") {
        void navigate(`/interviews/${id}/report`);
        return;
      }
      onFailure(failure);
      setFinishing(false);
    }
  };

  const notice = recovered && <RecoveryNotice message={recovered} />;
  const endNow = (answered: number) =>
    answered > 0 && (
      <>
        <EndInterview
          answered={answered}
          questionCount={interview.progress.question_count}
          finishing={finishing}
          onEnd={() => void finish(setEndError)}
        />
        {endError !== null && (
          <ErrorMessage error={endError} onRetry={() => void finish(setEndError)} />
        )}
      </>
    );

  const changeTimer = (minutes: number) => {
    setTimer(minutes);
    saveTimerMinutes(minutes);
  };

  const header = (
    <div className="interview-head">
      <p className="muted">
        {roleLabel(interview.role)} interview, {seniorityLabel(interview.seniority)}
      </p>
      <TimerSetting value={timer} onChange={changeTimer} />
    </div>
  );

  if (interview.status === "completed") {
    return (
      <section className="card">
        {notice}
        <h1>This interview is finished</h1>
        <p>
          <Link to={`/interviews/${id}/report`}>See the report</Link>
        </p>
      </section>
    );
  }

  const shown = result
    ? screenAfterAnswer(result)
    : "answers" in interview
      ? screenOfAnswer(interview, params.get("answer"))
      : null;
  if (shown) {
    const upcoming = shown.upcoming;
    return (
      <section>
        {header}
        <div className="card answered">
          <p className="progress-label">
            Question {shown.question.number} of {interview.progress.question_count}, answered
          </p>
          <h1 className="question">{shown.question.text}</h1>
        </div>
        <FeedbackCard ref={feedbackHeading} feedback={shown.feedback} answer={shown.answer} />
        {error !== null && <ErrorMessage error={error} onRetry={() => void finish()} />}
        <div className="actions end">
          {upcoming?.retry ? (
            <>
              <button
                type="button"
                className="button secondary"
                onClick={() => skipRetry(upcoming)}
                disabled={submitting}
              >
                Skip this question
              </button>
              <button type="button" className="button" onClick={next}>
                Answer again in English
              </button>
            </>
          ) : upcoming ? (
            <button type="button" className="button" onClick={next}>
              {upcoming.kind === "follow_up" ? "Answer the follow-up" : "Next question"}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => void finish()}
              disabled={finishing}
            >
              {finishing ? "Writing your report…" : "Finish interview"}
            </button>
          )}
        </div>
        {upcoming && endNow((result?.interview ?? interview).progress.answered)}
      </section>
    );
  }

  if (!question) {
    return (
      <section className="card">
        {notice}
        <h1>All questions answered</h1>
        <p>Finish the interview to get your report.</p>
        {error !== null && <ErrorMessage error={error} onRetry={() => void finish()} />}
        <button type="button" className="button" onClick={() => void finish()} disabled={finishing}>
          {finishing ? "Writing your report…" : "Finish interview"}
        </button>
      </section>
    );
  }

  return (
    <section>
      {header}
      {notice}
      <div className="card">
        <QuestionHeading question={question} interview={interview} />
        {question.retry && (
          <p className="notice">
            The coach scores English only: your answer before is kept, not scored. Answer again in
            English to get a score, or skip this question.
          </p>
        )}
        <AnswerForm
          key={question.question_id}
          interviewId={id}
          question={question}
          timerMinutes={timer}
          submitting={submitting}
          onSubmit={(answer) => void submit(answer)}
        />
        {(question.kind === "follow_up" || question.retry) && (
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => void skip()}
              disabled={submitting}
            >
              {question.retry ? "Skip this question" : "Skip this follow-up"}
            </button>
          </div>
        )}
        {error !== null && (
          // The retry sends the answer as it is now: the draft kept on every change.
          <ErrorMessage
            error={error}
            onRetry={() => void submit(loadDraft(id, question.question_id))}
          />
        )}
        {endNow(interview.progress.answered)}
      </div>
    </section>
  );
}
