import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { matchesEtag } from "@/lib/storyboards/cacheable-polls";
import { call, useTempAppEnv } from "../helpers/app-env";

// Polls of finished work carry an ETag; a conditional repeat is a 304 from one SQL statement.

beforeAll(async () => {
  await useTempAppEnv();
});

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  seedPoll: (await import("@/app/api/generate-image/[predictionId]/route")).GET,
  patchScene: (await import("@/app/api/storyboards/[id]/scenes/[sceneId]/route")).PATCH,
});

// Count the statements the database client runs during one call.
let statements = 0;
let counting = false;
async function countStatements() {
  if (counting) return;
  counting = true;
  const { getDatabase } = await import("@/lib/db/client");
  const { client } = await getDatabase();
  for (const name of ["execute", "batch"] as const) {
    const original = (client[name] as (...a: unknown[]) => unknown).bind(client);
    (client as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
      statements++;
      return original(...a);
    };
  }
}
afterEach(() => {
  statements = 0;
});

async function drawn(frameCount = 3) {
  const r = await routes();
  const id = (await call(r.create, { method: "POST", body: { prompt: "A tram crosses a snowy bridge at night", frameCount } })).body.storyboard.id as string;
  const started = await call(r.generate, { method: "POST", params: { id } }); // settles: all stored
  return { r, id, frames: started.body.frames as { frameId: string }[] };
}

describe("cacheable polls", () => {
  it("a stored frame's seed poll: immutable with an ETag; the conditional repeat is a 304 from one statement", async () => {
    await countStatements();
    const { r, id } = await drawn();
    const status = await call(r.status, { params: { id } });
    const predictionId = status.body.progress.scenes?.[0]?.latestFrame?.predictionId ?? (await firstPrediction(id));
    const first = await call(r.seedPoll, { params: { predictionId } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ success: true, status: "succeeded" });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"f-/);
    expect(first.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");

    statements = 0;
    const again = await call(r.seedPoll, { params: { predictionId }, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    expect(statements).toBe(1);

    // a stale ETag gets the full answer again
    const stale = await call(r.seedPoll, { params: { predictionId }, headers: { "if-none-match": '"f-old"' } });
    expect(stale.status).toBe(200);
  });

  it("a settled storyboard's status: ETag, 304 on a repeat from one statement, a new ETag after an edit", async () => {
    await countStatements();
    const { r, id } = await drawn();
    const first = await call(r.status, { params: { id } });
    expect(first.body.progress.stage).toBe("ready");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"s-/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    statements = 0;
    const again = await call(r.status, { params: { id }, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(statements).toBe(1);

    const sceneId = (await import("@/lib/db/queries/scenes")).listScenesByStoryboard;
    const scenes = await sceneId({ db: await (await import("@/lib/db/client")).getDb(), storyboardId: id });
    const edited = await call(r.patchScene, { method: "PATCH", params: { id, sceneId: scenes[0]!.id }, body: { description: "The tram stops; a child waves." } });
    expect(edited.status).toBe(200);
    const changed = await call(r.status, { params: { id }, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("a storyboard still drawing carries no ETag and is never a 304", async () => {
    const r = await routes();
    const id = (await call(r.create, { method: "POST", body: { prompt: "A kite over a harbour", frameCount: 3 } })).body.storyboard.id as string;
    await call(r.generate, { method: "POST", params: { id }, settle: false });
    const res = await call(r.status, { params: { id }, headers: { "if-none-match": '"s-guess"' }, settle: false });
    expect(res.status).toBe(200);
    if (res.body.progress.stage === "generating") {
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const { backgroundIdle } = await import("@/lib/generation/background");
    await backgroundIdle();
  });

  it.each([
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", "a"', '"a"', true],
    ["*", '"a"', true],
    ['"b"', '"a"', false],
    [null, '"a"', false],
  ])("If-None-Match %s vs %s → %s", (header, etag, expected) => {
    expect(matchesEtag(header, etag)).toBe(expected);
  });
});

async function firstPrediction(storyboardId: string): Promise<string> {
  const { listFramesByStoryboard } = await import("@/lib/db/queries/frames");
  const frames = await listFramesByStoryboard({ db: await (await import("@/lib/db/client")).getDb(), storyboardId });
  return frames[0]!.predictionId!;
}
