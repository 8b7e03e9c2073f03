// Time and peak memory of the exports on a 10-scene storyboard of 1344×768 frames.
//
//   node --conditions=react-server --import tsx scripts/bench/exports.ts [--runs 3] [--clean]
//
// Each export runs in its own child process, so its peak RSS (process.resourceUsage().maxRSS) is
// its own and not the leftovers of the previous one. A "baseline" child only builds the fixture
// (sharp, fonts, frames in memory) so the export's own cost is the difference. ffmpeg runs as a
// separate processes (one encoder, short-lived renderers): the largest peak RSS among them is
// sampled from /proc (Linux only). Frames carry photo-like grain
// by default, which is harder on the encoder than flat AI renders; --clean drops it.

import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";

const KINDS = ["baseline", "pdf", "zip", "animatic"] as const;
type Kind = (typeof KINDS)[number];
type Measure = {
  kind: Kind;
  ms: number;
  cpuMs: number;
  childCpuMs: number | null;
  maxRssMb: number;
  ffmpegRssMb: number | null;
  bytes: number;
};

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

async function child(kind: Kind): Promise<void> {
  const { buildStoryboard } = await import("@/tests/export/fixtures");
  const fixture = await buildStoryboard({
    scenes: 10,
    frameWidth: 1344,
    durations: Array.from({ length: 10 }, () => 3),
    contentTypes: ["image/png"],
    noise: !flag("--clean"),
  });
  const { sb, read } = fixture;
  const cpuBefore = process.cpuUsage();
  const childCpuBefore = await childrenCpuMs();
  const started = performance.now();
  let bytes = 0;
  let ffmpegRssMb: number | null = null;

  if (kind === "pdf") {
    const { renderStoryboardPdf } = await import("@/lib/export/pdf");
    bytes = (await renderStoryboardPdf(sb, read, { layout: "grid-2x3" })).byteLength;
  } else if (kind === "zip") {
    const { streamStoryboardZip } = await import("@/lib/export/zip");
    const reader = streamStoryboardZip(sb, read).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
  } else if (kind === "animatic") {
    const { renderAnimatic } = await import("@/lib/export/animatic");
    const { resolveFfmpeg } = await import("@/lib/export/ffmpeg");
    const sampler = sampleFfmpegRss();
    const result = await renderAnimatic(sb, read, {
      ffmpegPath: resolveFfmpeg({ FFMPEG_PATH: process.env.FFMPEG_PATH, FFPROBE_PATH: process.env.FFPROBE_PATH }).ffmpeg,
      captions: true,
      timeoutMs: 600_000,
      maxBytes: 500 * 1024 * 1024,
    });
    ffmpegRssMb = sampler.stop();
    bytes = result.bytes;
    await result.cleanup();
  }

  const cpu = process.cpuUsage(cpuBefore);
  const childCpuAfter = await childrenCpuMs();
  const measure: Measure = {
    kind,
    ms: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    childCpuMs: childCpuBefore === null || childCpuAfter === null ? null : childCpuAfter - childCpuBefore,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ffmpegRssMb,
    bytes,
  };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

/** CPU time of this process's finished children (cutime + cstime in /proc/self/stat; Linux only). */
async function childrenCpuMs(): Promise<number | null> {
  const stat = await readFile("/proc/self/stat", "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: state is field 3, cutime and cstime are fields 16 and 17, in clock ticks (100/s).
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) * 10 : null;
}

/**
 * Polls this process's children in /proc (Linux) for ffmpeg; keeps the largest peak RSS (VmHWM)
 * seen. Only our own children are read: scanning all of /proc every tick costs more CPU than the
 * export being measured.
 */
function sampleFfmpegRss(): { stop: () => number | null } {
  let peak: number | null = null;
  const childrenFile = `/proc/${process.pid}/task/${process.pid}/children`;
  const timer = setInterval(() => {
    void (async () => {
      const pids = (await readFile(childrenFile, "utf8").catch(() => "")).trim().split(/\s+/).filter(Boolean);
      for (const pid of pids) {
        const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
        if (!/^Name:\s+ffmpeg/m.test(status)) continue;
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
        if (Number.isFinite(kb)) peak = Math.max(peak ?? 0, kb / 1024);
      }
    })();
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

function runChild(kind: Kind): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, __filename, "--child", kind, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`${kind} child exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as Measure);
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const childKind = option("--child", "");
  if (childKind) {
    await child(childKind as Kind);
    return;
  }
  const runs = Number(option("--runs", "1"));
  const results = new Map<Kind, Measure[]>();
  for (let run = 0; run < runs; run++) {
    for (const kind of KINDS) {
      const measure = await runChild(kind);
      results.set(kind, [...(results.get(kind) ?? []), measure]);
      process.stderr.write(`${kind} run ${run + 1}: ${Math.round(measure.ms)} ms\n`);
    }
  }

  const baseline = median((results.get("baseline") ?? []).map((m) => m.maxRssMb));
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(2);
  const label: Record<Kind, string> = {
    baseline: "fixture only (baseline)",
    pdf: "PDF, 2×3 grid",
    zip: "ZIP, 10 PNG originals + JSON",
    animatic: "MP4 animatic, 30 s 1920×1080, captions",
  };
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg()[0]?.toFixed(1)}, Node ${process.version}, ${runs} run(s), median\n`,
  );
  console.log("| export | wall time | CPU node | CPU ffmpeg | peak RSS node | above baseline | peak RSS ffmpeg | output |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const kind of KINDS) {
    const list = results.get(kind) ?? [];
    const rss = median(list.map((m) => m.maxRssMb));
    const ffmpegRss = list[0]?.ffmpegRssMb;
    console.log(
      `| ${label[kind]} | ${kind === "baseline" ? "–" : `${(median(list.map((m) => m.ms)) / 1000).toFixed(2)} s`} | ${
        kind === "baseline" ? "–" : `${(median(list.map((m) => m.cpuMs)) / 1000).toFixed(2)} s`
      } | ${kind === "animatic" ? `${(median(list.map((m) => m.childCpuMs ?? 0)) / 1000).toFixed(2)} s` : "–"} | ${rss.toFixed(0)} MB | ${kind === "baseline" ? "–" : `${(rss - baseline).toFixed(0)} MB`} | ${
        ffmpegRss == null ? "–" : `${ffmpegRss.toFixed(0)} MB`
      } | ${kind === "baseline" ? "–" : `${mb(median(list.map((m) => m.bytes)))} MB`} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
