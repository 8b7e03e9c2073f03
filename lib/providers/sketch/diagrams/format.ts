import type { Diagram, DiagramKind } from "@/lib/planner/schema";

// Numbers as a chart prints them, axis steps a person would choose, and what a diagram drew.

/** Units written before the number ("$76,123"); every other unit follows it ("420 kWh", "7%"). */
const PREFIX_UNITS = new Set(["$", "€", "£", "¥", "₽", "₹", "₩", "₺", "R$", "US$", "A$", "C$"]);

const grouped = (v: number, digits: number): string =>
  new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);

function digitsFor(v: number): number {
  const a = Math.abs(v);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

function withUnit(text: string, negative: boolean, unit: string | null): string {
  const u = unit?.trim() ?? "";
  if (!u) return (negative ? "−" : "") + text;
  if (PREFIX_UNITS.has(u)) return (negative ? "−" : "") + u + text;
  if (u === "%") return (negative ? "−" : "") + text + "%";
  return (negative ? "−" : "") + text + " " + u;
}

/** A value label: 76123 → "76,123", with the unit ("$76,123", "420 kWh", "7%"). */
export function formatValue(v: number, unit: string | null): string {
  if (!Number.isFinite(v)) return "—";
  return withUnit(grouped(Math.abs(v), digitsFor(v)), v < 0, unit);
}

/** An axis tick: short ("20k", "1.5M"), unit left to the axis title. */
export function formatTick(v: number): string {
  const a = Math.abs(v);
  const sign = v < 0 ? "−" : "";
  if (a >= 1e9) return sign + grouped(a / 1e9, 1) + "B";
  if (a >= 1e6) return sign + grouped(a / 1e6, 1) + "M";
  if (a >= 1e4) return sign + grouped(a / 1e3, 1) + "k";
  return sign + grouped(a, digitsFor(a));
}

/** Axis from 0 (or the minimum, if negative) to a round top, in 3–6 steps of 1, 2, 2.5 or 5 × 10ⁿ. */
export function niceAxis(min: number, max: number): { lo: number; hi: number; step: number } {
  const lo0 = Math.min(0, min);
  const hi0 = max > lo0 ? max : lo0 + 1;
  const raw = (hi0 - lo0) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag) as number;
  return { lo: Math.floor(lo0 / step) * step, hi: Math.ceil(hi0 / step) * step, step };
}

/** The values a chart plots: the diagram's own, or a neutral rising series when it gave none. */
export function valuesOf(d: Diagram): number[] {
  const n = d.labels.length;
  const given = d.values ?? [];
  return d.labels.map((_, i) => {
    const v = given[i];
    return typeof v === "number" && Number.isFinite(v) ? v : given.length ? 0 : ((i + 1) / n) * 100;
  });
}

/** The highlighted index, if it names a label. */
export function highlightOf(d: Diagram): number | null {
  return d.highlight !== null && d.highlight >= 0 && d.highlight < d.labels.length ? d.highlight : null;
}

const KIND_NOUNS: Record<DiagramKind, readonly string[]> = {
  "line-chart": ["chart", "line chart", "graph", "curve"],
  "bar-chart": ["chart", "bar chart", "graph", "bars"],
  timeline: ["timeline", "milestones"],
  steps: ["diagram", "steps", "arrows"],
  cutaway: ["cutaway", "diagram"],
  comparison: ["comparison", "chart"],
};

/**
 * The nouns a diagram scene's frame shows, for the frame's `depicts`: the kind of chart, and for
 * a cutaway its labelled parts (each drawn as its own layer).
 */
export function diagramDepicts(d: Diagram): string[] {
  const nouns = [...KIND_NOUNS[d.kind]];
  if (d.kind === "cutaway") for (const l of d.labels) nouns.push(l.toLowerCase());
  return [...new Set(nouns)];
}
