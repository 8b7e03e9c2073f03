import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotTree } from "@/scripts/bench/lib/app-server";
import { runProxyEveryPoll, runSequential } from "@/scripts/bench/lib/e2e";
import { staticAssets } from "@/scripts/bench/lib/first-load";
import { assertLoopback, runLoad } from "@/scripts/bench/lib/load";
import { extractTables, parseTable, table } from "@/scripts/bench/lib/report";
import { startStubServer, type StubServer } from "@/scripts/bench/lib/stub-server";

describe("load generator", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => setTimeout(() => res.end("ok"), 2));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("keeps N connections busy for the duration and reports sane percentiles", async () => {
    const r = await runLoad({ url, connections: 4, durationMs: 300 });
    expect(r.requests).toBeGreaterThan(20);
    expect(r.statuses[200]).toBe(r.requests);
    expect(r.errors).toBe(0);
    expect(r.latencyMs.p50).toBeGreaterThanOrEqual(1.5);
    expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p99);
    expect(r.latencyMs.p99).toBeLessThanOrEqual(r.latencyMs.max);
    expect(r.rps).toBeCloseTo((r.requests / r.durationMs) * 1000, 5);
  });

  it("stops at the request cap", async () => {
    const r = await runLoad({ url, connections: 5, durationMs: 5000, maxRequests: 23 });
    expect(r.requests).toBe(23);
  });

  it("only ever targets loopback", () => {
    expect(() => assertLoopback("http://10.0.0.1/")).toThrow();
    expect(() => assertLoopback("https://127.0.0.1/")).toThrow();
    expect(assertLoopback("http://127.0.0.1:3000/x").port).toBe("3000");
  });
});

describe("peer strategies against the stand-in", () => {
  let stub: StubServer;
  beforeAll(async () => {
    const image = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#345" } }).webp().toBuffer();
    stub = await startStubServer({ latency: { baseMs: 120, jitter: 0.2 }, image, seed: 3 });
  });
  afterAll(() => stub.close());

  it("sequential: one create, polls, and one download per scene, one after another", async () => {
    const r = await runSequential({ stub, frames: 3, pollMs: 50 });
    expect(r).toMatchObject({ creates: 3, downloads: 3 });
    expect(r.gets).toBeGreaterThanOrEqual(3); // at least one poll per scene (timer slip on a busy machine allows no more)
    expect(r.wallMs).toBeGreaterThanOrEqual(r.sumLatencyMs);
  });

  it("proxy-every-poll: every tab polls every prediction and downloads every image", async () => {
    const r = await runProxyEveryPoll({ stub, frames: 3, tabs: 2, pollMs: 50 });
    expect(r).toMatchObject({ creates: 3, downloads: 6 });
    expect(r.gets).toBeGreaterThanOrEqual(2 * 3); // each tab polls each prediction at least once
    expect(r.wallMs).toBeGreaterThanOrEqual(r.slowestMs);
    expect(r.wallMs).toBeLessThan(r.sumLatencyMs + 1000);
  });
});

describe("report helpers", () => {
  it("round-trips a markdown table", () => {
    const md = table(["frames", "p50 ms", "mean ms"], [[30, "12.5", "13.0"]], ["r", "r", "r"]);
    const text = `warming up\n${md}\ndone`;
    const [found] = extractTables(text);
    expect(parseTable(found!)).toEqual([{ frames: "30", "p50 ms": "12.5", "mean ms": "13.0" }]);
  });

  it("finds the /_next/static scripts and styles a modern browser loads (not nomodule polyfills)", () => {
    const html = `<link rel="stylesheet" href="/_next/static/chunks/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>
      <script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/c.js"></script><script src="https://example.com/x.js"></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>`;
    expect(staticAssets(html)).toEqual({ scripts: ["/_next/static/chunks/b.js", "/_next/static/chunks/c.js"], styles: ["/_next/static/chunks/a.css"] });
  });
});

describe("build snapshot", () => {
  it("copies the app and leaves out tests, scripts, scratch files, env files and local state", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "storyframe-snap-"));
    try {
      for (const dir of ["app", "lib", "tests", "scripts", "node_modules", ".next", "data", "bench"]) mkdirSync(path.join(root, dir));
      for (const file of ["app/page.tsx", "lib/x.ts", "next.config.ts", "next-env.d.ts", "tsconfig.json", "package.json", "package-lock.json", "a.tmp.ts", "vitest.config.mts", ".env.local"]) {
        writeFileSync(path.join(root, file), "");
      }
      const dest = path.join(root, "bench", "app");
      snapshotTree(root, dest);
      expect(readdirSync(dest).sort()).toEqual(["app", "lib", "next-env.d.ts", "next.config.ts", "package.json", "tsconfig.json"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
