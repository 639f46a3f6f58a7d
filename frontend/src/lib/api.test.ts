import { vi } from "vitest";
import { ApiError, createApi } from "./api";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("createApi", () => {
  it("sends the ID token, the body as JSON and the Idempotency-Key", async () => {
    const fetcher = vi.fn().mockResolvedValue(json(200, { feedback: {} }));
    const api = createApi(() => "the-id-token", fetcher);

    await api.answer("i1", "q1", "my answer", "key-12345678");

    const [url, init] = fetcher.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/interviews/i1/answers");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({
      Authorization: "Bearer the-id-token",
      "Content-Type": "application/json",
      "Idempotency-Key": "key-12345678",
    });
    expect(JSON.parse(init.body as string)).toEqual({ question_id: "q1", answer: "my answer" });
  });

  it("turns the API's error body into an ApiError with its message", async () => {
    const fetcher = vi.fn().mockResolvedValue(
      json(409, {
        error: { code: "version_conflict", message: "The interview changed.", request_id: "r1" },
      }),
    );
    const failure = await createApi(() => null, fetcher)
      .getInterview("i1")
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 409,
      code: "version_conflict",
      message: "The interview changed.",
      requestId: "r1",
    });
  });

  it("explains a network failure and a response that is not the API's", async () => {
    const offline = createApi(() => null, vi.fn().mockRejectedValue(new TypeError("fetch failed")));
    await expect(offline.catalog()).rejects.toThrow("Cannot reach TuCoach");

    const proxy = createApi(
      () => null,
      vi.fn().mockResolvedValue(new Response("<html>", { status: 502 })),
    );
    await expect(proxy.catalog()).rejects.toThrow("The server answered 502.");
  });

  it("pages the list with next_token and leaves out an empty rating comment", async () => {
    const fetcher = vi.fn<typeof fetch>(() => Promise.resolve(json(200, {})));
    const api = createApi(() => "t", fetcher);

    await api.listInterviews(10, "abc/=");
    await api.rate("i1", true, "   ");

    expect(fetcher.mock.calls[0]?.[0]).toBe("/api/interviews?limit=10&next_token=abc%2F%3D");
    expect(JSON.parse(fetcher.mock.calls[1]?.[1]?.body as string)).toEqual({
      helpful: true,
    });
  });
});
