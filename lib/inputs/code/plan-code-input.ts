import "server-only";
import type { Env } from "@/lib/config/env";
import { plannerModeFor } from "@/lib/planner/check-llm";
import { createLlmClientFromEnv } from "@/lib/planner/llm-client";
import type { Plan, PlanRequest } from "@/lib/planner/schema";
import type { CodeInputBody } from "../schemas";
import { planCode, planCodeFrom, type CodeUnderstanding } from "./understand-code";
import { understandCodeWithLlm } from "./understand-code-llm";

export type PlannedCode = { plan: Plan; request: PlanRequest; understanding: CodeUnderstanding; planner: "embedded" | "llm"; model: string | null };

/** The configured reader: the LLM when one is set up (it reads any language), else the embedded one. */
export async function planCodeInput(body: CodeInputBody, config: Env): Promise<PlannedCode> {
  if (plannerModeFor(config) === "llm") {
    const understanding = await understandCodeWithLlm(body, { client: createLlmClientFromEnv(config), model: config.OPENAI_MODEL });
    return { ...planCodeFrom(understanding, body), planner: "llm", model: config.OPENAI_MODEL };
  }
  return { ...planCode(body), planner: "embedded", model: null };
}
