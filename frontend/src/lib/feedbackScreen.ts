import type { AnswerResult, Feedback, Interview, Question } from "./types";

/** A feedback screen: the question answered, the feedback, the answer as stored, what is next. */
export type FeedbackScreen = {
  question: Question;
  feedback: Feedback;
  answer?: string;
  upcoming: Question | null;
};

/** Where the last answer to `questionId` is (a question asked again has more than one). */
function lastAnswerTo(interview: Interview, questionId: string): number {
  const positions = interview.answers.map((a, i) => (a.question_id === questionId ? i : -1));
  return Math.max(...positions, -1);
}

/** The feedback screen right after an answer (or a skip): all of it is in the response. */
export function screenAfterAnswer(result: AnswerResult): FeedbackScreen {
  return {
    question: result.question,
    feedback: result.feedback,
    answer: result.answer,
    upcoming: result.next_question,
  };
}

/**
 * The feedback screen of `questionId`, from the whole interview (GET /interviews/{id}): a
 * reload shows the same feedback again rather than skipping to the next question. Null when
 * that question has no answer (a stale or mistyped link): the interview then goes on as usual.
 */
export function screenOfAnswer(
  interview: Interview,
  questionId: string | null,
): FeedbackScreen | null {
  if (!questionId) return null;
  // Answers follow questions one for one: the question of an answer is at the same place.
  const at = lastAnswerTo(interview, questionId);
  const answer = interview.answers[at];
  const question = interview.questions[at];
  if (!answer || !question) return null;
  return {
    question,
    feedback: answer.feedback,
    answer: answer.answer,
    upcoming: interview.current_question,
  };
}
