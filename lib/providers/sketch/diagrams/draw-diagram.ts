import type { Diagram } from "@/lib/planner/schema";
import type { Inks } from "../inks";
import type { Fill, Ink, Pen, Pt, Rect } from "../pen";
import type { Rng } from "../rng";
import { drawIcon, type IconBox } from "../icons/draw-icon";
import type { DiagramIcons, NamedIcon } from "./diagram-icons";
import { formatTick, formatValue, highlightOf, niceAxis, valuesOf } from "./format";

// An explainer scene's diagram drawn as a real chart in the board's hand: axes and gridlines, the
// curve or bars with their values, milestones on a timeline, steps joined by arrows, a labelled
// cutaway, two things side by side. Pure geometry through the pen (so every look restyles it);
// the words come back as labels for the renderer to set in the shipped fonts.

/** "paper": light text on an accent fill. */
export type LabelTone = "ink" | "soft" | "accent" | "paper";

export type DiagramLabel = {
  text: string;
  x: number;
  /** Vertical centre of the text. */
  y: number;
  px: number;
  anchor: "start" | "middle" | "end";
  bold: boolean;
  tone: LabelTone;
};

/** A plotted item (bar, point, milestone, step, part, column), for tests and focus. */
export type DiagramMark = { label: string; value: number | null; rect: Rect; highlight: boolean };

/** An icon drawn in the diagram: the noun it shows and where. */
export type DiagramIconMark = { noun: string; box: Rect };

export type DrawnDiagram = { focus: Pt; labels: DiagramLabel[]; marks: DiagramMark[]; icons: DiagramIconMark[] };

/** What a diagram draws with: the pen and inks of the frame's look, inside the panel. */
export type DiagramCtx = { pen: Pen; inks: Inks; panel: Rect; u: number; rng: Rng };

type Kit = DiagramCtx & {
  labels: DiagramLabel[];
  marks: DiagramMark[];
  accentInk: Ink;
  accentFill: Fill;
  icons: DiagramIcons;
  drawn: DiagramIconMark[];
  /** Ink the free-space search must avoid beyond labels and marks (a curve's points). */
  keepOut: Rect[];
};

/** Average advance of Geist at 1 px, a little generous so estimates never overflow. */
const CHAR_W = 0.58;

function fit(text: string, px: number, maxW: number, minPx: number): number {
  return Math.max(minPx, Math.min(px, maxW / (CHAR_W * Math.max(1, text.length))));
}

/** Cut a label to what fits at `px` in `maxW`, with an ellipsis. */
function clip(text: string, px: number, maxW: number): string {
  const max = Math.max(3, Math.floor(maxW / (CHAR_W * px)));
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + "…";
}

function label(k: Kit, text: string, x: number, y: number, px: number, opts: Partial<Omit<DiagramLabel, "text" | "x" | "y" | "px">> = {}): void {
  k.labels.push({ text, x, y, px: Math.round(px), anchor: opts.anchor ?? "middle", bold: opts.bold ?? false, tone: opts.tone ?? "ink" });
}

function rectPts(r: Rect): Pt[] {
  return [
    [r.x, r.y],
    [r.x + r.w, r.y],
    [r.x + r.w, r.y + r.h],
    [r.x, r.y + r.h],
  ];
}

function arrowHead(k: Kit, tip: Pt, from: Pt, size: number, ink: Ink): void {
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const a: Pt = [tip[0] - ux * size - uy * size * 0.55, tip[1] - uy * size + ux * size * 0.55];
  const b: Pt = [tip[0] - ux * size + uy * size * 0.55, tip[1] - uy * size - ux * size * 0.55];
  k.pen.fillPoly([tip, a, b], { color: ink.color, opacity: 1 });
  k.pen.poly([a, tip, b], ink);
}

const NO_ICONS: DiagramIcons = { perLabel: [], extras: [] };

/** Draws one named icon with its bottom centre at (cx, bottom), `height` tall; records it. */
function icon(k: Kit, n: NamedIcon, cx: number, bottom: number, height: number, maxW = Infinity): IconBox {
  const h = Math.min(height, (maxW / Math.max(1e-6, n.icon.w)) * n.icon.h);
  const box = drawIcon(k.pen, k.inks, n.icon, { cx, bottom, height: h, seed: k.rng.int(1, 2147483646), hatch: 0.35, tone: k.inks.tone.t1 });
  k.drawn.push({ noun: n.noun, box });
  return box;
}

