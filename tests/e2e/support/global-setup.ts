import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = process.cwd();
const resultsDir = path.join(root, "test-results");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function build() {
  const skip = process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"));
  if (skip) {
    console.log("[e2e] E2E_SKIP_BUILD=1: using the existing .next build");
    return;
  }
  console.log("[e2e] next build …");
  const started = Date.now();
  const logFile = path.join(resultsDir, "e2e-build.log");
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = `${r.stdout ?? ""}\n${r.stderr ?? ""}`;
  writeFileSync(logFile, out);
  if (r.status !== 0) {
    throw new Error(`next build failed (exit ${r.status}):\n${out.split("\n").slice(-60).join("\n")}`);
  }
  console.log(`[e2e] built in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  server.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the app server exited before it was healthy:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app server was not healthy after ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

export default async function setup(project: TestProject) {
  mkdirSync(path.join(resultsDir, "screenshots"), { recursive: true });
  build();

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "storyframe-e2e-"));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const logFile = path.join(resultsDir, "e2e-server.log");
  writeFileSync(logFile, "");

  const watchdog = spawn(
    process.execPath,
    [
      path.join(root, "tests", "e2e", "support", "watchdog.mjs"),
      String(process.pid),
      logFile,
      process.execPath,
      nextBin,
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      cwd: root,
      stdio: "ignore",
      detached: false,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
        DATABASE_AUTH_TOKEN: "",
        STORAGE_DRIVER: "local",
        STORAGE_DIR: path.join(dataDir, "files"),
        // Embedded planner and sketch renderer: no keys, no network, deterministic.
        PLANNER: "embedded",
        IMAGE_PROVIDER: "sketch",
        OPENAI_API_KEY: "",
        REPLICATE_API_TOKEN: "",
      },
    },
  );
  const stopServer = () => {
    if (watchdog.exitCode === null) watchdog.kill("SIGTERM");
  };
  process.once("exit", stopServer);

  await waitForHealth(baseURL, watchdog, logFile);
  console.log(`[e2e] app at ${baseURL} (data in ${dataDir})`);
  project.provide("baseURL", baseURL);

  return async () => {
    stopServer();
    await new Promise<void>((resolve) => {
      if (watchdog.exitCode !== null) return resolve();
      const t = setTimeout(resolve, 6000);
      watchdog.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
    });
    process.off("exit", stopServer);
    await rm(dataDir, { recursive: true, force: true });
  };
}
