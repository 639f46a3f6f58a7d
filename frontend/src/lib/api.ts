import { config } from "./config";
import type {
  AnswerResult,
  Catalog,
  Interview,
  InterviewList,
  PracticePlan,
  RatingState,
  RatingView,
  Role,
  Seniority,
} from "./types";

/** An API failure, carrying the API's own message (`{error: {code, message, request_id}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type TokenSource = () => string | null;

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; request_id?: string | null };
    };
    if (body.error?.message) {
      return new ApiError(
        response.status,
        body.error.code ?? "error",
        body.error.message,
        body.error.request_id ?? null,
      );
    }
  } catch {
    // not the API's JSON (a proxy's page, say): fall through to a generic message
  }
  return new ApiError(response.status, "http_error", `The server answered ${response.status}.`);
}

export function createApi(token: TokenSource, fetcher: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const all: Record<string, string> = { Accept: "application/json", ...headers };
    const bearer = token();
    if (bearer) all.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) all["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetcher(`${config.apiBaseUrl}${path}`, {
        method,
        headers: all,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "network", "Cannot reach TuCoach. Check your connection and retry.");
    }
    if (!response.ok) throw await failure(response);
    return (await response.json()) as T;
  }

  const interview = (id: string) => `/interviews/${encodeURIComponent(id)}`;
  return {
    catalog: () => call<Catalog>("GET", "/catalog"),
    createInterview: (
      role: Role,
      seniority: Seniority,
      questionCount: number,
      focusTopics: string[] = [],
    ) =>
      call<Interview>("POST", "/interviews", {
        role,
        seniority,
        question_count: questionCount,
        ...(focusTopics.length ? { focus_topics: focusTopics } : {}),
      }),
    getInterview: (id: string) => call<Interview>("GET", interview(id)),
    listInterviews: (limit: number, nextToken?: string | null) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (nextToken) query.set("next_token", nextToken);
      return call<InterviewList>("GET", `/interviews?${query}`);
    },
    answer: (id: string, questionId: string, answer: string, idempotencyKey: string) =>
      call<AnswerResult>(
        "POST",
        `${interview(id)}/answers`,
        { question_id: questionId, answer },
        { "Idempotency-Key": idempotencyKey },
      ),
    skip: (id: string, questionId: string) =>
      call<AnswerResult>("POST", `${interview(id)}/skip`, { question_id: questionId }),
    complete: (id: string) => call<Interview>("POST", `${interview(id)}/complete`),
    rating: (id: string) => call<RatingState>("GET", `${interview(id)}/rating`),
    practicePlan: () => call<PracticePlan>("GET", "/practice-plan"),
    rate: (id: string, helpful: boolean, comment: string) =>
      call<RatingView>("POST", `${interview(id)}/rating`, {
        helpful,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
  };
}

export type Api = ReturnType<typeof createApi>;
