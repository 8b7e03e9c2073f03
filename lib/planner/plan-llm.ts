import "server-only";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { mapLlmError, mapLlmErrorBody } from "@/lib/planner/llm-errors";
import { buildPlanMessages, buildRepairMessages } from "@/lib/planner/llm-prompt";
import { normalizePlan } from "@/lib/planner/normalize";
import { planSchema, type Plan, type PlanRequest } from "@/lib/planner/schema";

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type Mode = "json_schema" | "json_object" | "plain";

export type LlmPlannerDeps = { client: OpenAI; model: string; signal?: AbortSignal };

// Built once: zod 4 → strict JSON schema. Verified non-empty in tests (openai < 6.7 emitted `{}` for zod 4).
const planResponseFormat = zodResponseFormat(planSchema, "storyboard_plan");

type Candidate = { ok: true; plan: Plan } | { ok: false; notJson: boolean; problems: string; issues: ErrorIssue[] };

/** Plans a storyboard with an OpenAI-compatible chat model; always resolves to a normalized Plan or throws AppError. */
export async function planWithLlm(request: PlanRequest, deps: LlmPlannerDeps): Promise<Plan> {
  try {
    return normalizePlan(await requestPlan(request, deps), request);
  } catch (e) {
    throw mapLlmError(e);
  }
}

async function requestPlan(request: PlanRequest, deps: LlmPlannerDeps): Promise<Plan> {
  // 1. Structured outputs: the server enforces the schema.
  const structured = buildPlanMessages(request, { describeShape: false });
  let answer: string | undefined;
  try {
    answer = await complete(deps, structured, "json_schema");
  } catch (e) {
    if (!isResponseFormatRejected(e)) throw e;
  }
  if (answer !== undefined) {
    const first = readPlan(answer);
    if (first.ok) return first.plan;
    // Valid JSON but off-schema: the server took the schema, so repair within it. Not JSON at all:
    // the server ignored the schema, so ask again with the shape spelled out in the prompt.
    if (!first.notJson) return repair(deps, structured, answer, first, "json_schema");
  }

  // 2. JSON mode (or plain text, for servers that reject json_object too) with the shape in the prompt.
  const described = buildPlanMessages(request, { describeShape: true });
  let mode: Mode = "json_object";
  try {
    answer = await complete(deps, described, mode);
  } catch (e) {
    if (!isResponseFormatRejected(e)) throw e;
    mode = "plain";
    answer = await complete(deps, described, mode);
  }
  const second = readPlan(answer);
  return second.ok ? second.plan : repair(deps, described, answer, second, mode);
}

async function repair(
  deps: LlmPlannerDeps,
  messages: Message[],
  badAnswer: string,
  failure: Extract<Candidate, { ok: false }>,
  mode: Mode,
): Promise<Plan> {
  const answer = await complete(deps, buildRepairMessages(messages, badAnswer, failure.problems), mode);
  const repaired = readPlan(answer);
  if (repaired.ok) return repaired.plan;
  throw new AppError("PLAN_INVALID", "The model's plan did not match the storyboard schema, even after one correction.", {
    issues: repaired.issues,
  });
}

/** One chat completion; returns the answer text or throws (SDK errors are mapped by the caller). */
async function complete(deps: LlmPlannerDeps, messages: Message[], mode: Mode): Promise<string> {
  const response_format =
    mode === "json_schema" ? planResponseFormat : mode === "json_object" ? { type: "json_object" as const } : undefined;
  // create(), not parse(): parse() crashes with a TypeError on OpenRouter's error-in-a-200-body and loses its
  // code, and json_object answers need the same validation anyway. The request sent is identical.
  const completion: unknown = await deps.client.chat.completions.create(
    { model: deps.model, messages, ...(response_format ? { response_format } : {}) },
    { signal: deps.signal },
  );
  return answerText(completion);
}

type LooseCompletion = {
  error?: { code?: unknown; message?: unknown; metadata?: unknown };
  choices?: Array<{
    finish_reason?: string | null;
    message?: { content?: string | null; refusal?: string | null } | null;
    error?: { code?: unknown; message?: unknown; metadata?: unknown };
  }>;
};

function answerText(raw: unknown): string {
  const completion = (raw && typeof raw === "object" ? raw : {}) as LooseCompletion;
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!choice) {
    if (completion.error && typeof completion.error === "object") throw mapLlmErrorBody(completion.error);
    throw new AppError(
      "PROVIDER_ERROR",
      "The LLM endpoint did not answer with a chat completion: check OPENAI_BASE_URL points at an OpenAI-compatible /v1 API.",
    );
  }
  if (choice.finish_reason === "error") {
    throw mapLlmErrorBody(choice.error ?? completion.error ?? { message: "generation failed" });
  }
  const refusal = choice.message?.refusal;
  if (refusal) throw new AppError("PLAN_REFUSED", `The model declined to plan this idea: ${refusal}`);
  if (choice.finish_reason === "content_filter") {
    throw new AppError("PLAN_REFUSED", "The model declined to plan this idea: its content filter stopped the answer.");
  }
  if (choice.finish_reason === "length") {
    throw new AppError(
      "PLAN_INVALID",
      "The model ran out of output tokens before finishing the plan. Ask for fewer frames, or use a model with a larger output limit.",
    );
  }
  return choice.message?.content ?? "";
}

/** Local models like to wrap JSON in ``` fences or add a sentence around it. */
export function extractJson(text: string): string {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

function readPlan(answer: string): Candidate {
  let json: unknown;
  try {
    json = JSON.parse(extractJson(answer));
  } catch {
    const message = answer.trim() ? "the answer is not valid JSON" : "the answer is empty";
    return { ok: false, notJson: true, problems: `✖ ${message}`, issues: [{ path: "", message, code: "invalid_json" }] };
  }
  const result = planSchema.safeParse(json);
  if (result.success) return { ok: true, plan: result.data };
  return {
    ok: false,
    notJson: false,
    problems: z.prettifyError(result.error),
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code })),
  };
}

const RESPONSE_FORMAT_HINT = /response_format|json_schema|json_object|structured output|schema|not supported|unsupported/i;

// A server without structured outputs answers 400 (422 on some) naming the parameter; anything else is a real error.
function isResponseFormatRejected(e: unknown): boolean {
  return e instanceof OpenAI.APIError && (e.status === 400 || e.status === 422) && RESPONSE_FORMAT_HINT.test(e.message);
}