export function drawDiagram(c: DiagramCtx, d: Diagram, icons: DiagramIcons = NO_ICONS): DrawnDiagram {
  const accentInk: Ink = { ...c.inks.main, color: c.inks.accent, width: c.inks.main.width * 2.2, opacity: 1 };
  const k: Kit = { ...c, labels: [], marks: [], accentInk, accentFill: { color: c.inks.accent, opacity: 1 }, icons, drawn: [], keepOut: [] };
  const { panel: p, u } = c;
  // The page: diagrams are drawn on a clean sheet, whatever the scene's setting.
  c.pen.fillRect(p, { color: c.inks.paper, opacity: 1 });
  const inner: Rect = { x: p.x + u * 4.5, y: p.y + u * 3.2, w: p.w - u * 9, h: p.h - u * 6.4 };
  const titlePx = fit(d.title, u * 3.6, inner.w, u * 2.2);
  label(k, clip(d.title, titlePx, inner.w), inner.x, inner.y + titlePx * 0.6, titlePx, { anchor: "start", bold: true });
  c.pen.line([inner.x, inner.y + titlePx * 1.35], [inner.x + Math.min(inner.w, titlePx * 0.5 * d.title.length), inner.y + titlePx * 1.35], accentInk);
  const body: Rect = { x: inner.x, y: inner.y + titlePx * 2, w: inner.w, h: inner.h - titlePx * 2 };
  switch (d.kind) {
    case "line-chart":
      lineChart(k, d, body);
      break;
    case "bar-chart":
      barChart(k, d, body);
      break;
    case "timeline":
      timeline(k, d, body);
      break;
    case "steps":
      steps(k, d, body);
      break;
    case "cutaway":
      cutaway(k, d, body);
      break;
    case "comparison":
      comparison(k, d, body);
      break;
  }
  extras(k, body);
  const hi = k.marks.find((m) => m.highlight) ?? k.marks[k.marks.length - 1];
  const focus: Pt = hi ? [hi.rect.x + hi.rect.w / 2, hi.rect.y + hi.rect.h / 2] : [p.x + p.w / 2, p.y + p.h / 2];
  return { focus, labels: k.labels, marks: k.marks, icons: k.drawn };
}

/** Axes, gridlines and tick labels; returns the plot rect and the value → y mapping. */
function axes(k: Kit, d: Diagram, body: Rect, values: number[]): { plot: Rect; yOf: (v: number) => number } {
  const { u, pen, inks } = k;
  const axis = niceAxis(Math.min(...values), Math.max(...values));
  const tickPx = u * 2;
  const widest = Math.max(...[axis.lo, axis.hi].map((v) => formatTick(v).length));
  const left = widest * CHAR_W * tickPx + u * 2.2;
  const plot: Rect = { x: body.x + left, y: body.y + u * 3, w: body.w - left - u * 3, h: body.h - u * 8 };
  const yOf = (v: number) => plot.y + plot.h - ((v - axis.lo) / (axis.hi - axis.lo)) * plot.h;
  for (let v = axis.lo; v <= axis.hi + axis.step * 0.01; v += axis.step) {
    const y = yOf(v);
    if (v !== axis.lo) pen.line([plot.x, y], [plot.x + plot.w, y], { ...inks.faint, passes: 1 }, 0.3);
    pen.line([plot.x - u * 0.8, y], [plot.x, y], inks.main, 0.3);
    label(k, formatTick(v), plot.x - u * 1.3, y, tickPx, { anchor: "end", tone: "soft" });
  }
  pen.line([plot.x, plot.y - u * 1.5], [plot.x, plot.y + plot.h], inks.bold, 0.4);
  pen.line([plot.x, plot.y + plot.h], [plot.x + plot.w + u * 1.5, plot.y + plot.h], inks.bold, 0.4);
  arrowHead(k, [plot.x, plot.y - u * 2.2], [plot.x, plot.y], u * 1.2, inks.bold);
  arrowHead(k, [plot.x + plot.w + u * 2.2, plot.y + plot.h], [plot.x, plot.y + plot.h], u * 1.2, inks.bold);
  if (d.unit) label(k, d.unit, plot.x + u * 1.2, plot.y - u * 1.6, tickPx, { anchor: "start", tone: "soft" });
  return { plot, yOf };
}

