import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, parsePath } from "react-router";
import { vi } from "vitest";
import { AuthContext } from "../lib/auth";
import type { Auth } from "../lib/auth";
import type { Api } from "../lib/api";
import type {
  AnswerResult,
  AnswerView,
  Catalog,
  Feedback,
  Interview,
  InterviewState,
  InterviewSummary,
  Question,
  Report,
} from "../lib/types";

export function fakeApi(overrides: Partial<Api> = {}): Api {
  const missing = (name: string) => vi.fn(() => Promise.reject(new Error(`${name} not stubbed`)));
  return {
    catalog: missing("catalog"),
    createInterview: missing("createInterview"),
    getInterview: missing("getInterview"),
    listInterviews: missing("listInterviews"),
    answer: missing("answer"),
    skip: missing("skip"),
    complete: missing("complete"),
    rate: missing("rate"),
    rating: missing("rating"),
    practicePlan: missing("practicePlan"),
    ...overrides,
  };
}

/** Renders `element` at `path` (matched by `route`), signed in with `api`; `state` is the
 * history entry's navigation state, `routes` more pages by route. */
export function renderPage(
  element: ReactElement,
  {
    api,
    path = "/",
    route = "/",
    state,
    routes = {},
  }: {
    api: Api;
    path?: string;
    route?: string;
    state?: unknown;
    routes?: Record<string, ReactElement>;
  },
) {
  const auth: Auth = {
    email: "ada@example.com",
    ready: true,
    signIn: vi.fn(() => Promise.resolve()),
    signOut: vi.fn(() => Promise.resolve()),
    completeSignIn: vi.fn(() => Promise.resolve("/")),
    api,
  };
  const result = render(
    <AuthContext.Provider value={auth}>
      <MemoryRouter initialEntries={[state === undefined ? path : { ...parsePath(path), state }]}>
        <Routes>
          <Route path={route} element={element} />
          {Object.entries(routes).map(([more, page]) => (
            <Route key={more} path={more} element={page} />
          ))}
          <Route path="*" element={<p>elsewhere</p>} />
        </Routes>
      </MemoryRouter>
    </AuthContext.Provider>,
  );
  return { ...result, auth };
}

export const catalog: Catalog = {
  roles: ["backend", "frontend", "devops"],
  seniorities: ["junior", "senior", "techlead", "architect"],
  min_questions: 3,
  max_questions: 10,
  default_questions: 5,
  cells: [],
};

export function question(number: number, overrides: Partial<Question> = {}): Question {
  return {
    question_id: `q${number}`,
    kind: "main",
    follow_up_of: null,
    number,
    topic: "caching",
    difficulty: 1,
    text: `What is question ${number} about?`,
    asked_at: "2026-11-30T10:00:00Z",
    retry: false,
    ...overrides,
  };
}

export function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    interview_id: "i1",
    role: "backend",
    seniority: "junior",
    status: "in_progress",
    version: 1,
    created_at: "2026-11-30T10:00:00Z",
    updated_at: "2026-11-30T10:00:00Z",
    progress: { question_number: 1, question_count: 3, answered: 0 },
    current_question: question(1),
    questions: [question(1)],
    answers: [],
    report: null,
    ...overrides,
  };
}

export const feedback: Feedback = {
  score: 7.5,
  rubric: [{ criterion: "coverage", score: 3, max_score: 4, comment: "most points" }],
  covered_points: ["cache invalidation"],
  missed_points: ["eviction policies"],
  corrections: [],
  strengths: ["clear"],
  improvements: ["give an example"],
  example_answer: "A cache keeps hot data close.",
  follow_up: null,
  job_terms_used: ["Redis"],
  highlights: [],
  provenance: { engine: "offline", prompt_version: "test" },
};

/** An interview's state as a step's response carries it: no questions, answers or report. */
export function interviewState(overrides: Partial<InterviewState> = {}): InterviewState {
  const { interview_id, role, seniority, status, version, created_at, updated_at } = interview();
  return {
    interview_id,
    role,
    seniority,
    status,
    version,
    created_at,
    updated_at,
    progress: { question_number: 2, question_count: 3, answered: 1 },
    current_question: question(2),
    ...overrides,
  };
}

/** The response to an answer (or a skip): question 1 answered, question 2 next, by default. */
export function answerResult(overrides: Partial<AnswerResult> = {}): AnswerResult {
  const next = overrides.next_question === undefined ? question(2) : overrides.next_question;
  return {
    question: question(1),
    answer: "An answer",
    feedback,
    next_question: next,
    interview: interviewState({ version: 2, current_question: next }),
    ...overrides,
  };
}

/** An answer as GET /interviews/{id} returns it, with `feedback` changed by `overrides`. */
export function answerView(
  questionId: string,
  answer: string,
  overrides: Partial<Feedback> = {},
): AnswerView {
  return {
    question_id: questionId,
    answer,
    answered_at: "2026-11-30T10:05:00Z",
    feedback: { ...feedback, ...overrides },
  };
}

export const report: Report = {
  overall_score: 72,
  categories: [{ category: "caching", score: 70, summary: "Solid basics." }],
  strengths: ["Clear structure"],
  to_work_on: ["Eviction policies"],
  questions: [
    {
      question_id: "q1",
      question_text: "What is caching?",
      score: 7,
      summary: "Good.",
      scored: true,
    },
  ],
  insights: {
    job_terms_used: ["Redis"],
    most_used_words: [{ word: "cache", count: 4 }],
    talking_points_covered: ["invalidation"],
  },
  provenance: { engine: "offline", prompt_version: "test" },
  generated_at: "2026-11-30T10:30:00Z",
};

export function summary(id: string, overrides: Partial<InterviewSummary> = {}): InterviewSummary {
  return {
    interview_id: id,
    role: "backend",
    seniority: "senior",
    status: "completed",
    version: 5,
    question_count: 3,
    answered_count: 3,
    overall_score: 60,
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:30:00Z",
    ...overrides,
  };
}
