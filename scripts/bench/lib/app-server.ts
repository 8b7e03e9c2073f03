import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

// The app as it runs in production: `next build` of a snapshot of the work tree, then
// `next start` on 127.0.0.1 with the bench's own database, storage and upstream stand-ins.
//
// Why a snapshot (bench/tmp/app-a or app-b, see BuildSlots) and not the work tree's .next: other people build, test and
// edit in the same tree while the bench runs. A build of our own neither clobbers their .next
// (a `next start` of theirs) nor changes under our feet halfway through a run. The snapshot has
// no lockfile, so Next finds the tree's package-lock.json above it and uses the tree's
// node_modules (module resolution walks up), exactly as the tree itself would.

/** Top-level entries never copied into the snapshot: tooling, tests, scratch files, local state. */
const SKIP = new Set([
  "node_modules",
  ".next",
  ".git",
  ".ci",
  "data",
  "bench",
  "tests",
  "scripts",
  "docs",
  "coverage",
  "test-results",
  "playwright-report",
  "package-lock.json",
  "tsconfig.tsbuildinfo",
]);

function copyable(name: string): boolean {
  if (SKIP.has(name)) return false;
  if (name.startsWith(".env")) return false; // the bench sets every variable itself
  // Scratch and tooling scripts at the root (a.tmp.ts, vitest.config.mts …) are not part of the
  // app; Next's type check would still read them.
  if (/\.(ts|tsx|mts|cts)$/.test(name)) return name === "next.config.ts" || name === "next-env.d.ts";
  return true;
}

export const nextBin = (root: string) => path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Copies what the app is made of into `dest` (emptied first). */
export function snapshotTree(root: string, dest: string): string[] {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const copied: string[] = [];
  for (const name of readdirSync(root)) {
    if (!copyable(name)) continue;
    cpSync(path.join(root, name), path.join(dest, name), { recursive: true });
    copied.push(name);
  }
  return copied;
}

export type BuildResult = { ms: number; logFile: string };

/** `next build` in `dir`; throws with the log's tail when it fails or runs past `timeoutMs`. */
export async function buildApp(root: string, dir: string, timeoutMs = 8 * 60_000): Promise<BuildResult> {
  const logFile = path.join(dir, "..", `${path.basename(dir)}-build.log`);
  const t0 = performance.now();
  const { code, output } = await run(process.execPath, [nextBin(root), "build"], {
    cwd: dir,
    env: { ...baseEnv(), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    timeoutMs,
  });
  writeFileSync(logFile, output);
  if (code !== 0) {
    throw new Error(
      `next build failed (exit ${code}); a page being edited right now may not compile — retry in a few minutes.\n` +
        output.split("\n").slice(-40).join("\n"),
    );
  }
  return { ms: performance.now() - t0, logFile };
}

export function hasBuild(dir: string): boolean {
  return existsSync(path.join(dir, ".next", "BUILD_ID"));
}

function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!;
  return env;
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const stopOnExit = () => killGroup(child);
    process.once("exit", stopOnExit);
    const timer = setTimeout(() => {
      output += `\n[bench] timed out after ${opts.timeoutMs} ms\n`;
      killGroup(child);
    }, opts.timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      process.removeListener("exit", stopOnExit);
      resolve({ code, output });
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the group we created with detached: true
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** One GET with a short timeout; resolves the status (0 on a connection error). */
export function probe(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

export type RunningApp = {
  origin: string;
  pid: number;
  /** From spawning `next start` to the first 200 on the ready path (/api/health). */
  coldStartMs: number;
  logs: () => string;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
let hooked = false;

/** Ends every server this process started (exit, SIGINT, SIGTERM). */
function hookCleanup(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, "SIGKILL");
      process.exit(130);
    });
  }
}

