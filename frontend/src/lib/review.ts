import type { AnswerView, Interview, Question, Report } from "./types";

type ReviewedQuestion = Report["questions"][number];

/** One follow-up of a main question, and its answer if it was answered or skipped. */
export type FollowUpReview = { question: Question; answer?: AnswerView };

/** Everything the report shows about one main question: its review, answer and follow-ups. */
export type QuestionDetail = {
  review: ReviewedQuestion;
  question?: Question;
  /** The answer the question's score comes from. */
  answer?: AnswerView;
  /** Answers before it in a language the coach does not score: kept, not scored. */
  earlier: AnswerView[];
  followUps: FollowUpReview[];
};

/**
 * The report's questions joined with what the interview holds about each (the answer with its
 * feedback, the follow-ups and their answers), from the one GET /interviews/{id}. A question
 * asked again after an answer in another language counts by its last answer not skipped, as
 * the report does.
 */
export function questionDetails(report: Report, interview: Interview): QuestionDetail[] {
  const answers = new Map(interview.answers.map((answer) => [answer.question_id, answer]));
  const attemptsAt = (questionId: string) =>
    interview.answers.filter(
      (a) => a.question_id === questionId && a.feedback.unscored !== "skipped",
    );
  return report.questions.map((review) => {
    const attempts = attemptsAt(review.question_id);
    return {
      review,
      question: interview.questions.find((q) => q.question_id === review.question_id),
      answer: attempts.at(-1),
      earlier: attempts.slice(0, -1),
      followUps: interview.questions
        .filter((q) => q.follow_up_of === review.question_id)
        .map((question) => ({ question, answer: answers.get(question.question_id) })),
    };
  });
}
