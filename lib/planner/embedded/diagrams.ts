import type { Diagram } from "../schema";

// Real content for explainer diagrams: growth curves computed from the idea's own numbers, step
// diagrams from its own steps, comparisons from its "X vs Y". Pure functions of the idea's text.

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Balance after each of `points` years of yearly compounding. */
export function compoundSeries(principal: number, ratePct: number, years: readonly number[]): number[] {
  return years.map((y) => Math.round(principal * (1 + ratePct / 100) ** y));
}

export interface GrowthFacts {
  principal: number;
  ratePct: number;
  years: number;
  /** "$", "€", "£" or null. */
  currency: string | null;
}

const MONEY = /([$€£¥₹])\s?(\d[\d,.\s]*\d|\d)(k\b)?|(\d[\d,.]*\d|\d)(k\b)?\s?(dollars|euros?|pounds|rupees|yen|tenge)?/gi;

/** "compound interest grows savings over 30 years", "put $5,000 away at 5%": the numbers of the example. */
export function growthFacts(text: string): GrowthFacts | null {
  if (!/\b(compound(ing)? interest|compounding|interest|savings?|invest\w*|grow\w* (your )?money|pension|retirement fund)\b/i.test(text)) return null;
  const years = Number(/\b(\d{1,2})\s*(?:-\s*)?years?\b/i.exec(text)?.[1] ?? 30);
  const rateMatch = /(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent|percent)/i.exec(text);
  const ratePct = rateMatch ? Number(rateMatch[1]!.replace(",", ".")) : 7;
  let principal = 10_000;
  let currency: string | null = null;
  for (const m of text.matchAll(MONEY)) {
    const raw = (m[2] ?? m[4] ?? "").replace(/[,\s]/g, "");
    const n = Number(raw) * (m[3] || m[5] ? 1000 : 1);
    if (!Number.isFinite(n) || n < 100) continue;
    if (m[0] && /years?/.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 7))) continue;
    principal = n;
    currency = m[1] ?? (m[6] ? ({ dollars: "$", euro: "€", euros: "€", pounds: "£" } as Record<string, string>)[m[6].toLowerCase()] ?? null : null);
    break;
  }
  if (years < 1 || years > 80 || ratePct <= 0 || ratePct > 50) return null;
  return { principal, ratePct, years, currency };
}

/** Year marks for a curve: 0, then even steps to the last year (at most 7 points). */
export function yearMarks(years: number): number[] {
  const step = years <= 6 ? 1 : years <= 12 ? 2 : years <= 30 ? 5 : 10;
  const marks: number[] = [];
  for (let y = 0; y < years; y += step) marks.push(y);
  marks.push(years);
  return marks;
}

export function growthCurve(f: GrowthFacts, highlightLast = true): Diagram {
  const marks = yearMarks(f.years);
  const values = compoundSeries(f.principal, f.ratePct, marks);
  return {
    kind: "line-chart",
    title: `${money(f.principal, f.currency)} at ${f.ratePct} % a year`,
    labels: marks.map((y) => `year ${y}`),
    values,
    unit: f.currency,
    highlight: highlightLast ? marks.length - 1 : null,
  };
}

export function money(n: number, currency: string | null): string {
  return currency ? `${currency}${formatNumber(n)}` : formatNumber(n);
}

export function stepsDiagram(title: string, steps: readonly string[], highlight: number | null): Diagram {
  const labels = steps.slice(0, 12).map((s) => clipLabel(s));
  return { kind: "steps", title: clipTitle(title), labels, values: null, unit: null, highlight: highlight !== null && highlight < labels.length ? highlight : null };
}

export function comparisonDiagram(title: string, labels: readonly string[], values: readonly number[] | null, unit: string | null, highlight: number | null): Diagram {
  return {
    kind: "comparison",
    title: clipTitle(title),
    labels: labels.slice(0, 12).map(clipLabel),
    values: values && values.length === labels.length ? [...values] : null,
    unit,
    highlight,
  };
}

function clipLabel(s: string): string {
  const t = s.trim().replace(/[.;:,]+$/, "");
  return t.length <= 60 ? t : `${t.slice(0, 59).trimEnd()}…`;
}

function clipTitle(s: string): string {
  const t = s.trim();
  return t.length <= 120 ? t : `${t.slice(0, 119).trimEnd()}…`;
}
