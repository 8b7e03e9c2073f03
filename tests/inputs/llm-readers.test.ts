import { readFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

// With an LLM configured, the code and roadmap routes read their input with the model (any
// language; a roadmap through image input) and fall back to OCR where the model takes no images.

const BASE = "https://llm.test/v1";
type Hit = { body: { model: string; messages: Array<{ role: string; content: unknown }>; response_format?: { type: string } } };
let hits: Hit[] = [];
const server = setupServer();
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await useTempAppEnv({ OPENAI_API_KEY: "sk-test-SECRETvalue1234abcd", OPENAI_BASE_URL: BASE, OPENAI_MODEL: "text-model", OPENAI_VISION_MODEL: "vision-model", OPENAI_MAX_RETRIES: "0" });
});
afterEach(() => {
  server.resetHandlers();
  hits = [];
});
afterAll(() => server.close());

const completion = (content: string) => ({
  id: "chatcmpl-test",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop" }],
});

function chat(...answers: Array<(hit: Hit) => Response>) {
  server.use(
    http.post(`${BASE}/chat/completions`, async ({ request }) => {
      const hit = { body: (await request.json()) as Hit["body"] };
      hits.push(hit);
      return answers[Math.min(hits.length - 1, answers.length - 1)]!(hit);
    }),
  );
}

const understanding = {
  headline: "Route every leak call to the closest plumber",
  what_it_does: "When a customer reports a burst pipe, it finds the nearest plumber who is free and books the visit.",
  business_value: "Fewer hours lost between calls.",
  who_benefits: "Dispatchers at plumbing firms",
  differentiator: "Uses live crew locations",
  pain_point_addressed: "Calling around to find who is free",
  suggested_icon: "wrench",
  steps: ["Takes the customer's call", "Finds free plumbers nearby", "Books the closest one"],
};

const rust = `/// Dispatch: pick the closest free plumber for an emergency.\npub fn dispatch(call: &Call, crews: &[Crew]) -> Option<Crew> { crews.iter().filter(|c| c.free).min_by_key(|c| c.distance(call)).cloned() }\n`;

describe("code → storyboard with an LLM key", () => {
  it("the model reads a file the embedded reader does not know (Rust), and the board is planned from its understanding", async () => {
    chat(() => HttpResponse.json(completion(JSON.stringify(understanding))));
    const post = await import("@/app/api/storyboards/from-code/route");
    const res = await call(post.POST, { method: "POST", body: { file_content: rust, file_name: "dispatch.rs", audience: "business_owner", stage: "demo", icp_preset: "coperniq_mep" } });
    expect(res.status).toBe(201);
    expect(res.body.understanding).toEqual(understanding);
    expect(res.body.storyboard.title).toBe(understanding.headline);
    const descriptions = res.body.storyboard.scenes.map((s: { description: string }) => s.description).join("\n");
    expect(descriptions).toContain("Books the closest one");
    expect(descriptions).toMatch(/Book a demo/);

    expect(hits).toHaveLength(1);
    const sent = hits[0]!.body;
    expect(sent.model).toBe("text-model");
    expect(sent.response_format?.type).toBe("json_schema");
    const user = sent.messages.find((m) => m.role === "user")!.content as string;
    expect(user).toContain("pub fn dispatch");
    expect(user).toContain("the owner of an MEP contracting firm");
  });

  it("a server without structured outputs is asked again in JSON mode with the schema spelled out", async () => {
    chat(
      () => HttpResponse.json({ error: { message: "response_format json_schema is not supported by this model" } }, { status: 400 }),
      () => HttpResponse.json(completion("```json\n" + JSON.stringify(understanding) + "\n```")),
    );
    const post = await import("@/app/api/storyboards/from-code/route");
    const res = await call(post.POST, { method: "POST", body: { file_content: rust, file_name: "dispatch.rs" } });
    expect(res.status).toBe(201);
    expect(hits.map((h) => h.body.response_format?.type)).toEqual(["json_schema", "json_object"]);
    expect(JSON.stringify(hits[1]!.body.messages)).toContain("what_it_does");
  });

  it("an off-schema answer is a 502 PLAN_INVALID with its issues; a 401 names the key, never echoing it", async () => {
    chat(() => HttpResponse.json(completion(JSON.stringify({ headline: "x" }))));
    const post = await import("@/app/api/storyboards/from-code/route");
    const bad = await call(post.POST, { method: "POST", body: { file_content: rust, file_name: "dispatch.rs" } });
    expect(bad.status).toBe(502);
    expect(bad.body.error.code).toBe("PLAN_INVALID");
    expect(bad.body.error.issues.length).toBeGreaterThan(0);

    server.resetHandlers();
    hits = [];
    chat(() => HttpResponse.json({ error: { message: "Incorrect API key provided: sk-test-SECRETvalue1234abcd" } }, { status: 401 }));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const denied = await call(post.POST, { method: "POST", body: { file_content: rust, file_name: "dispatch.rs" } });
    const log = logged.mock.calls.flat().map(String).join("\n");
    logged.mockRestore();
    expect(denied.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(denied.body)).not.toContain("SECRETvalue");
    // The upstream message echoed the key: the server log must not carry it either.
    expect(log).toContain("401 Incorrect API key");
    expect(log).not.toContain("SECRETvalue");
    expect(denied.body.error.message).toMatch(/OPENAI_API_KEY/);
  });

  it("the seed job route uses the same reader and completes with the board", async () => {
    chat(() => HttpResponse.json(completion(JSON.stringify(understanding))));
    const post = await import("@/app/api/storyboard/code/route");
    const res = await call(post.POST, { method: "POST", body: { file_content: rust, file_name: "dispatch.rs" } });
    expect(res.status).toBe(202);
    const poll = await import("@/app/api/storyboard/jobs/[jobId]/route");
    let job;
    for (let i = 0; i < 60; i++) {
      job = await call(poll.GET, { params: { jobId: res.body.job_id } });
      if (job.body.status !== "processing") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job!.body).toMatchObject({ status: "completed", understanding: { headline: understanding.headline } });
    expect(job!.body.result_image).toMatch(/^iVBOR/);
  });
});

