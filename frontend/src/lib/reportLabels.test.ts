import { formatDateTime, plainCategory, scoreBand, topicLabel } from "./reportLabels";

describe("report labels", () => {
  it("writes topics as words, with acronyms and product names as people write them", () => {
    expect(topicLabel("query_tuning")).toBe("Query tuning");
    expect(topicLabel("api_design")).toBe("API design");
    expect(topicLabel("ci_cd")).toBe("CI/CD");
    expect(topicLabel("http_tls")).toBe("HTTP and TLS");
    expect(topicLabel("kubernetes_operations")).toBe("Kubernetes operations");
    expect(topicLabel("caching")).toBe("Caching");
  });

  it("names the report's categories plainly", () => {
    expect(plainCategory("technical_knowledge")).toBe("Technical knowledge");
    expect(plainCategory("role_fit")).toBe("Fit for the role");
    expect(plainCategory("something_new")).toBe("Something new");
  });

  it("dates a moment as people write it", () => {
    const text = formatDateTime("2026-12-02T14:05:00Z");
    expect(text).toMatch(/^\d{1,2} December 2026, \d\d:05$/);
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("puts a score out of 10 in one of four bands", () => {
    expect([0, 3.9, 4, 6.9, 7, 8.9, 9, 10].map((s) => scoreBand(s).label)).toEqual([
      "Needs work",
      "Needs work",
      "Getting there",
      "Getting there",
      "Good",
      "Good",
      "Strong",
      "Strong",
    ]);
  });
});