function lineChart(k: Kit, d: Diagram, body: Rect): void {
  const { u, pen, inks } = k;
  const values = valuesOf(d);
  const hi = highlightOf(d);
  const { plot, yOf } = axes(k, d, body, values);
  const n = values.length;
  const xOf = (i: number) => (n === 1 ? plot.x + plot.w / 2 : plot.x + u * 2 + (i / (n - 1)) * (plot.w - u * 4));
  const pts: Pt[] = values.map((v, i) => [xOf(i), yOf(v)]);
  // Area under the curve: a light tone each look recolours.
  const base = plot.y + plot.h;
  const first = pts[0]!;
  const last = pts[n - 1]!;
  // Monotone between the data points: a chart's curve never bulges past a value it doesn't have.
  const line = monotoneCurve(pts, 8);
  pen.fillPath(`M${first[0]} ${base}` + line.map((q) => `L${q[0].toFixed(1)} ${q[1].toFixed(1)}`).join("") + `L${last[0]} ${base}Z`, inks.tone.t1);
  if (n >= 2) pen.curve(line, k.accentInk);
  // Free space for icons is above the curve: never on it, nor on the area under it.
  for (const q of line) k.keepOut.push({ x: q[0] - u * 0.8, y: q[1] - u * 0.8, w: u * 1.6, h: base - q[1] + u * 0.8 });
  k.keepOut.push({ x: plot.x - u * 1.5, y: plot.y - u * 2.5, w: u * 3, h: plot.h + u * 2.5 }, { x: plot.x, y: base - u, w: plot.w + u * 2.5, h: u * 4 });
  const xPx = fit(d.labels.reduce((a, b) => (b.length > a.length ? b : a), ""), u * 2.1, (plot.w / Math.max(1, n)) * 0.95, u * 1.3);
  pts.forEach((q, i) => {
    const isHi = i === hi;
    const r = u * (isHi ? 1.3 : 0.75);
    pen.fillEllipse(q[0], q[1], r, r, isHi ? k.accentFill : { color: inks.paper, opacity: 1 });
    pen.ellipse(q[0], q[1], r, r, isHi ? inks.bold : inks.main);
    label(k, clip(d.labels[i]!, xPx, plot.w / n), q[0], base + u * 2.6, xPx, { tone: "soft" });
    pen.line([q[0], base], [q[0], base + u * 0.8], inks.main, 0.2);
    k.marks.push({ label: d.labels[i]!, value: values[i]!, rect: { x: q[0] - r, y: q[1] - r, w: 2 * r, h: 2 * r }, highlight: isHi });
  });
  // Values on the first point, the highlight (or last) point, and nowhere else: a chart, not a table.
  const shown = new Set([0, hi ?? n - 1]);
  for (const i of shown) {
    const q = pts[i]!;
    const isHi = i === (hi ?? n - 1);
    const px = u * (isHi ? 3.4 : 2.3);
    const text = formatValue(values[i]!, d.unit);
    const right = q[0] + text.length * CHAR_W * px * 0.5 > plot.x + plot.w;
    const x = right ? q[0] - u * 1.8 : i === 0 ? q[0] + u * 1.2 : q[0];
    label(k, text, x, q[1] - u * (isHi ? 3.6 : 2.6), px, { anchor: right ? "end" : i === 0 ? "start" : "middle", bold: isHi, tone: isHi ? "accent" : "ink" });
  }
}

/**
 * Points along the monotone cubic (Fritsch–Carlson) through `pts` (x increasing), `steps` per
 * segment: smooth like a drawn curve, but it never overshoots a peak or dips below a trough.
 */
