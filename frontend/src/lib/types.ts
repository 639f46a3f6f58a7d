// The API's shapes, as docs/api/openapi.json defines them (only the fields the app reads).
export type Role = "backend" | "frontend" | "devops";
export type Seniority = "junior" | "senior" | "techlead" | "architect";
export type Status = "in_progress" | "completed";

export interface CatalogCell {
  role: Role;
  seniority: Seniority;
  question_count: number;
  topics: string[];
}

export interface Catalog {
  roles: Role[];
  seniorities: Seniority[];
  min_questions: number;
  max_questions: number;
  default_questions: number;
  cells: CatalogCell[];
}

export interface Question {
  question_id: string;
  kind: "main" | "follow_up";
  follow_up_of: string | null;
  number: number;
  topic: string;
  difficulty: number;
  text: string;
  asked_at: string;
}

export interface CriterionScore {
  criterion: string;
  score: number;
  max_score: number;
  comment: string;
}

export interface Correction {
  said: string;
  claim: string;
  correction: string;
}

export interface Feedback {
  score: number;
  rubric: CriterionScore[];
  covered_points: string[];
  missed_points: string[];
  corrections?: Correction[];
  /** Why the answer has no score: "language" (the coach does not read it) or "skipped". */
  unscored?: "language" | "skipped" | null;
  language?: string | null;
  strengths: string[];
  improvements: string[];
  example_answer: string;
  follow_up: string | null;
  job_terms_used: string[];
}

export interface Progress {
  question_number: number;
  question_count: number;
  answered: number;
}

export interface Report {
  overall_score: number;
  categories: { category: string; score: number; summary: string }[];
  strengths: string[];
  to_work_on: string[];
  /** `scored` is false for an answer the coach did not score (another language, a skipped follow-up). */
  questions: {
    question_id: string;
    question_text: string;
    score: number;
    summary: string;
    scored?: boolean;
  }[];
  insights: {
    job_terms_used: string[];
    most_used_words: { word: string; count: number }[];
    talking_points_covered: string[];
  };
  generated_at: string;
}

export interface Interview {
  interview_id: string;
  role: Role;
  seniority: Seniority;
  status: Status;
  version: number;
  created_at: string;
  updated_at: string;
  progress: Progress;
  current_question: Question | null;
  report: Report | null;
}

export interface AnswerResult {
  feedback: Feedback;
  next_question: Question | null;
  interview: Interview;
}

export interface InterviewSummary {
  interview_id: string;
  role: Role;
  seniority: Seniority;
  status: Status;
  version: number;
  question_count: number;
  answered_count: number;
  overall_score: number | null;
  created_at: string;
  updated_at: string;
}

export interface InterviewList {
  items: InterviewSummary[];
  next_token: string | null;
}
