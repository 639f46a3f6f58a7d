import type { AnswerResult, Feedback, Interview, Question } from "./types";

/** A feedback screen: the question answered, the feedback, the answer as stored, what is next. */
export type FeedbackScreen = {
  question: Question;
  feedback: Feedback;
  answer?: string;
  upcoming: Question | null;
};

/** The feedback screen right after `question` was answered (or its follow-up skipped). */
export function screenAfterAnswer(result: AnswerResult, question: Question): FeedbackScreen {
  const stored = result.interview.answers.find((a) => a.question_id === question.question_id);
  return {
    question,
    feedback: result.feedback,
    answer: stored?.answer,
    upcoming: result.next_question,
  };
}

/**
 * The feedback screen of `questionId`, from the interview's state alone (GET /interviews/{id}):
 * a reload shows the same feedback again rather than skipping to the next question. Null when
 * that question has no answer (a stale or mistyped link): the interview then goes on as usual.
 */
export function screenOfAnswer(
  interview: Interview,
  questionId: string | null,
): FeedbackScreen | null {
  if (!questionId) return null;
  const answer = interview.answers.find((a) => a.question_id === questionId);
  const question = interview.questions.find((q) => q.question_id === questionId);
  if (!answer || !question) return null;
  return {
    question,
    feedback: answer.feedback,
    answer: answer.answer,
    upcoming: interview.current_question,
  };
}