export function monotoneCurve(pts: readonly Pt[], steps: number): Pt[] {
  const n = pts.length;
  if (n < 3) return [...pts];
  const d: number[] = [];
  for (let i = 0; i < n - 1; i++) d.push((pts[i + 1]![1] - pts[i]![1]) / (pts[i + 1]![0] - pts[i]![0] || 1));
  const m: number[] = [d[0]!];
  for (let i = 1; i < n - 1; i++) m.push(d[i - 1]! * d[i]! <= 0 ? 0 : (d[i - 1]! + d[i]!) / 2);
  m.push(d[n - 2]!);
  for (let i = 0; i < n - 1; i++) {
    if (d[i] === 0) {
      m[i] = 0;
      m[i + 1] = 0;
      continue;
    }
    const a = m[i]! / d[i]!;
    const b = m[i + 1]! / d[i]!;
    const h = a * a + b * b;
    if (h > 9) {
      const t = 3 / Math.sqrt(h);
      m[i] = t * a * d[i]!;
      m[i + 1] = t * b * d[i]!;
    }
  }
  const out: Pt[] = [pts[0]!];
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[i + 1]!;
    const hx = x1 - x0;
    for (let s = 1; s <= steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const y = (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * hx * m[i]! + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * hx * m[i + 1]!;
      out.push([x0 + hx * t, y]);
    }
  }
  return out;
}

function barChart(k: Kit, d: Diagram, body: Rect): void {
  const { u, pen, inks } = k;
  const values = valuesOf(d);
  const hi = highlightOf(d);
  const { plot, yOf } = axes(k, d, body, values);
  const n = values.length;
  const slot = plot.w / n;
  const bw = Math.min(slot * 0.62, u * 16);
  const zero = yOf(0);
  const xPx = fit(d.labels.reduce((a, b) => (b.length > a.length ? b : a), ""), u * 2.2, slot * 0.95, u * 1.3);
  values.forEach((v, i) => {
    const isHi = i === hi;
    const cx = plot.x + slot * (i + 0.5);
    const top = yOf(v);
    const r: Rect = { x: cx - bw / 2, y: Math.min(top, zero), w: bw, h: Math.max(1, Math.abs(zero - top)) };
    pen.fillRect(r, isHi ? k.accentFill : i % 2 ? inks.tone.t2 : inks.tone.t3);
    if (!isHi) pen.hatch(rectPts(r), 60, u * 1.1, inks.hatch);
    pen.poly(rectPts(r), isHi ? inks.bold : inks.main, true);
    const vPx = fit(formatValue(v, d.unit), u * (isHi ? 2.8 : 2.2), slot * 1.05, u * 1.3);
    label(k, formatValue(v, d.unit), cx, Math.min(top, zero) - vPx * 0.9, vPx, { bold: isHi, tone: isHi ? "accent" : "ink" });
    label(k, clip(d.labels[i]!, xPx, slot), cx, plot.y + plot.h + u * 2.6, xPx, { bold: isHi, tone: isHi ? "ink" : "soft" });
    k.marks.push({ label: d.labels[i]!, value: v, rect: r, highlight: isHi });
    const named = k.icons.perLabel[i];
    if (named) {
      // Over its value where the bar leaves room; the tallest bars go without.
      const bottom = Math.min(top, zero) - vPx * 1.6 - u * 0.6;
      const h = Math.min(slot * 0.55, u * 10, bottom - plot.y - u * 0.5);
      if (h > u * 4) icon(k, named, cx, bottom, h, slot * 0.7);
    }
  });
  k.keepOut.push({ x: plot.x - u * 1.5, y: plot.y - u * 2.5, w: u * 3, h: plot.h + u * 2.5 }, { x: plot.x, y: plot.y + plot.h - u, w: plot.w + u * 2.5, h: u * 4 });
}

