import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The container runs `node server.js` from .next/standalone (Dockerfile). This starts that server
// the same way — its own folder, absolute data paths, .next/static copied beside it — and checks
// it serves the studio, its assets and a database-backed route (migrations traced into the output).

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let server: ChildProcess | null = null;
let base = "";
let log = "";

beforeAll(async () => {
  expect(existsSync(path.join(standalone, "server.js")), "next build must produce .next/standalone (output: standalone)").toBe(true);
  if (!existsSync(path.join(standalone, ".next", "static"))) cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
  const data = await mkdtemp(path.join(os.tmpdir(), "storyframe-standalone-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["server.js"], {
    cwd: standalone,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${path.join(data, "storyframe.db")}`,
      STORAGE_DIR: path.join(data, "files"),
      PLANNER: "embedded",
      IMAGE_PROVIDER: "sketch",
    },
  });
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`standalone server exited:\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`standalone server not healthy in 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(() => {
  if (server && server.exitCode === null) server.kill("SIGTERM");
});

describe("the standalone server (what the container runs)", () => {
  it("serves the studio page and its static assets", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Storyframe");
    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(`${base}${asset}`)).status).toBe(200);
  });

  it("serves the GPU-service callback route, answering the error envelope when no service is configured", async () => {
    const res = await fetch(`${base}/api/v1/jobs/gpu_0123456789abcdef0123456789abcdef`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "processing", progress: 10 }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
  });

  it("answers health with the database and storage up, and plans a storyboard (migrations and planner traced in)", async () => {
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health.checks).toMatchObject({ database: { ok: true }, storage: { ok: true } });
    expect(health.providers).toEqual([expect.objectContaining({ id: "sketch", active: true })]);
    const res = await fetch(`${base}/api/storyboard`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "A lighthouse keeper's last night before the light is automated", targetDuration: 30 }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.success).toBe(true);
    expect(body.scenes.length).toBeGreaterThan(2);

    // one frame through the sketch renderer: sharp's native binary and the fonts made it in
    const started = await fetch(`${base}/api/generate-image`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: body.scenes[0].imagePrompt, projectId: body.projectId, sceneIndex: 0 }),
    });
    expect(started.status).toBe(202);
    const { pollUrl } = await started.json();
    let image: { url: string } | undefined;
    for (let i = 0; i < 40 && !image; i++) {
      const poll = await (await fetch(`${base}${pollUrl}?projectId=${body.projectId}&sceneIndex=0`)).json();
      image = poll.image;
      if (!image) await new Promise((r) => setTimeout(r, 250));
    }
    expect(image?.url).toBeTruthy();
    const file = await fetch(new URL(image!.url, base));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/image\/(webp|png)/);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(1000);
    // kept for a person to look at (test-results/ is where the e2e screenshots go too)
    mkdirSync(path.join(root, "test-results"), { recursive: true });
    writeFileSync(path.join(root, "test-results", "standalone-frame.webp"), bytes);
  });
});
