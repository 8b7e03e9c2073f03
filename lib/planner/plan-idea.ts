import "server-only";
import { env, type Env } from "@/lib/config/env";
import { plannerModeFor } from "./check-llm";
import { planEmbedded } from "./embedded/plan-embedded";
import { createLlmClientFromEnv } from "./llm-client";
import { planWithLlm } from "./plan-llm";
import type { Plan, PlanRequest } from "./schema";

export type PlannedIdea = { plan: Plan; planner: "embedded" | "llm"; model: string | null };

/** Plans an idea with the configured planner: the LLM when a key is set, else the embedded one. */
export async function planIdea(request: PlanRequest, config: Env = env(), signal?: AbortSignal): Promise<PlannedIdea> {
  if (plannerModeFor(config) === "llm") {
    const plan = await planWithLlm(request, { client: createLlmClientFromEnv(config), model: config.OPENAI_MODEL, signal });
    return { plan, planner: "llm", model: config.OPENAI_MODEL };
  }
  return { plan: planEmbedded(request), planner: "embedded", model: null };
}