function timeline(k: Kit, d: Diagram, body: Rect): void {
  const { u, pen, inks } = k;
  const hi = highlightOf(d);
  const n = d.labels.length;
  const y = body.y + body.h * 0.52;
  const x0 = body.x + u * 3;
  const x1 = body.x + body.w - u * 3;
  pen.line([x0, y - u * 1.2], [x1, y - u * 1.2], inks.bold, 0.3);
  pen.line([x0, y + u * 1.2], [x1, y + u * 1.2], inks.bold, 0.3);
  arrowHead(k, [x1 + u * 3.2, y], [x0, y], u * 2.6, inks.bold);
  const slot = (x1 - x0) / n;
  const px = fit(d.labels.reduce((a, b) => (b.length > a.length ? b : a), ""), u * 3, slot * 1.7, u * 1.4);
  // Era bands under the line: alternate light tones, so the spans between milestones read.
  for (let i = 0; i < n; i++) pen.fillRect({ x: x0 + slot * i, y: y - u * 1.2, w: slot, h: u * 2.4 }, i % 2 ? inks.tone.t1 : inks.tone.t2);
  d.labels.forEach((text, i) => {
    const isHi = i === hi;
    const x = x0 + slot * (i + 0.5);
    const up = i % 2 === 0;
    const r = u * (isHi ? 2.6 : 1.8);
    const stem = u * (isHi ? 13 : 10);
    const ty = up ? y - stem : y + stem;
    pen.line([x, y], [x, ty + (up ? px * 0.9 : -px * 0.9)], inks.main, 0.2);
    pen.fillEllipse(x, y, r, r, isHi ? k.accentFill : { color: inks.paper, opacity: 1 });
    pen.ellipse(x, y, r, r, inks.bold);
    const v = d.values?.[i];
    label(k, clip(text, px, slot * 1.8), x, ty, isHi ? px * 1.15 : px, { bold: isHi, tone: isHi ? "accent" : "ink" });
    if (typeof v === "number") label(k, formatValue(v, d.unit), x, ty + (up ? -px * 1.2 : px * 1.2), px * 0.85, { tone: "soft" });
    k.marks.push({ label: text, value: typeof v === "number" ? v : null, rect: { x: x - r, y: y - r, w: 2 * r, h: 2 * r }, highlight: isHi });
    k.keepOut.push({ x: x - u, y: Math.min(y, ty), w: 2 * u, h: Math.abs(ty - y) });
    const named = k.icons.perLabel[i];
    if (named) {
      // Beyond its words, away from the line: the neighbours on that side are two slots off.
      const lp = isHi ? px * 1.15 : px;
      const edge = up ? ty - lp * 0.7 - (typeof v === "number" ? px * 1.3 : 0) - u : ty + lp * 0.7 + (typeof v === "number" ? px * 1.3 : 0) + u;
      const room = up ? edge - body.y : body.y + body.h - edge;
      const h = Math.min(room - u * 0.5, slot * 0.7, u * 11);
      if (h > u * 3) icon(k, named, x, up ? edge : edge + h, h, slot * 0.7);
    }
  });
  k.keepOut.push({ x: x0, y: y - u * 1.6, w: x1 + u * 3.4 - x0, h: u * 3.2 });
}

