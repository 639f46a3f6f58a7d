// The API's shapes under the names the app uses. They come from src/lib/api-schema.ts, which
// `npm run api-types` generates from docs/api/openapi.json (bin/test fails when it is stale).
import type { components } from "./api-schema";

type Schemas = components["schemas"];

export type Role = Schemas["Role"];
export type Seniority = Schemas["Seniority"];
export type Catalog = Schemas["Catalog"];
export type Question = Schemas["QuestionView"];
export type Correction = Schemas["Correction"];
export type Feedback = Schemas["Feedback"];
export type Report = Schemas["Report"];
export type Interview = Schemas["InterviewView"];
export type InterviewState = Schemas["InterviewState"];
export type AnswerResult = Schemas["AnswerResponse"];
export type InterviewSummary = Schemas["InterviewSummaryView"];
export type InterviewList = Schemas["InterviewList"];
export type Highlight = Schemas["Highlight"];
export type AnswerView = Schemas["AnswerView"];
export type RatingView = Schemas["RatingView"];
export type RatingState = Schemas["RatingState"];
export type PracticePlan = Schemas["PracticePlan"];
export type RolePlan = Schemas["RolePlan"];
export type TopicPlan = Schemas["TopicPlan"];
export type MissedItem = Schemas["MissedItem"];
