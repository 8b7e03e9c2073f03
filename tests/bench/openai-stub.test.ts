import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmClient } from "@/lib/planner/llm-client";
import { planWithLlm } from "@/lib/planner/plan-llm";
import { planRequestSchema, planSchema } from "@/lib/planner/schema";
import { benchPlan } from "@/scripts/bench/lib/openai-stub";
import { startStubServer, type StubServer } from "@/scripts/bench/lib/stub-server";

let stub: StubServer;
beforeAll(async () => {
  const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).png().toBuffer();
  stub = await startStubServer({ latency: { baseMs: 10, jitter: 0 }, image });
});
afterAll(() => stub.close());

describe("OpenAI-compatible stand-in", () => {
  it.each([3, 7, 10, 12])("answers the app's planner with a valid %d-scene plan in one call", async (frameCount) => {
    const client = createLlmClient({ apiKey: "sk-bench", baseURL: stub.baseUrl, timeoutMs: 5000, maxRetries: 0 });
    const before = stub.openai.counters.chat;
    const plan = await planWithLlm(planRequestSchema.parse({ prompt: "a keeper and a storm", frameCount, targetDuration: frameCount * 4 }), {
      client,
      model: "gpt-4o-mini",
    });
    expect(plan.scenes).toHaveLength(frameCount);
    expect(stub.openai.counters.chat - before).toBe(1); // valid at once: no repair turn
  });

  it("lists models", async () => {
    const client = createLlmClient({ apiKey: "sk-bench", baseURL: stub.baseUrl, timeoutMs: 5000, maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain("gpt-4o-mini");
  });

  it("builds schema-valid plans for any count", () => {
    for (let n = 3; n <= 12; n++) expect(planSchema.safeParse(benchPlan(n, n * 5)).success).toBe(true);
  });
});
