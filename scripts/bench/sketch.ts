// Renders 30 storyboard frames at 16:9 with the embedded sketch renderer in each of its looks and
// prints per-frame timings as a markdown table (one row pair per look).
//
//   npx tsx scripts/bench/sketch.ts [--verbose] [--look=pencil|ink|watercolor|noir|digital]

import { spawnSync } from "node:child_process";
import type { CameraMove, Diagram, ShotType, StylePreset } from "@/lib/planner/schema";
import { CAMERA_MOVES, SHOT_TYPES } from "@/lib/planner/schema";
import type { ImageInput } from "@/lib/providers/types";

const DESCRIPTIONS = [
  "Maya walks along a rainy city street at sunrise toward the café.",
  "A girl rides her horse across the steppe at dusk.",
  "Sam sits at his office desk buried in emails, staring at the laptop.",
  "Two friends share coffee at a market stall at night.",
  "An astronaut stands on the moon, a planet rising.",
  "A woman holds the product box against a studio backdrop.",
  "A car drives down an empty highway through the mountains.",
  "The couple walk along the beach at sunset, waves rolling in.",
  "A boy runs through the forest holding a sword.",
  "Grandfather points at the hills, telling the legend.",
  // Scenes drawn by the icon layer (landmarks, vehicles, animals, props beyond the built-ins).
  "A lighthouse on a rocky headland above a grey sea; a seagull circles the lamp room.",
  "Two food trucks park nose to nose on the same street corner.",
  "Dana rides the electric cargo bike past the queue of cars to the school gate.",
  "Inside the yurt the bai counts his gold coins beside the magic pot.",
  "A syringe and a stethoscope on a metal tray in the hospital.",
];

function inputAt(i: number, preset: StylePreset = "pencil-sketch"): ImageInput {
  const shotType = SHOT_TYPES[i % SHOT_TYPES.length] as ShotType;
  const cameraMove = CAMERA_MOVES[(i * 3) % CAMERA_MOVES.length] as CameraMove;
  const description = DESCRIPTIONS[i % DESCRIPTIONS.length] as string;
  return {
    prompt: description,
    aspectRatio: "16:9",
    seed: 1000 + i,
    outputFormat: "png",
    referenceImageUrl: null,
    webhookUrl: null,
    scene: {
      number: i + 1,
      description,
      shotType,
      cameraMove,
      narrativeRole: null,
      durationSeconds: 4,
      characters: [],
      style: { preset, palette: ["#c8553d", "#2c2b29"], lighting: "soft", mood: ["calm"] },
    },
  };
}

/** One preset per look of the renderer. */
const LOOK_PRESETS: { look: string; preset: StylePreset }[] = [
  { look: "pencil", preset: "pencil-sketch" },
  { look: "ink", preset: "comic" },
  { look: "watercolor", preset: "watercolor" },
  { look: "noir", preset: "noir" },
  { look: "digital", preset: "cinematic" },
];

const DIAGRAMS: Diagram[] = [
  { kind: "line-chart", title: "10,000 at 7 % a year", labels: ["0", "5", "10", "15", "20", "25", "30"], values: [10000, 14026, 19672, 27590, 38697, 54274, 76123], unit: "$", highlight: 6 },
  { kind: "bar-chart", title: "Energy use per year", labels: ["Fridge", "Heating", "Lights", "Laptop", "Oven"], values: [420, 2900, 310, 85, 640], unit: "kWh", highlight: 1 },
  { kind: "timeline", title: "Building the bridge", labels: ["1869 survey", "1872 towers", "1877 cables", "1881 deck", "1883 opening"], values: null, unit: null, highlight: 4 },
  { kind: "steps", title: "From seed to loaf", labels: ["Sow", "Harvest", "Mill", "Knead", "Bake"], values: null, unit: null, highlight: 2 },
  { kind: "cutaway", title: "Inside a volcano", labels: ["Ash cloud", "Crater", "Vent", "Magma chamber", "Bedrock"], values: null, unit: null, highlight: 3 },
  { kind: "comparison", title: "Ten years: rent or buy", labels: ["Renting", "Buying"], values: [142000, 118500], unit: "$", highlight: 1 },
];

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;

async function main(): Promise<void> {
  const { renderSketch } = await import("@/lib/providers/sketch/render-sketch");
  const only = process.argv.find((a) => a.startsWith("--look="))?.slice(7);
  const looks = LOOK_PRESETS.filter((l) => !only || l.look === only);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [load1] = (await import("node:os")).loadavg();
  const verbose: string[] = [];
  console.log(`| look | frames | size | metric | p50 ms | p95 ms | mean ms | mean PNG KiB |`);
  console.log(`| :--- | ---: | :---: | :--- | ---: | ---: | ---: | ---: |`);
  type Row = { look: string; at: (i: number) => ImageInput; times: number[]; cpu: number[]; bytes: number };
  const rows: Row[] = looks.map(({ look, preset }) => ({ look, at: (i: number) => inputAt(i, preset), times: [], cpu: [], bytes: 0 }));
  if (!only) {
    // Diagram scenes: the six kinds round-robin over the five looks.
    const at = (i: number): ImageInput => {
      const input = inputAt(i, LOOK_PRESETS[i % LOOK_PRESETS.length]!.preset);
      return { ...input, scene: input.scene && { ...input.scene, diagram: DIAGRAMS[i % DIAGRAMS.length]! } };
    };
    rows.push({ look: "diagrams", at, times: [], cpu: [], bytes: 0 });
  }
  // Warm-up: font loading, the first rsvg/Pango initialisation and each look's tables and texture
  // fields (made once per frame size) are one-off costs.
  for (const r of rows) await renderSketch(r.at(99));
  // Interleaved, frame by frame: on a shared machine the load drifts, and a look measured in a
  // busier minute would look slower than it is.
  for (let i = 0; i < 30; i++) {
    for (const r of rows) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const png = await renderSketch(r.at(i));
      r.times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      // CPU time of the whole process (JS + libvips threads): steadier than wall time on a busy box.
      r.cpu.push((c.user + c.system) / 1000);
      r.bytes += png.length;
      if (process.argv.includes("--verbose")) {
        const sc = r.at(i).scene;
        verbose.push(`| ${r.look} | ${i + 1} | ${sc?.shotType} | ${sc?.description.slice(0, 40)} | ${r.cpu[i]!.toFixed(1)} |`);
      }
    }
  }
  for (const { look, times, cpu, bytes } of rows) {
    const sorted = [...times].sort((a, b) => a - b);
    const sortedCpu = [...cpu].sort((a, b) => a - b);
    const kib = (bytes / times.length / 1024).toFixed(0);
    console.log(`| ${look} | ${times.length} | 1344×768 | wall | ${pct(sorted, 0.5).toFixed(1)} | ${pct(sorted, 0.95).toFixed(1)} | ${mean(times).toFixed(1)} | ${kib} |`);
    console.log(`| ${look} | ${times.length} | 1344×768 | CPU | ${pct(sortedCpu, 0.5).toFixed(1)} | ${pct(sortedCpu, 0.95).toFixed(1)} | ${mean(cpu).toFixed(1)} | ${kib} |`);
  }
  console.log(`\nload average ${load1?.toFixed(2)} on ${(await import("node:os")).cpus().length} CPUs`);
  if (verbose.length) console.log(`\n| look | frame | shot | scene | CPU ms |\n| :--- | ---: | :--- | :--- | ---: |\n${verbose.join("\n")}`);
}

// The renderer imports "server-only", which resolves to a no-op only under the react-server
// condition; re-run ourselves with it.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
