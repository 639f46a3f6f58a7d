import type { AnswerView, Interview, Question, Report } from "./types";

type ReviewedQuestion = Report["questions"][number];

/** One follow-up of a main question, and its answer if it was answered or skipped. */
export type FollowUpReview = { question: Question; answer?: AnswerView };

/** Everything the report shows about one main question: its review, answer and follow-ups. */
export type QuestionDetail = {
  review: ReviewedQuestion;
  question?: Question;
  answer?: AnswerView;
  followUps: FollowUpReview[];
};

/**
 * The report's questions joined with what the interview holds about each (the answer with its
 * feedback, the follow-ups and their answers), from the one GET /interviews/{id}.
 */
export function questionDetails(report: Report, interview: Interview): QuestionDetail[] {
  const answers = new Map(interview.answers.map((answer) => [answer.question_id, answer]));
  return report.questions.map((review) => ({
    review,
    question: interview.questions.find((q) => q.question_id === review.question_id),
    answer: answers.get(review.question_id),
    followUps: interview.questions
      .filter((q) => q.follow_up_of === review.question_id)
      .map((question) => ({ question, answer: answers.get(question.question_id) })),
  }));
}