async function roadmapPng(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="400"><rect width="100%" height="100%" fill="white"/><text x="40" y="80" font-family="DejaVu Sans" font-size="40">Roadmap 2027</text><text x="40" y="200" font-family="DejaVu Sans" font-size="32">Q1 Offline Mode</text><text x="40" y="280" font-family="DejaVu Sans" font-size="32">Q2 Smart Scheduling</text></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString("base64");
}

describe("roadmap → storyboard with an LLM key", () => {
  it("a vision model reads the screenshot: the image goes as image input to OPENAI_VISION_MODEL", async () => {
    chat(() => HttpResponse.json(completion(JSON.stringify({ title: "Roadmap 2027", items: [{ when: "Q1", text: "Offline Mode" }, { when: "Q2", text: "Smart Scheduling" }, { when: "Q3", text: "Customer Portal" }] }))));
    const post = await import("@/app/api/storyboards/from-roadmap/route");
    const res = await call(post.POST, { method: "POST", body: { image_data: await roadmapPng(), audience: "c_suite" } });
    expect(res.status).toBe(201);
    expect(res.body.readBy).toBe("vision");
    expect(res.body.roadmap.items).toHaveLength(3);
    const descriptions = res.body.storyboard.scenes.map((s: { description: string }) => s.description);
    expect(descriptions).toContain("Q3: Customer Portal");
    const sent = hits[0]!.body;
    expect(sent.model).toBe("vision-model");
    const parts = sent.messages.find((m) => m.role === "user")!.content as Array<{ type: string; image_url?: { url: string } }>;
    expect(parts.find((p) => p.type === "image_url")?.image_url?.url).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it("a model without image input falls back to OCR on the CPU", async () => {
    chat(() => HttpResponse.json({ error: { message: "Invalid content type. image_url is only supported by certain models." } }, { status: 400 }));
    const post = await import("@/app/api/storyboards/from-roadmap/route");
    const res = await call(post.POST, { method: "POST", body: { image_data: await roadmapPng(), audience: "c_suite" } });
    expect(res.status).toBe(201);
    expect(res.body.readBy).toBe("ocr");
    expect(res.body.roadmap.items).toEqual([
      { when: "Q1", text: "Offline Mode" },
      { when: "Q2", text: "Smart Scheduling" },
    ]);
  }, 60_000);
});

// Keep the fixture import used so a renamed fixture folder fails loudly here too.
void readFileSync(path.join(__dirname, "fixtures/dispatch.go"), "utf8");
