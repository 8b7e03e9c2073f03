// Embedded planner speed: plans the test corpus RUNS times and prints ms per plan as markdown.
//   node --import tsx scripts/bench/planner.ts [runs]
import { planEmbedded } from "../../lib/planner/embedded/plan-embedded";
import { planRequestSchema, type PlanRequest } from "../../lib/planner/schema";
import { CORPUS } from "../../tests/planner/corpus";

const RUNS = Number(process.argv[2] ?? 20);
const TARGETS = [15, 30, 60] as const;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at] ?? 0;
}

const requests: Array<{ id: string; request: PlanRequest }> = CORPUS.flatMap((idea) =>
  TARGETS.map((targetDuration) => ({ id: idea.id, request: planRequestSchema.parse({ prompt: idea.prompt, targetDuration }) })),
);

// The first plan pays for loading compromise's lexicon; report it apart from the steady state.
const coldStart = performance.now();
planEmbedded(requests[0]!.request);
const coldMs = performance.now() - coldStart;

const all: number[] = [];
const byIdea = new Map<string, number[]>();
for (let run = 0; run < RUNS; run++) {
  for (const { id, request } of requests) {
    const t0 = performance.now();
    planEmbedded(request);
    const ms = performance.now() - t0;
    all.push(ms);
    const list = byIdea.get(id) ?? [];
    list.push(ms);
    byIdea.set(id, list);
  }
}

const row = (name: string, xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return `| ${name} | ${xs.length} | ${quantile(sorted, 0.5).toFixed(2)} | ${quantile(sorted, 0.95).toFixed(2)} | ${mean.toFixed(2)} | ${(sorted.at(-1) ?? 0).toFixed(2)} |`;
};

console.log(`# Embedded planner — ${CORPUS.length} ideas × ${TARGETS.length} lengths × ${RUNS} runs (Node ${process.version})\n`);
console.log(`Cold start (first plan, loads compromise): ${coldMs.toFixed(1)} ms\n`);
console.log("| idea | plans | p50 ms | p95 ms | mean ms | max ms |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [id, xs] of byIdea) console.log(row(id, xs));
console.log(row("**all**", all));
