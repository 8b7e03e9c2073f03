import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import { zodResponseFormat } from "openai/helpers/zod";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { checkLlm, maskKey } from "@/lib/planner/check-llm";
import { createLlmClient } from "@/lib/planner/llm-client";
import { retryAfterSecondsFrom } from "@/lib/planner/llm-errors";
import { extractJson, planWithLlm } from "@/lib/planner/plan-llm";
import { planRequestSchema, planSchema, type Plan } from "@/lib/planner/schema";
import { invalidPlanJson, samplePlan, samplePlanJson } from "./llm-fixtures";

const BASE = "https://llm.test/v1";
const OPENROUTER = "https://openrouter.ai/api/v1";
const KEY = "sk-test-SECRETvalue1234abcd";
const MODEL = "test-model";

type Hit = { url: string; headers: Headers; body: Record<string, unknown> };
let hits: Hit[] = [];

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  hits = [];
});
afterAll(() => server.close());

const request = planRequestSchema.parse({
  prompt: "A girl and a glowing fox guide her father's boat home through a storm",
  targetDuration: 30,
  frameCount: 6,
  form: "story",
});

function client(opts: { baseURL?: string; maxRetries?: number; timeoutMs?: number; apiKey?: string } = {}) {
  return createLlmClient({
    apiKey: opts.apiKey ?? KEY,
    baseURL: opts.baseURL ?? BASE,
    timeoutMs: opts.timeoutMs ?? 2000,
    maxRetries: opts.maxRetries ?? 0,
  });
}

function completion(content: string | null, extra: { refusal?: string; finish_reason?: string } = {}) {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1,
    model: MODEL,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: extra.refusal ?? null },
        finish_reason: extra.finish_reason ?? "stop",
      },
    ],
  };
}

/** Answers the chat endpoint with the given responses in turn (the last one repeats), recording each request. */
function chat(base: string, ...responses: Array<() => Response | Promise<Response>>) {
  server.use(
    http.post(`${base}/chat/completions`, async ({ request: req }) => {
      hits.push({ url: req.url, headers: req.headers, body: (await req.json()) as Record<string, unknown> });
      const next = responses[Math.min(hits.length - 1, responses.length - 1)];
      if (!next) throw new Error("no response configured");
      return next();
    }),
  );
}
// Responses the SDK retries carry no body: msw's response bodies never finish cancelling, and the SDK
// cancels the body before each retry, so a JSON 429 would hang the test (mswjs/interceptors#799).
const retryable = (status: number, headers: Record<string, string>) => () => new HttpResponse(null, { status, headers });

const ok = (content: string | null, extra?: Parameters<typeof completion>[1]) => () =>
  HttpResponse.json(completion(content, extra));