export async function startApp(options: {
  root: string;
  dir: string;
  env: Record<string, string>;
  /** The server is killed after this long whatever happens (default 12 min). */
  lifetimeMs?: number;
  readyTimeoutMs?: number;
  /** Extra node flags for the server, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** Polled until it answers 200 (default /api/health). */
  readyPath?: string;
}): Promise<RunningApp> {
  hookCleanup();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), nextBin(options.root), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: options.dir,
    env: { ...baseEnv(), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  // Survives a SIGKILL of the bench: it ends the server when our pid disappears.
  const watchdog = spawn(
    process.execPath,
    [path.join(options.root, "scripts", "bench", "lib", "watchdog.mjs"), String(process.pid), String(child.pid), String(options.lifetimeMs ?? 12 * 60_000)],
    { stdio: "ignore", detached: true },
  );
  watchdog.unref();

  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stop = async () => {
    running.delete(child);
    killGroup(child, "SIGTERM");
    const killer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
    await exited;
    clearTimeout(killer);
  };

  const deadline = t0 + (options.readyTimeoutMs ?? 90_000);
  let coldStartMs = Number.NaN;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    if ((await probe(`${origin}${options.readyPath ?? "/api/health"}`, 2000)) === 200) {
      coldStartMs = performance.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!Number.isFinite(coldStartMs)) {
    await stop();
    throw new Error(`next start did not answer 200 on ${options.readyPath ?? "/api/health"} within the deadline:\n${output.slice(-3000)}`);
  }
  return { origin, pid: child.pid!, coldStartMs, logs: () => output, stop };
}

/**
 * The framework's own floor: a bare Next app with the same next.config flags and one dynamic route
 * handler that returns a constant JSON body. Its CPU per request is what any route pays before our code.
 */
export function writeBareApp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(bareAppFiles(dir))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** Whether `dir` holds a build of exactly today's bare app (so BENCH_SKIP_BUILD may reuse it). */
export function hasBareBuild(dir: string): boolean {
  if (!hasBuild(dir)) return false;
  return Object.entries(bareAppFiles(dir)).every(([file, text]) => {
    try {
      return readFileSync(path.join(dir, file), "utf8") === text;
    } catch {
      return false;
    }
  });
}

function bareAppFiles(dir?: string): Record<string, string> {
  // The bare app lives under the project (bench/tmp), and Next takes the project's root (its
  // lockfile) for the bare app's too, so it builds the project's proxy.ts along with it. Resolving
  // "@/…" there lets that build; the floor then carries the same proxy as the app, which is fair.
  const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..");
  return {
    "package.json": JSON.stringify({ name: "storyframe-bench-bare", private: true }),
    "next.config.ts": 'import type { NextConfig } from "next";\nconst nextConfig: NextConfig = { cacheComponents: true, partialPrefetching: true, poweredByHeader: false };\nexport default nextConfig;\n',
    "tsconfig.json": JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "esnext"],
        strict: true,
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        noEmit: true,
        isolatedModules: true,
        skipLibCheck: true,
        plugins: [{ name: "next" }],
        // Relative: Next treats an absolute alias target as relative to the project.
        paths: { "@/*": [`${path.relative(dir ?? projectRoot, projectRoot) || "."}/*`] },
      },
      include: ["**/*.ts", "**/*.tsx"],
      exclude: ["node_modules", ".next"],
    }),
    "app/layout.tsx": "export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html><body>{children}</body></html>;\n}\n",
    "app/api/echo/[id]/route.ts":
      'export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {\n  const { id } = await ctx.params;\n  return Response.json({ success: true, id, status: "succeeded" }, { headers: { "Cache-Control": "no-store" } });\n}\n',
  };
}

/**
 * Two build slots (bench/tmp/app-a, app-b) and a pointer to the last good one: a new build goes into
 * the other slot, so a build that fails (a page mid-edit) leaves the previous good build in place.
 * Slots are never renamed: a build is only valid in the directory it was built in.
 */
export class BuildSlots {
  constructor(private readonly tmp: string) {}

  private pointer(): string {
    return path.join(this.tmp, "app-current");
  }

  /** The last good build's directory, or null. */
  current(): string | null {
    try {
      const name = readFileSync(this.pointer(), "utf8").trim();
      const dir = path.join(this.tmp, name);
      return hasBuild(dir) ? dir : null;
    } catch {
      return null;
    }
  }

  /** The slot the next build goes into (never the current one). */
  next(): string {
    const current = this.current();
    return path.join(this.tmp, current && path.basename(current) === "app-a" ? "app-b" : "app-a");
  }

  promote(dir: string): void {
    writeFileSync(this.pointer(), path.basename(dir));
  }

  /** When a slot's build finished (BUILD_ID's mtime). */
  builtAt(dir: string): Date | null {
    try {
      return statSync(path.join(dir, ".next", "BUILD_ID")).mtime;
    } catch {
      return null;
    }
  }
}
