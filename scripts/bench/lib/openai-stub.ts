import type { IncomingMessage, ServerResponse } from "node:http";
import { readJson } from "./replicate-stub";

// A stand-in for an OpenAI-compatible chat endpoint: answers every plan request with a valid
// storyboard plan for the scene count the prompt asks for ("Scenes: N."), instantly, so the
// benchmarks measure our pipeline and not an LLM.

const SHOTS = ["wide", "medium", "close-up", "over-the-shoulder", "extreme-wide", "insert", "pov", "extreme-close-up"];
const MOVES = ["static", "pan", "dolly-in", "tilt", "truck", "handheld", "crane", "dolly-out"];
const STYLES = ["pencil-sketch", "cinematic", "anime", "comic", "watercolor", "noir", "photoreal", "3d-render"];

function storyRoles(count: number): string[] {
  if (count <= 1) return ["setup"];
  if (count === 2) return ["setup", "resolution"];
  const middle = Math.max(0, count - 4);
  const roles = ["setup", "inciting", ...Array.from({ length: middle }, () => "rising"), "climax", "resolution"];
  return roles.slice(0, 2).concat(roles.slice(-(count - 2)));
}

/** A schema-valid plan (lib/planner/schema.ts planSchema) for `count` scenes totalling `totalSeconds`. */
export function benchPlan(count: number, totalSeconds: number, style = "pencil-sketch"): Record<string, unknown> {
  const n = Math.max(1, Math.min(count, 12));
  const each = Math.min(15, Math.max(1, Math.round((totalSeconds / n) * 10) / 10));
  const roles = storyRoles(n);
  return {
    title: "The Lighthouse Keeper",
    logline: "A keeper guides a lost boat home through a winter storm.",
    form: "story",
    styleBible: { preset: STYLES.includes(style) ? style : "pencil-sketch", palette: ["#c8553d", "#2c2b29", "#f2efe9"], lighting: "cold moonlight, warm lamp glow", mood: ["tense", "hopeful"] },
    characters: [{ name: "Maya", look: "woman in her sixties, weathered face, grey braid", wardrobe: "yellow oilskin coat, wool hat" }],
    scenes: Array.from({ length: n }, (_, i) => ({
      order: i + 1,
      narrativeRole: roles[i] ?? "rising",
      description: `Beat ${i + 1}: Maya climbs the lighthouse stairs as the storm builds over the harbour.`,
      imagePrompt: `Storyboard frame ${i + 1}, Maya (woman in her sixties, grey braid, yellow oilskin coat) in a lighthouse during a winter storm, ${SHOTS[i % SHOTS.length]} shot`,
      durationSeconds: each,
      shotType: SHOTS[i % SHOTS.length],
      cameraMove: MOVES[(i * 3) % MOVES.length],
      characters: ["Maya"],
      dialogue: null,
      notes: null,
    })),
  };
}

export type OpenAiCounters = { chat: number; models: number };

export class OpenAiStub {
  readonly counters: OpenAiCounters = { chat: 0, models: 0 };

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === "/v1/models" && req.method === "GET") {
      this.counters.models++;
      send(res, 200, {
        object: "list",
        data: [{ id: "gpt-4o-mini", object: "model", created: 1_721_172_741, owned_by: "storyframe-bench" }],
      });
      return true;
    }
    if (url.pathname !== "/v1/chat/completions" || req.method !== "POST") return false;
    this.counters.chat++;
    const body = await readJson(req);
    const messages = Array.isArray(body?.messages) ? (body.messages as { role?: string; content?: unknown }[]) : null;
    if (!body || !messages) {
      send(res, 400, { error: { message: "messages is required", type: "invalid_request_error", param: "messages", code: null } });
      return true;
    }
    const user = messages
      .filter((m) => m.role === "user")
      .map((m) => (typeof m.content === "string" ? m.content : ""))
      .join("\n");
    const count = Number(/Scenes:\s*(\d+)/.exec(user)?.[1] ?? 5);
    const total = Number(/Total duration:\s*([\d.]+)/.exec(user)?.[1] ?? count * 4);
    const style = /Style preset:\s*([a-z0-9-]+)/.exec(user)?.[1] ?? "pencil-sketch";
    const content = JSON.stringify(benchPlan(count, total, style));
    const created = Math.floor(Date.now() / 1000);
    send(res, 200, {
      id: `chatcmpl-bench-${this.counters.chat}`,
      object: "chat.completion",
      created,
      model: typeof body.model === "string" ? body.model : "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: Math.ceil(user.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: Math.ceil((user.length + content.length) / 4) },
    });
    return true;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