function steps(k: Kit, d: Diagram, body: Rect): void {
  const { u, pen, inks } = k;
  const hi = highlightOf(d);
  const n = d.labels.length;
  const rows = n > 5 ? 2 : 1;
  const perRow = Math.ceil(n / rows);
  const gap = u * 5.5;
  const bw = Math.min(u * 30, (body.w - gap * (perRow - 1)) / perRow);
  const bh = Math.min(u * 22, bw * 0.8, (body.h - gap * (rows - 1)) / rows - u * 2);
  const rowW = perRow * bw + (perRow - 1) * gap;
  const top = body.y + (body.h - (rows * bh + (rows - 1) * gap)) / 2;
  const px = fit(d.labels.reduce((a, b) => (b.length > a.length ? b : a), ""), u * 3.2, bw * 0.86, u * 1.4);
  const boxes: Rect[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / perRow);
    // Second row runs right to left, so the arrows snake rather than jump back.
    const col = row % 2 === 0 ? i % perRow : perRow - 1 - (i % perRow);
    boxes.push({ x: body.x + (body.w - rowW) / 2 + col * (bw + gap), y: top + row * (bh + gap), w: bw, h: bh });
  }
  boxes.forEach((r, i) => {
    const isHi = i === hi;
    const pts = rectPts(r);
    pen.fillRect(r, isHi ? k.accentFill : { color: inks.paper, opacity: 1 });
    pen.fillRect({ x: r.x + u * 0.8, y: r.y + r.h, w: r.w, h: u * 0.8 }, inks.tone.t3);
    pen.fillRect({ x: r.x + r.w, y: r.y + u * 0.8, w: u * 0.8, h: r.h }, inks.tone.t3);
    pen.poly(pts, isHi ? { ...inks.bold, width: inks.bold.width * 1.5 } : inks.bold, true);
    // Step number in a badge on the corner.
    const br = u * 2.8;
    pen.fillEllipse(r.x, r.y, br, br, isHi ? { color: inks.paper, opacity: 1 } : k.accentFill);
    pen.ellipse(r.x, r.y, br, br, inks.main);
    label(k, String(i + 1), r.x, r.y, u * 3, { bold: true, tone: isHi ? "accent" : "paper" });
    const named = k.icons.perLabel[i];
    if (named) {
      // The thing the step names above its words: the box's upper part, clear of the badge.
      const lpx = Math.min(px, r.h * 0.17);
      icon(k, named, r.x + r.w / 2, r.y + r.h * 0.62, Math.min(r.h * 0.44, r.w * 0.55), r.w * 0.6);
      label(k, clip(d.labels[i]!, lpx, r.w * 0.9), r.x + r.w / 2, r.y + r.h * 0.8, lpx, { bold: isHi, tone: isHi ? "paper" : "ink" });
    } else label(k, clip(d.labels[i]!, px, r.w * 0.9), r.x + r.w / 2, r.y + r.h / 2, px, { bold: isHi, tone: isHi ? "paper" : "ink" });
    k.marks.push({ label: d.labels[i]!, value: null, rect: { x: r.x, y: r.y, w: r.w + u * 0.8, h: r.h + u * 0.8 }, highlight: isHi });
    const next = boxes[i + 1];
    if (!next) return;
    let a: Pt;
    let b: Pt;
    if (Math.abs(next.y - r.y) < 1) {
      const dir = next.x > r.x ? 1 : -1;
      a = [dir > 0 ? r.x + r.w + u * 1.6 : r.x - u * 1.2, r.y + r.h / 2];
      b = [dir > 0 ? next.x - u * 1.2 : next.x + next.w + u * 1.6, r.y + r.h / 2];
    } else {
      a = [r.x + r.w / 2, r.y + r.h + u * 1.6];
      b = [next.x + next.w / 2, next.y - u * 1.2];
    }
    pen.line(a, b, { ...inks.bold, width: inks.bold.width * 1.3 }, 0.2);
    arrowHead(k, b, a, u * 1.6, inks.bold);
  });
}

