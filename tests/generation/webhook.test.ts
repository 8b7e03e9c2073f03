import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { claimFrameLease, getFrameById, listFramesByStoryboard } from "@/lib/db/queries/frames";
import { call, useTempAppEnv } from "../helpers/app-env";
import { ReplicateFake, type ReplicateStatus } from "../helpers/replicate-msw";

const KEY = randomBytes(32);
const SECRET = `whsec_${KEY.toString("base64")}`;
const fake = new ReplicateFake();
const server = setupServer(...fake.handlers);
let storageDir: string;

beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv({
    REPLICATE_API_TOKEN: "r8_test0000000000000000000000000000000000",
    IMAGE_PROVIDER: "replicate",
    REPLICATE_WEBHOOK_SECRET: SECRET,
    PUBLIC_BASE_URL: "https://storyframe.example",
  }));
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => {
  fake.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  cancel: (await import("@/app/api/frames/[id]/cancel/route")).POST,
  webhook: (await import("@/app/api/webhooks/replicate/route")).POST,
});
type Routes = Awaited<ReturnType<typeof routes>>;
const db = async () => (await import("@/lib/db/client")).getDb();

/** Signs like Replicate (Standard Webhooks): HMAC-SHA256 over `${id}.${timestamp}.${body}`, base64. */
function sign(id: string, timestamp: number, body: string, key = KEY) {
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function signedHeaders(body: string, options: { id?: string; timestamp?: number } = {}) {
  const id = options.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const timestamp = options.timestamp ?? nowSeconds();
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": sign(id, timestamp, body) };
}

/** A storyboard with its first scene started on the fake Replicate; returns the frame and its webhook URL. */
async function startFrame(r: Routes) {
  const created = await call(r.create, { method: "POST", body: { prompt: "A paper boat sails down a flooded street", frameCount: 3 } });
  const sb = created.body.storyboard;
  const started = await call(r.generate, { method: "POST", params: { id: sb.id }, body: { sceneIds: [sb.scenes[0].id] } });
  const frame = started.body.frames[0] as { frameId: string; predictionId: string };
  const webhookUrl = fake.predictions.get(frame.predictionId)!.webhook!;
  return { storyboardId: sb.id as string, frameId: frame.frameId, predictionId: frame.predictionId, webhookUrl };
}

/** The prediction as Replicate would POST it, moved to `status`. */
function webhookBody(predictionId: string, status: ReplicateStatus) {
  fake.setStatus(predictionId, status);
  return JSON.stringify(fake.toJson(fake.predictions.get(predictionId)!));
}

const post = (r: Routes, url: string, body: string, headers: Record<string, string>) =>
  call(r.webhook, { method: "POST", url, body, headers: { "content-type": "application/json", ...headers } });

const frameRow = async (id: string) => (await getFrameById({ db: await db(), id }))!;

describe("POST /api/webhooks/replicate", () => {
  it("asks Replicate for start and completed webhooks at our public URL", async () => {
    const r = await routes();
    const { frameId, predictionId, webhookUrl } = await startFrame(r);
    // no frame in the URL: its query is not signed
    expect(webhookUrl).toBe("https://storyframe.example/api/webhooks/replicate");
    expect(frameId).toBeTruthy();
    const create = fake.creates.at(-1)!;
    expect(create.body!.webhook_events_filter).toEqual(["start", "completed"]);
    expect(fake.predictions.get(predictionId)!.webhook).toBe(webhookUrl);
  });

  it("a correctly signed 'completed' webhook finalizes the frame", async () => {
    const r = await routes();
    const { frameId, predictionId, webhookUrl } = await startFrame(r);
    const body = webhookBody(predictionId, "succeeded");
    const res = await post(r, webhookUrl, body, signedHeaders(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, frameId, status: "finalizing" }); // answered at once; the output is stored right after;
    const frame = await frameRow(frameId);
    expect(frame).toMatchObject({ status: "succeeded", width: 1344, height: 768, cost: 0.003, predictTimeSeconds: 0.734 });
    for (const key of [frame.originalKey!, frame.displayKey!, frame.thumbnailKey!]) {
      expect(existsSync(path.join(storageDir, key))).toBe(true);
    }
    expect(fake.count("download", predictionId)).toBe(1);
    expect(fake.count("get", predictionId)).toBe(0); // the webhook carried the news: no poll needed
    expect(fake.creates.at(-1)!.prefer).toBeNull(); // webhooks on: a plain create, one call in all
  });

  it("a 'start' webhook moves the frame along; a failed one fails it with its code", async () => {
    const r = await routes();
    const { frameId, predictionId, webhookUrl } = await startFrame(r);
    const processing = webhookBody(predictionId, "processing");
    expect((await post(r, webhookUrl, processing, signedHeaders(processing))).body.status).toBe("processing");

    fake.predictions.get(predictionId)!.script.error = "NSFW content detected";
    const failed = webhookBody(predictionId, "failed");
    const res = await post(r, webhookUrl, failed, signedHeaders(failed));
    expect(res.body.status).toBe("failed");
    expect(await frameRow(frameId)).toMatchObject({ status: "failed", errorCode: "CONTENT_POLICY", nextAttemptAt: null });
  });

  it("the same webhook delivered again, and several times at once, is applied once and stores one frame", async () => {
    const r = await routes();
    const { storyboardId, frameId, predictionId, webhookUrl } = await startFrame(r);
    const body = webhookBody(predictionId, "succeeded");
    const headers = signedHeaders(body);
    const results = await Promise.all([1, 2, 3].map(() => post(r, webhookUrl, body, headers)));
    for (const res of results) expect(res.status).toBe(200);
    expect(results.filter((res) => res.body.duplicate).length).toBe(2);
    expect(results.find((res) => !res.body.duplicate)!.body).toEqual({ success: true, frameId, status: "finalizing" });
    const again = await post(r, webhookUrl, body, headers);
    expect(again.body).toEqual({ success: true, frameId: null, status: null, duplicate: true });
    expect(fake.count("download", predictionId)).toBe(1);
    const frames = await listFramesByStoryboard({ db: await db(), storyboardId });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.status).toBe("succeeded");
  });

  it("a replayed delivery (same webhook-id, still inside the 300 s window) is refused and changes nothing", async () => {
    const r = await routes();
    const { frameId, predictionId, webhookUrl } = await startFrame(r);
    const processing = webhookBody(predictionId, "processing");
    const captured = signedHeaders(processing);
    expect((await post(r, webhookUrl, processing, captured)).body.status).toBe("processing");
    const before = await frameRow(frameId);
    const replay = await post(r, webhookUrl, processing, captured);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ success: true, frameId: null, status: null, duplicate: true });
    expect(await frameRow(frameId)).toEqual(before);
    // a new delivery (new webhook-id) of the same news still goes through
    expect((await post(r, webhookUrl, processing, signedHeaders(processing))).body).toEqual({ success: true, frameId, status: "processing" });
  });

  it("a delivery that could not be applied is accepted again when Replicate retries it", async () => {
    const r = await routes();
    const { frameId, predictionId, webhookUrl } = await startFrame(r);
    const body = webhookBody(predictionId, "succeeded");
    const headers = signedHeaders(body);
    const { webhookReceipts } = await import("@/lib/db/schema");
    const rows = async () => (await (await db()).select().from(webhookReceipts)).map((row) => row.id);
    // the first try dies on the database (the frames table is briefly unwritable)
    const client = (await (await import("@/lib/db/client")).getDatabase()).client;
    await client.execute("CREATE TRIGGER block_frames BEFORE UPDATE ON frames BEGIN SELECT RAISE(ABORT, 'blocked'); END");
    const first = await post(r, webhookUrl, body, headers);
    await client.execute("DROP TRIGGER block_frames");
    expect(first.status).toBe(500);
    expect(await rows()).not.toContain(headers["webhook-id"]);
    const retry = await post(r, webhookUrl, body, headers);
    expect(retry.body).toEqual({ success: true, frameId, status: "finalizing" });
    expect(await rows()).toContain(headers["webhook-id"]);
  });

  it("refuses a body over 1 MiB while reading it, without buffering the rest", async () => {
    const r = await routes();
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 8 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await r.webhook(
      new Request("https://storyframe.example/api/webhooks/replicate", {
        method: "POST",
        body: stream,
        headers: { "content-type": "application/json" },
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it("a late webhook never moves a finished frame: 'starting' after success, success after cancel", async () => {
    const r = await routes();
    const done = await startFrame(r);
    const success = webhookBody(done.predictionId, "succeeded");
    await post(r, done.webhookUrl, success, signedHeaders(success));
    const late = JSON.stringify({ ...JSON.parse(success), status: "starting", output: null });
    expect((await post(r, done.webhookUrl, late, signedHeaders(late))).body.status).toBe("succeeded");

    const canceled = await startFrame(r);
    expect((await call(r.cancel, { method: "POST", params: { id: canceled.frameId } })).body.frame.status).toBe("canceled");
    const lateSuccess = webhookBody(canceled.predictionId, "succeeded");
    const res = await post(r, canceled.webhookUrl, lateSuccess, signedHeaders(lateSuccess));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("canceled");
    expect(fake.count("download", canceled.predictionId)).toBe(0);
    expect(await frameRow(canceled.frameId)).toMatchObject({ status: "canceled", originalKey: null, cost: null });
  });

  it("a late 'start' webhook while the output is being stored leaves the frame finalizing", async () => {
    const r = await routes();
    const { frameId, predictionId, webhookUrl } = await startFrame(r);
    const success = webhookBody(predictionId, "succeeded");
    // a finalizer is at work (it holds the lease) when Replicate's delayed "start" webhook lands
    await claimFrameLease({
      db: await db(),
      id: frameId,
      fromStatuses: ["starting"],
      token: "busy",
      now: new Date(),
      leaseMs: 60_000,
      patch: { status: "finalizing", progress: 1 },
    });
    const late = JSON.stringify({ ...JSON.parse(success), status: "processing", output: null, metrics: {} });
    const res = await post(r, webhookUrl, late, signedHeaders(late));
    expect(res.body.status).toBe("finalizing");
    expect(await frameRow(frameId)).toMatchObject({ status: "finalizing", progress: 1, leaseToken: "busy" });
  });

  it("an unknown prediction is acknowledged with 200 so Replicate stops retrying", async () => {
    const r = await routes();
    const body = JSON.stringify({ id: "unknownprediction00000000", status: "succeeded", output: ["https://replicate.delivery/xezq/x/out-0.webp"] });
    const res = await post(r, "https://storyframe.example/api/webhooks/replicate", body, signedHeaders(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, frameId: null, status: null });
    expect(fake.log).toHaveLength(0);
  });

  it("a ?frame= in the URL is never trusted: a signed webhook of another prediction can't move a frame", async () => {
    const r = await routes();
    const a = await startFrame(r);
    const { frames } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    // the frame has not recorded its prediction id yet (its start is still in flight)
    await (await db()).update(frames).set({ predictionId: null }).where(eq(frames.id, a.frameId));
    const body = JSON.stringify({ id: "someoneelsesprediction000", status: "succeeded", output: ["https://replicate.delivery/xezq/x/out-0.webp"] });
    const res = await post(r, `https://storyframe.example/api/webhooks/replicate?frame=${a.frameId}`, body, signedHeaders(body));
    expect(res.body).toEqual({ success: true, frameId: null, status: null });
    expect(await frameRow(a.frameId)).toMatchObject({ status: "starting", predictionId: null, originalKey: null });
    expect(fake.log.filter((entry) => entry.kind === "download")).toHaveLength(0);
  });

  it("accepts a signature list where one entry matches (key rotation)", async () => {
    const r = await routes();
    const { predictionId, webhookUrl } = await startFrame(r);
    const body = webhookBody(predictionId, "processing");
    const headers = signedHeaders(body);
    headers["webhook-signature"] = `v1,${randomBytes(32).toString("base64")} ${headers["webhook-signature"]}`;
    expect((await post(r, webhookUrl, body, headers)).status).toBe(200);
  });

  describe("refuses with 401, touching nothing", () => {
    async function expectRefused(r: Routes, frame: Awaited<ReturnType<typeof startFrame>>, body: string, headers: Record<string, string>) {
      const res = await post(r, frame.webhookUrl, body, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
      expect(await frameRow(frame.frameId)).toMatchObject({ status: "starting", originalKey: null });
      expect(fake.count("download", frame.predictionId)).toBe(0);
    }

    it("a bad signature", async () => {
      const r = await routes();
      const frame = await startFrame(r);
      const body = webhookBody(frame.predictionId, "succeeded");
      const id = "msg_1";
      const timestamp = nowSeconds();
      await expectRefused(r, frame, body, {
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": sign(id, timestamp, body, randomBytes(32)),
      });
    });

    it("a body changed after signing", async () => {
      const r = await routes();
      const frame = await startFrame(r);
      const body = webhookBody(frame.predictionId, "succeeded");
      const headers = signedHeaders(body);
      await expectRefused(r, frame, body.replace("out-0.webp", "out-1.webp"), headers);
    });

    it.each([
      ["more than 300 s old", -301],
      ["more than 300 s in the future", 301],
    ])("a timestamp %s (a replay)", async (_name, skew) => {
      const r = await routes();
      const frame = await startFrame(r);
      const body = webhookBody(frame.predictionId, "succeeded");
      await expectRefused(r, frame, body, signedHeaders(body, { timestamp: nowSeconds() + skew }));
    });

    it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("a missing %s header", async (header) => {
      const r = await routes();
      const frame = await startFrame(r);
      const body = webhookBody(frame.predictionId, "succeeded");
      const headers: Record<string, string> = signedHeaders(body);
      delete headers[header];
      await expectRefused(r, frame, body, headers);
    });

    it("no headers at all", async () => {
      const r = await routes();
      const frame = await startFrame(r);
      await expectRefused(r, frame, webhookBody(frame.predictionId, "succeeded"), {});
    });

    it("no secret configured", async () => {
      const r = await routes();
      const frame = await startFrame(r);
      delete process.env.REPLICATE_WEBHOOK_SECRET;
      resetEnvForTests();
      try {
        const body = webhookBody(frame.predictionId, "succeeded");
        await expectRefused(r, frame, body, signedHeaders(body));
      } finally {
        process.env.REPLICATE_WEBHOOK_SECRET = SECRET;
        resetEnvForTests();
      }
    });
  });
});