async function planError(p: Promise<Plan>): Promise<AppError> {
  const e = await p.then(
    () => {
      throw new Error("expected the planner to fail");
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const total = (plan: Plan) => plan.scenes.reduce((sum, s) => sum + s.durationSeconds, 0);
type JsonSchemaNode = { properties: Record<string, { items?: { required?: string[] } }> };
type SentFormat = { type: string; json_schema: { name: string; strict: boolean; schema: JsonSchemaNode } };
const responseFormat = (hit: Hit | undefined) => hit?.body.response_format as SentFormat | undefined;
const messages = (hit: Hit | undefined) => (hit?.body.messages ?? []) as Array<{ role: string; content: string }>;

describe("zodResponseFormat with the zod 4 plan schema", () => {
  it("emits a strict, non-empty JSON schema", () => {
    const format = zodResponseFormat(planSchema, "storyboard_plan");
    const schema = format.json_schema.schema as JsonSchemaNode;
    expect(format.json_schema.strict).toBe(true);
    expect(Object.keys(schema.properties)).toEqual(["title", "logline", "form", "styleBible", "characters", "scenes"]);
    expect(schema.properties.scenes?.items?.required).toContain("dialogue");
  });
});

describe("planWithLlm", () => {
  it("plans with structured outputs and returns a normalized plan", async () => {
    chat(BASE, ok(samplePlanJson));
    const plan = await planWithLlm(request, { client: client(), model: MODEL });

    expect(hits).toHaveLength(1);
    const format = responseFormat(hits[0]);
    expect(format?.type).toBe("json_schema");
    expect(format?.json_schema.name).toBe("storyboard_plan");
    expect(format?.json_schema.schema.properties.scenes).toBeDefined();
    expect(hits[0]?.body.model).toBe(MODEL);
    expect(messages(hits[0]).map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages(hits[0])[1]?.content).toContain("Scenes: 6. Total duration: 30 s.");
    expect(messages(hits[0])[1]?.content).toContain("setup, inciting, rising, rising, climax, resolution");

    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(plan.title).toBe(samplePlan.title);
    expect(plan.scenes.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(total(samplePlan)).toBe(29);
    expect(total(plan)).toBeCloseTo(30, 5);
  });

  it("falls back to json_object when json_schema is rejected, then repairs an invalid answer", async () => {
    chat(
      BASE,
      () =>
        HttpResponse.json(
          { error: { message: "response_format json_schema is not supported by this model", type: "invalid_request_error" } },
          { status: 400 },
        ),
      ok(invalidPlanJson()),
      ok(samplePlanJson),
    );
    const plan = await planWithLlm(request, { client: client(), model: MODEL });

    expect(hits).toHaveLength(3);
    expect(responseFormat(hits[1])).toEqual({ type: "json_object" });
    expect(messages(hits[1])[0]?.content).toContain("JSON shape");
    const repair = messages(hits[2]);
    expect(responseFormat(hits[2])).toEqual({ type: "json_object" });
    expect(repair.at(-2)).toEqual({ role: "assistant", content: invalidPlanJson() });
    expect(repair.at(-1)?.content).toContain("scenes[0].durationSeconds");
    expect(repair.at(-1)?.content).toContain("scenes[0].shotType");
    expect(total(plan)).toBeCloseTo(30, 5);
  });

  it("repairs an off-schema structured-output answer within json_schema", async () => {
    chat(BASE, ok(invalidPlanJson()), ok(samplePlanJson));
    const plan = await planWithLlm(request, { client: client(), model: MODEL });
    expect(hits.map((h) => responseFormat(h)?.type)).toEqual(["json_schema", "json_schema"]);
    expect(total(plan)).toBeCloseTo(30, 5);
  });

  it("drops response_format entirely when the server rejects json_object too", async () => {
    const rejected = (what: string) => () =>
      HttpResponse.json({ error: { message: `response_format type ${what} is unsupported` } }, { status: 400 });
    chat(BASE, rejected("json_schema"), rejected("json_object"), ok(samplePlanJson));
    const plan = await planWithLlm(request, { client: client(), model: MODEL });
    expect(hits.map((h) => responseFormat(h)?.type)).toEqual(["json_schema", "json_object", undefined]);
    expect(plan.scenes).toHaveLength(6);
  });

  it("does not fall back on a 400 that is not about response_format", async () => {
    chat(BASE, () => HttpResponse.json({ error: { message: "The model `nope` does not exist" } }, { status: 400 }));
    const e = await planError(planWithLlm(request, { client: client(), model: "nope" }));
    expect(hits).toHaveLength(1);
    expect(e.code).toBe("PROVIDER_ERROR");
    expect(e.message).toContain("does not exist");
  });

  it("gives up with PLAN_INVALID and the issues after one failed repair", async () => {
    chat(BASE, ok(invalidPlanJson()));
    const e = await planError(planWithLlm(request, { client: client(), model: MODEL }));

    expect(hits).toHaveLength(2);
    // The server accepted the schema, so the repair stays in structured-output mode.
    expect(responseFormat(hits[1])?.type).toBe("json_schema");
    expect(messages(hits[1]).at(-1)?.content).toContain("durationSeconds");
    expect(e.code).toBe("PLAN_INVALID");
    expect(e.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "scenes.0.durationSeconds" }),
        expect.objectContaining({ path: "scenes.0.shotType" }),
      ]),
    );
  });

  it("lets the SDK retry a 429 after Retry-After, then succeeds", async () => {
    chat(
      BASE,
      retryable(429, { "retry-after": "1" }),
      ok(samplePlanJson),
    );
    const started = Date.now();
    const plan = await planWithLlm(request, { client: client({ maxRetries: 2 }), model: MODEL });

    expect(hits).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(total(plan)).toBeCloseTo(30, 5);
  });

  it("maps a 429 that outlasts the retries to RATE_LIMIT with retryAfterSeconds", async () => {
    chat(BASE, retryable(429, { "retry-after-ms": "20", "retry-after": "1" }));
    const e = await planError(planWithLlm(request, { client: client({ maxRetries: 2 }), model: MODEL }));

    expect(hits).toHaveLength(3);
    expect(e.code).toBe("RATE_LIMIT");
    expect(e.retryAfterSeconds).toBe(1);
  });

  it("maps 401 to AUTHENTICATION_FAILED without echoing the key", async () => {
    chat(BASE, () =>
      HttpResponse.json(
        { error: { message: `Incorrect API key provided: ${KEY}.`, type: "invalid_request_error", code: "invalid_api_key" } },
        { status: 401 },
      ),
    );
    const e = await planError(planWithLlm(request, { client: client({ maxRetries: 2 }), model: MODEL }));

    expect(hits).toHaveLength(1); // 401 is not retried
    expect(hits[0]?.headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(e.code).toBe("AUTHENTICATION_FAILED");
    expect(e.message).not.toContain(KEY);
    expect(e.message).not.toContain("abcd");
    expect(JSON.stringify({ message: e.message, issues: e.issues })).not.toContain("SECRET");
  });

  it("maps a timeout to TIMEOUT", async () => {
    chat(BASE, async () => {
      await delay(1000);
      return HttpResponse.json(completion(samplePlanJson));
    });
    const e = await planError(planWithLlm(request, { client: client({ timeoutMs: 200 }), model: MODEL }));
    expect(e.code).toBe("TIMEOUT");
  });

  it("maps a network failure to NETWORK_ERROR", async () => {
    chat(BASE, () => HttpResponse.error());
    const e = await planError(planWithLlm(request, { client: client(), model: MODEL }));
    expect(e.code).toBe("NETWORK_ERROR");
  });

  it("maps a refusal to PLAN_REFUSED with the model's words", async () => {
    chat(BASE, ok(null, { refusal: "I can't help with that request." }));
    const e = await planError(planWithLlm(request, { client: client(), model: MODEL }));
    expect(e.code).toBe("PLAN_REFUSED");
    expect(e.message).toBe("The model declined to plan this idea: I can't help with that request.");
    expect(hits).toHaveLength(1);
  });

  it("maps finish_reason length to PLAN_INVALID", async () => {
    chat(BASE, ok('{"title": "Mira and the', { finish_reason: "length" }));
    const e = await planError(planWithLlm(request, { client: client(), model: MODEL }));
    expect(e.code).toBe("PLAN_INVALID");
    expect(e.message).toMatch(/output tokens/);
  });

  it("reads fenced JSON from a local server in one request", async () => {
    const local = "http://localhost:11434/v1";
    chat(local, ok(`Here is your storyboard:\n\`\`\`json\n${samplePlanJson}\n\`\`\``));
    const plan = await planWithLlm(request, { client: client({ baseURL: local, apiKey: "ollama" }), model: "llama3.1" });

    expect(hits).toHaveLength(1);
    expect(hits[0]?.headers.get("x-openrouter-title")).toBeNull();
    expect(total(plan)).toBeCloseTo(30, 5);
  });

  it("asks again in json_object mode when a local server ignores the schema and answers prose", async () => {
    const local = "http://localhost:8080/v1";
    chat(local, ok("Sure! Here's a storyboard idea: a girl, a fox, a storm."), ok(`\`\`\`\n${samplePlanJson}\n\`\`\``));
    const plan = await planWithLlm(request, { client: client({ baseURL: local }), model: "local" });

    expect(hits).toHaveLength(2);
    expect(responseFormat(hits[1])).toEqual({ type: "json_object" });
    expect(plan.scenes).toHaveLength(6);
  });

  it("sends OpenRouter's attribution headers", async () => {
    chat(OPENROUTER, ok(samplePlanJson));
    await planWithLlm(request, { client: client({ baseURL: OPENROUTER }), model: "openai/gpt-4o-mini" });

    expect(hits[0]?.url).toBe(`${OPENROUTER}/chat/completions`);
    expect(hits[0]?.headers.get("x-openrouter-title")).toBe("Storyframe");
    expect(hits[0]?.headers.get("http-referer")).toBeTruthy();
  });

  it.each([
    [{ code: 502, message: "Provider returned error" }, "PROVIDER_ERROR"],
    [{ code: 429, message: "Rate limit exceeded upstream" }, "RATE_LIMIT"],
    [{ code: 403, message: "Input was flagged", metadata: { reasons: ["violence"], flagged_input: "…" } }, "PLAN_REFUSED"],
  ] as const)("maps OpenRouter's error-in-a-200-body %o to %s", async (error, code) => {
    chat(OPENROUTER, () => HttpResponse.json({ error }));
    const e = await planError(planWithLlm(request, { client: client({ baseURL: OPENROUTER }), model: "x/y" }));
    expect(e.code).toBe(code);
    expect(hits).toHaveLength(1);
  });

  it("maps OpenRouter's 402 (no credits) to PROVIDER_ERROR, which waiting would not fix", async () => {
    chat(OPENROUTER, () =>
      HttpResponse.json({ error: { code: 402, message: "Insufficient credits" } }, { status: 402 }),
    );
    const e = await planError(planWithLlm(request, { client: client({ baseURL: OPENROUTER }), model: "x/y" }));
    expect(e.code).toBe("PROVIDER_ERROR");
    expect(e.message).toMatch(/credits/);
  });

  it("maps a 5xx that outlasts the retries to PROVIDER_ERROR", async () => {
    chat(BASE, retryable(503, { "retry-after-ms": "5" }));
    const e = await planError(planWithLlm(request, { client: client({ maxRetries: 1 }), model: MODEL }));
    expect(hits).toHaveLength(2);
    expect(e.code).toBe("PROVIDER_ERROR");
    expect(e.message).toContain("503");
  });
});

describe("helpers", () => {
  it("extracts JSON from fences and chatter", () => {
    expect(extractJson('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(extractJson('Sure: {"a":{"b":2}} hope that helps')).toBe('{"a":{"b":2}}');
    expect(extractJson('{"a":1}')).toBe('{"a":1}');
  });

  it("reads retry-after-ms, Retry-After seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterSecondsFrom(new Headers({ "retry-after-ms": "1500" }), now)).toBe(2);
    expect(retryAfterSecondsFrom(new Headers({ "retry-after": "7" }), now)).toBe(7);
    expect(retryAfterSecondsFrom(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), now)).toBe(30);
    expect(retryAfterSecondsFrom(new Headers(), now)).toBeUndefined();
  });

  it("masks keys to at most a 3-character prefix and the last 4", () => {
    expect(maskKey("sk-or-v1-0123456789abcdef")).toBe("sk-…cdef");
    expect(maskKey("ollama")).toBe("…");
    expect(maskKey(undefined)).toBeNull();
  });
});

describe("checkLlm", () => {
  const envWith = (vars: Record<string, string>) => parseEnv({ OPENAI_MAX_RETRIES: "0", ...vars });

  it("validates the key with GET /models, masks it and measures latency", async () => {
    server.use(
      http.get(`${BASE}/models`, async ({ request: req }) => {
        hits.push({ url: req.url, headers: req.headers, body: {} });
        await delay(30);
        return HttpResponse.json({ object: "list", data: [{ id: MODEL, object: "model", created: 1, owned_by: "t" }] });
      }),
    );
    const result = await checkLlm({ env: envWith({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: BASE, OPENAI_MODEL: MODEL }) });

    expect(hits).toHaveLength(1);
    expect(result).toMatchObject({
      planner: "llm",
      baseUrlHost: "llm.test",
      model: MODEL,
      keySet: true,
      keyMasked: "sk-…abcd",
      valid: true,
      error: null,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(25);
    expect(JSON.stringify(result)).not.toContain("SECRET");
  });

  it("validates an OpenRouter key with GET /key and reports a rejection", async () => {
    server.use(
      http.get(`${OPENROUTER}/key`, ({ request: req }) => {
        hits.push({ url: req.url, headers: req.headers, body: {} });
        return HttpResponse.json({ error: { code: 401, message: "User not found." } }, { status: 401 });
      }),
    );
    const result = await checkLlm({ env: envWith({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: OPENROUTER }) });

    expect(hits).toHaveLength(1);
    expect(hits[0]?.headers.get("x-openrouter-title")).toBe("Storyframe");
    expect(result.valid).toBe(false);
    expect(result.baseUrlHost).toBe("openrouter.ai");
    expect(result.error?.code).toBe("AUTHENTICATION_FAILED");
    expect(result.latencyMs).not.toBeNull();
    expect(JSON.stringify(result)).not.toContain("SECRET");
  });

  it("reports the embedded planner without a network call when no key is set", async () => {
    const result = await checkLlm({ env: envWith({}) });
    expect(result).toEqual({
      planner: "embedded",
      baseUrlHost: "api.openai.com",
      model: "gpt-4o-mini",
      keySet: false,
      keyMasked: null,
      valid: null,
      latencyMs: null,
      error: null,
    });
  });
});