function cutaway(k: Kit, d: Diagram, body: Rect): void {
  const { u, pen, inks, rng } = k;
  const hi = highlightOf(d);
  const n = d.labels.length;
  // A block cut open: the front face shows the parts as layers, top to bottom in label order.
  const depth = u * 7;
  const block: Rect = { x: body.x + u * 4, y: body.y + depth + u * 1, w: body.w * 0.5, h: body.h - depth - u * 3 };
  const tones = [inks.tone.t1, inks.tone.t2, inks.tone.t3, inks.tone.t4];
  const bandH = block.h / n;
  const r = rng.fork("cutaway");
  // Layer boundaries wave a little, like strata or the walls of a real section.
  const edges: Pt[][] = [];
  for (let j = 0; j <= n; j++) {
    const y = block.y + bandH * j;
    const pts: Pt[] = [];
    for (let s = 0; s <= 8; s++) pts.push([block.x + (block.w * s) / 8, j === 0 || j === n ? y : y + r.jitter(bandH * 0.16)]);
    edges.push(pts);
  }
  for (let j = 0; j < n; j++) {
    const isHi = j === hi;
    const topE = edges[j]!;
    const botE = edges[j + 1]!;
    const poly = [...topE, ...[...botE].reverse()];
    pen.fillPoly(poly, isHi ? k.accentFill : tones[j % tones.length]!);
    if (!isHi && j % 2 === 1) pen.hatch(poly, 35, u * 1.2, inks.hatch);
    pen.poly(botE, inks.main);
    // Side face of the same layer, darker.
    const side: Pt[] = [
      [block.x + block.w, topE[8]![1]],
      [block.x + block.w + depth, topE[8]![1] - depth],
      [block.x + block.w + depth, botE[8]![1] - depth],
      [block.x + block.w, botE[8]![1]],
    ];
    pen.fillPoly(side, isHi ? { color: darkAccent(k), opacity: 1 } : tones[Math.min(3, (j % tones.length) + 1)]!);
    pen.poly(side, inks.main, true);
    // Leader line from the layer's middle to its label on the right.
    const my = (topE[4]![1] + botE[4]![1]) / 2;
    const from: Pt = [block.x + block.w * 0.62, my];
    const to: Pt = [block.x + block.w + depth + u * 6, body.y + (body.h * (j + 0.5)) / n];
    pen.fillEllipse(from[0], from[1], u * 0.7, u * 0.7, { color: inks.main.color, opacity: 1 });
    pen.poly([from, [to[0] - u * 3, to[1]], to], inks.main);
    const px = fit(d.labels[j]!, u * (isHi ? 2.9 : 2.4), body.x + body.w - to[0] - u * 1.5, u * 1.4);
    label(k, clip(d.labels[j]!, px, body.x + body.w - to[0] - u * 1.5), to[0] + u * 1.2, to[1], px, { anchor: "start", bold: isHi, tone: isHi ? "accent" : "ink" });
    k.marks.push({ label: d.labels[j]!, value: null, rect: { x: block.x, y: block.y + bandH * j, w: block.w, h: bandH }, highlight: isHi });
  }
  // Top face and the outline of the block.
  const top: Pt[] = [
    [block.x, block.y],
    [block.x + depth, block.y - depth],
    [block.x + block.w + depth, block.y - depth],
    [block.x + block.w, block.y],
  ];
  pen.fillPoly(top, inks.tone.t1);
  pen.poly(top, inks.bold, true);
  pen.poly(rectPts(block), inks.bold, true);
  pen.line([block.x + block.w + depth, block.y - depth], [block.x + block.w + depth, block.y + block.h - depth], inks.bold);
  pen.line([block.x + block.w + depth, block.y + block.h - depth], [block.x + block.w, block.y + block.h], inks.bold);
  // The cut itself: a zigzag tear along the front's left edge reads as "opened up".
  const tear: Pt[] = [];
  for (let s = 0; s <= 10; s++) tear.push([block.x + (s % 2 ? u * 1.2 : 0), block.y + (block.h * s) / 10]);
  pen.poly(tear, inks.main);
  k.keepOut.push({ x: block.x - u, y: block.y - depth - u, w: block.w + depth + u * 2, h: block.h + depth + u * 2 });
  // Leader lines run from the block to the labels: keep their band clear too.
  k.keepOut.push({ x: block.x + block.w, y: body.y, w: depth + u * 7, h: body.h });
}

const darkAccent = (k: Kit): string => {
  const n = parseInt(k.inks.accent.slice(1), 16);
  const ch = (s: number) => Math.round(((n >> s) & 255) * 0.7);
  return "#" + [16, 8, 0].map((s) => ch(s).toString(16).padStart(2, "0")).join("");
};

