import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A markdown table; numbers should already be formatted. */
export function table(header: string[], rows: (string | number)[][], align?: ("l" | "r" | "c")[]): string {
  const sep = header.map((_, i) => {
    const a = align?.[i] ?? "l";
    return a === "r" ? "---:" : a === "c" ? ":---:" : "---";
  });
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), `| ${sep.join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** Busy share of all CPUs between two /proc/stat readings (0..1), or null off Linux. */
export type CpuSample = { busy: number; total: number } | null;

export function cpuSample(): CpuSample {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export function busyShare(a: CpuSample, b: CpuSample): number | null {
  if (!a || !b || b.total === a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}

export function environment(root: string): Record<string, string> {
  const cpus = os.cpus();
  let git = "unknown";
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim() !== "";
    git = `${head}${dirty ? " + uncommitted changes" : ""}`;
  } catch {
    // not a git checkout
  }
  let next = "unknown";
  try {
    next = (JSON.parse(readFileSync(`${root}/node_modules/next/package.json`, "utf8")) as { version: string }).version;
  } catch {
    // no next
  }
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: String(os.availableParallelism?.() ?? cpus.length),
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    next,
    os: `${os.type()} ${os.release()}`,
    commit: git,
  };
}

export type ScriptOutput = { ok: boolean; ms: number; stdout: string; note: string };

/** Runs a colleague's bench script (node --conditions=react-server --import tsx) and captures its table. */
export function runScript(
  root: string,
  file: string,
  args: string[] = [],
  timeoutMs = 180_000,
  nodeArgs: string[] = [],
  /** Working directory: its tsconfig decides what "@/…" imports resolve to (default: root). */
  cwd = root,
): Promise<ScriptOutput> {
  if (!existsSync(`${root}/${file}`)) return Promise.resolve({ ok: false, ms: 0, stdout: "", note: `${file} is not in the tree yet` });
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, "--conditions=react-server", "--import", "tsx", path.join(root, file), ...args], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, timeoutMs);
    const onExit = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    };
    process.once("exit", onExit);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      process.removeListener("exit", onExit);
      const ms = performance.now() - t0;
      if (code === 0) resolve({ ok: true, ms, stdout, note: "" });
      else
        resolve({
          ok: false,
          ms,
          stdout,
          note: `${file} exited ${signal ?? code}${signal ? " (timed out)" : ""}: ${stderr.trim().split("\n").slice(-3).join(" ")}`.slice(0, 400),
        });
    });
  });
}

/** The markdown tables in a script's output (consecutive lines starting with "|"). */
export function extractTables(text: string): string[] {
  const tables: string[] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (line.trim().startsWith("|")) current.push(line.trim());
    else if (current.length) {
      tables.push(current.join("\n"));
      current = [];
    }
  }
  if (current.length) tables.push(current.join("\n"));
  return tables;
}

/** The rows of a markdown table as objects keyed by (lower-cased) header. */
export function parseTable(markdown: string): Record<string, string>[] {
  const lines = markdown.split("\n").filter((l) => l.trim().startsWith("|"));
  if (lines.length < 2) return [];
  const cells = (l: string) =>
    l
      .trim()
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split("|")
      .map((c) => c.trim());
  const header = cells(lines[0]!).map((h) => h.toLowerCase());
  return lines.slice(2).map((l) => Object.fromEntries(cells(l).map((c, i) => [header[i] ?? String(i), c])));
}

/** CPU time (user + system) a process has used so far, in ms; null off Linux or once it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name: state is [0]; utime and stime are fields 14 and 15 of the line.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** A process's resident set now and its high-water mark (MiB), from /proc; null off Linux. */
export function processRss(pid: number): { rssMiB: number; hwmMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kib("VmRSS") / 1024, hwmMiB: kib("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** Resets a process's VmHWM to its current RSS (Linux; needs to be its owner or root). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