function comparison(k: Kit, d: Diagram, body: Rect): void {
  const { u, pen, inks } = k;
  const hi = highlightOf(d);
  const n = Math.min(4, d.labels.length);
  const values = valuesOf(d).slice(0, n);
  const hasValues = d.values !== null && d.values.length > 0;
  const gap = u * (n === 2 ? 12 : 5);
  const cw = (body.w - gap * (n - 1)) / n;
  const max = Math.max(...values.map(Math.abs), 1e-9);
  const headPx = u * 3;
  const barTop = body.y + headPx * 2.4 + u * 5;
  const barMaxH = body.y + body.h - barTop - u * 2;
  for (let i = 0; i < n; i++) {
    const isHi = i === hi;
    const card: Rect = { x: body.x + i * (cw + gap), y: body.y + u * 0.5, w: cw, h: body.h - u * 1 };
    pen.fillRect(card, { color: inks.paper, opacity: 1 });
    pen.poly(rectPts(card), isHi ? { ...inks.bold, width: inks.bold.width * 1.6 } : inks.main, true);
    const hp = fit(d.labels[i]!, headPx, cw * 0.9, u * 1.6);
    label(k, clip(d.labels[i]!, hp, cw * 0.9), card.x + cw / 2, card.y + headPx * 1.1, hp, { bold: true, tone: isHi ? "accent" : "ink" });
    pen.line([card.x + u * 2, card.y + headPx * 2.1], [card.x + cw - u * 2, card.y + headPx * 2.1], inks.faint, 0.2);
    const v = values[i]!;
    const bw = Math.min(cw * 0.46, u * 18);
    const bh = hasValues ? Math.max(u * 0.6, (Math.abs(v) / max) * barMaxH * 0.78) : barMaxH * 0.6;
    const bar: Rect = { x: card.x + (cw - bw) / 2, y: barTop + barMaxH - bh, w: bw, h: bh };
    pen.fillRect(bar, isHi ? k.accentFill : inks.tone.t3);
    if (!isHi) pen.hatch(rectPts(bar), 60, u * 1.1, inks.hatch);
    pen.poly(rectPts(bar), inks.bold, true);
    pen.line([card.x + u * 2, barTop + barMaxH], [card.x + cw - u * 2, barTop + barMaxH], inks.main, 0.2);
    if (hasValues) {
      const text = formatValue(v, d.unit);
      const vp = fit(text, u * (isHi ? 3.6 : 3), cw * 0.9, u * 1.6);
      label(k, text, card.x + cw / 2, bar.y - vp * 0.9, vp, { bold: isHi, tone: isHi ? "accent" : "ink" });
    }
    k.marks.push({ label: d.labels[i]!, value: hasValues ? v : null, rect: bar, highlight: isHi });
    k.keepOut.push(card);
    const named = k.icons.perLabel[i];
    if (named) {
      // Beside its bar, on the card's left, standing on the baseline; never up into the value.
      const left = card.x + u * 1.5;
      const right = bar.x - u * 1.5;
      const floor = barTop + barMaxH - u * 0.4;
      const value = k.labels[k.labels.length - 1]!;
      const vb = labelBox(value);
      const clearTop = hasValues && vb.x < right ? vb.y + vb.h + u : card.y + headPx * 2.1 + u * 1.5;
      const h = Math.min(barMaxH * 0.55, floor - clearTop, (right - left) * 1.4);
      if (h > u * 3) icon(k, named, (left + right) / 2, floor, h, right - left);
    }
    if (i < n - 1) k.keepOut.push({ x: card.x + cw, y: body.y, w: gap, h: body.h });
    if (i < n - 1 && n === 2) {
      const cx = card.x + cw + gap / 2;
      const cy = body.y + body.h * 0.45;
      pen.fillEllipse(cx, cy, u * 4, u * 4, k.accentFill);
      pen.ellipse(cx, cy, u * 4, u * 4, inks.bold);
      label(k, "VS", cx, cy, u * 3, { bold: true });
    }
  }
}

/** Where a label's text sits, estimated from its size (the same advance `fit` uses). */
export function labelBox(l: DiagramLabel): Rect {
  const w = CHAR_W * l.px * l.text.length;
  const x = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
  return { x, y: l.y - l.px * 0.62, w, h: l.px * 1.24 };
}

const overlaps = (a: Rect, b: Rect, m: number): boolean =>
  a.x < b.x + b.w + m && b.x < a.x + a.w + m && a.y < b.y + b.h + m && b.y < a.y + a.h + m;

/**
 * The description's things no label names, in the diagram's free space: the first spot (top rows
 * first, left to right, where a process starts) clear of every label, mark, curve and icon, largest size that fits first.
 * None when the chart has no room: a chart's values and words win over a picture.
 */
function extras(k: Kit, body: Rect): void {
  const { u } = k;
  for (const n of k.icons.extras) {
    const taken = [...k.labels.map(labelBox), ...k.marks.map((m) => m.rect), ...k.drawn.map((d) => d.box), ...k.keepOut];
    const aspect = n.icon.w / Math.max(1e-6, n.icon.h);
    let spot: Rect | null = null;
    for (let h = u * 12; h >= u * 7 && !spot; h -= u * 2.5) {
      const w = h * aspect;
      for (let y = body.y; y + h <= body.y + body.h && !spot; y += u * 1.5) {
        for (let x = body.x; x + w <= body.x + body.w && !spot; x += u * 1.5) {
          const r = { x, y, w, h };
          if (!taken.some((t) => overlaps(r, t, u * 1.2))) spot = r;
        }
      }
    }
    if (spot) icon(k, n, spot.x + spot.w / 2, spot.y + spot.h, spot.h);
  }
}
