import type { Rng } from "./rng";

// The pencil: every drawing module goes through it. It batches consecutive marks of one style into
// a single <path> (rsvg rasterises a few long paths far faster than hundreds of small ones) and
// never uses the element `opacity` attribute, which makes rsvg composite an offscreen layer per
// element (10× slower on this CPU). Stroke/fill opacity are used instead.

export type Pt = readonly [number, number];
export type Rect = { x: number; y: number; w: number; h: number };

export type Ink = {
  color: string;
  width: number;
  opacity: number;
  /** Hand wobble in px. */
  jitter: number;
  /** 2 draws a second, slightly offset pass: the hand-drawn double line. */
  passes: 1 | 2;
};

export type Fill = { color: string; opacity: number };

type Mark = { key: string; open: string; d: string[] };

export const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();
const pt = (p: Pt): string => `${fmt(p[0])} ${fmt(p[1])}`;

export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
export const lerpPt = (a: Pt, b: Pt, t: number): Pt => [lerp(a[0], b[0], t), lerp(a[1], b[1], t)];
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Catmull-Rom through the points as cubic Béziers (the smooth pencil curve). */
export function smoothPath(points: readonly Pt[], closed: boolean): string {
  const n = points.length;
  const first = points[0];
  if (!first) return "";
  if (n < 3) return `M${pt(first)}` + points.slice(1).map((p) => `L${pt(p)}`).join("");
  const at = (i: number): Pt => {
    if (closed) return points[((i % n) + n) % n] as Pt;
    return points[clamp(i, 0, n - 1)] as Pt;
  };
  let d = `M${pt(first)}`;
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    const c1: Pt = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Pt = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`;
  }
  return closed ? d + "Z" : d;
}

export function polyPath(points: readonly Pt[], closed: boolean): string {
  const first = points[0];
  if (!first) return "";
  return `M${pt(first)}` + points.slice(1).map((p) => `L${pt(p)}`).join("") + (closed ? "Z" : "");
}

export function ellipsePoints(cx: number, cy: number, rx: number, ry: number, n = 14, rot = 0, start = 0): Pt[] {
  const out: Pt[] = [];
  const cr = Math.cos(rot);
  const sr = Math.sin(rot);
  for (let i = 0; i < n; i++) {
    const a = start + (i / n) * Math.PI * 2;
    const x = Math.cos(a) * rx;
    const y = Math.sin(a) * ry;
    out.push([cx + x * cr - y * sr, cy + x * sr + y * cr]);
  }
  return out;
}

/** Clip the segment a→b to a convex polygon (Cyrus–Beck); null when it misses. */
function clipToConvex(a: Pt, b: Pt, poly: readonly Pt[]): [Pt, Pt] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  // Orientation decides which side is "inside".
  let area = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Pt;
    const q = poly[(i + 1) % poly.length] as Pt;
    area += p[0] * q[1] - q[0] * p[1];
  }
  const sign = area >= 0 ? 1 : -1;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Pt;
    const q = poly[(i + 1) % poly.length] as Pt;
    // Inward normal.
    const nx = -(q[1] - p[1]) * sign;
    const ny = (q[0] - p[0]) * sign;
    const num = nx * (a[0] - p[0]) + ny * (a[1] - p[1]);
    const den = nx * dx + ny * dy;
    if (Math.abs(den) < 1e-9) {
      if (num < 0) return null;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [
    [a[0] + dx * t0, a[1] + dy * t0],
    [a[0] + dx * t1, a[1] + dy * t1],
  ];
}

export class Pen {
  /** What was drawn, by kind ("figure", "cup", "tree"…): the frame reports it as `depicts`. */
  readonly drawn: string[] = [];
  private readonly out: string[] = [];
  private current: Mark | null = null;
  private defs: string[] = [];

  constructor(
    readonly rng: Rng,
    /** Size unit: 1/100 of the panel's geometric mean side. */
    readonly u: number,
  ) {}

  /** A batched path mark; consecutive marks with the same style share one element. */
  private mark(key: string, open: string, d: string): void {
    if (!d) return;
    // Capped: rsvg/cairo tessellate a path as one polygon, and long paths of crossing strokes
    // cost superlinearly (1000 lines: 166 ms as one path, 56 ms in chunks of 10).
    if (this.current && this.current.key === key && this.current.d.length < 64) {
      this.current.d.push(d);
      return;
    }
    this.flush();
    this.current = { key, open, d: [d] };
  }

  private flush(): void {
    if (!this.current) return;
    this.out.push(`<path d="${this.current.d.join("")}" ${this.current.open}/>`);
    this.current = null;
  }

  private strokeAttrs(ink: Ink, cap = "round"): { key: string; open: string } {
    const open =
      `fill="none" stroke="${ink.color}" stroke-width="${fmt(ink.width)}"` +
      (ink.opacity < 1 ? ` stroke-opacity="${ink.opacity}"` : "") +
      ` stroke-linecap="${cap}" stroke-linejoin="round"`;
    return { key: `s${open}`, open };
  }

  private fillAttrs(fill: Fill, rule = "nonzero"): { key: string; open: string } {
    const open =
      `fill="${fill.color}"` +
      (fill.opacity < 1 ? ` fill-opacity="${fill.opacity}"` : "") +
      (rule !== "nonzero" ? ` fill-rule="${rule}"` : "");
    return { key: `f${open}`, open };
  }

  /** Any SVG element, drawn in order (breaks batching). */
  raw(svg: string): void {
    this.flush();
    this.out.push(svg);
  }

  /** Where the next element will go, for wrap(). */
  checkpoint(): number {
    this.flush();
    return this.out.length;
  }

  /** Wraps everything drawn since `from` in an element (a transform group decided afterwards). */
  wrap(from: number, open: string, close: string): void {
    this.flush();
    this.out.splice(from, 0, open);
    this.out.push(close);
  }

  def(svg: string): void {
    this.defs.push(svg);
  }

  /** A plain stroke, no wobble (for dashed framing boxes, arrows). */
  strokePath(d: string, ink: Ink, extra = ""): void {
    const a = this.strokeAttrs(ink);
    this.mark(a.key + extra, a.open + extra, d);
  }

  fillPath(d: string, fill: Fill, rule: "nonzero" | "evenodd" = "nonzero"): void {
    const a = this.fillAttrs(fill, rule);
    this.mark(a.key, a.open, d);
  }

  private wobble(points: readonly Pt[], amount: number): Pt[] {
    const r = this.rng;
    return points.map((p) => [p[0] + r.jitter(amount), p[1] + r.jitter(amount)] as Pt);
  }

  /** A pencil line with overshoot and a slight bow; two passes for the double-stroke feel. */
  line(a: Pt, b: Pt, ink: Ink, overshoot = 1): void {
    const r = this.rng;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    let d = "";
    for (let pass = 0; pass < ink.passes; pass++) {
      const j = ink.jitter * (pass === 0 ? 0.6 : 1);
      const o1 = r.range(0, ink.width * 1.6) * overshoot;
      const o2 = r.range(0, ink.width * 2.2) * overshoot;
      const p1: Pt = [a[0] - ux * o1 + r.jitter(j), a[1] - uy * o1 + r.jitter(j)];
      const p2: Pt = [b[0] + ux * o2 + r.jitter(j), b[1] + uy * o2 + r.jitter(j)];
      const bow = r.jitter(Math.min(len * 0.012, ink.jitter * 2.5));
      const c: Pt = [(p1[0] + p2[0]) / 2 - uy * bow, (p1[1] + p2[1]) / 2 + ux * bow];
      d += `M${pt(p1)}Q${pt(c)} ${pt(p2)}`;
    }
    const s = this.strokeAttrs(ink);
    this.mark(s.key, s.open, d);
  }

  /** Straight-edged pencil polyline. */
  poly(points: readonly Pt[], ink: Ink, closed = false): void {
    const n = points.length;
    const segs = closed ? n : n - 1;
    for (let i = 0; i < segs; i++) {
      this.line(points[i] as Pt, points[(i + 1) % n] as Pt, ink, 0.6);
    }
  }

  /** Smooth pencil curve through the points. */
  curve(points: readonly Pt[], ink: Ink, closed = false): void {
    let d = "";
    for (let pass = 0; pass < ink.passes; pass++) {
      const j = ink.jitter * (pass === 0 ? 0.5 : 1);
      let pts = this.wobble(points, j);
      if (closed && pass === 1 && pts.length > 2) {
        // Hand-drawn loops overshoot their start a little.
        const first = pts[0] as Pt;
        const second = pts[1] as Pt;
        pts = [...pts, first, lerpPt(first, second, 0.35)];
        d += smoothPath(pts, false);
      } else d += smoothPath(pts, closed);
    }
    const s = this.strokeAttrs(ink);
    this.mark(s.key, s.open, d);
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, ink: Ink, rot = 0): void {
    const n = Math.round(clamp((rx + ry) / 6, 8, 20));
    this.curve(ellipsePoints(cx, cy, rx, ry, n, rot, this.rng.range(0, Math.PI * 2)), ink, true);
  }

  fillPoly(points: readonly Pt[], fill: Fill): void {
    this.fillPath(polyPath(points, true), fill);
  }

  fillCurve(points: readonly Pt[], fill: Fill): void {
    this.fillPath(smoothPath(points, true), fill);
  }

  fillEllipse(cx: number, cy: number, rx: number, ry: number, fill: Fill, rot = 0): void {
    this.fillPath(smoothPath(ellipsePoints(cx, cy, rx, ry, 12, rot), true), fill);
  }

  fillRect(r: Rect, fill: Fill): void {
    this.fillPath(`M${fmt(r.x)} ${fmt(r.y)}h${fmt(r.w)}v${fmt(r.h)}h${fmt(-r.w)}Z`, fill);
  }

  /**
   * Parallel hatch lines across a convex polygon, each clipped to it and slightly wobbled —
   * shadows, night skies, dark sides of buildings.
   */
  hatch(poly: readonly Pt[], angleDeg: number, spacing: number, ink: Ink): void {
    if (poly.length < 3 || spacing <= 0) return;
    const r = this.rng;
    const a = (angleDeg * Math.PI) / 180;
    const dir: Pt = [Math.cos(a), Math.sin(a)];
    const nrm: Pt = [-dir[1], dir[0]];
    let minN = Infinity;
    let maxN = -Infinity;
    let minD = Infinity;
    let maxD = -Infinity;
    for (const p of poly) {
      const pn = p[0] * nrm[0] + p[1] * nrm[1];
      const pd = p[0] * dir[0] + p[1] * dir[1];
      minN = Math.min(minN, pn);
      maxN = Math.max(maxN, pn);
      minD = Math.min(minD, pd);
      maxD = Math.max(maxD, pd);
    }
    let d = "";
    for (let s = minN + spacing * r.range(0.2, 0.8); s < maxN; s += spacing * r.range(0.85, 1.15)) {
      const a0: Pt = [nrm[0] * s + dir[0] * (minD - 1), nrm[1] * s + dir[1] * (minD - 1)];
      const a1: Pt = [nrm[0] * s + dir[0] * (maxD + 1), nrm[1] * s + dir[1] * (maxD + 1)];
      const seg = clipToConvex(a0, a1, poly);
      if (!seg) continue;
      const [p, q] = seg;
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (len < ink.width * 2) continue;
      // Hatching by hand stops short of the edges at random.
      const t0 = r.range(0, 0.06);
      const t1 = 1 - r.range(0, 0.08);
      const pp = lerpPt(p, q, t0);
      const qq = lerpPt(p, q, t1);
      d += `M${pt([pp[0] + r.jitter(ink.jitter), pp[1] + r.jitter(ink.jitter)])}L${pt([qq[0] + r.jitter(ink.jitter), qq[1] + r.jitter(ink.jitter)])}`;
    }
    // Hatching is drawn aliased: antialiasing long diagonal strokes is rsvg's most expensive
    // operation (~4× the aliased cost), and at hatch weight and opacity the steps don't show.
    const st = this.strokeAttrs(ink, "butt");
    this.mark(st.key + "c", st.open + ` shape-rendering="crispEdges"`, d);
  }

  /** Hatch inside an ellipse (cast shadows). */
  hatchEllipse(cx: number, cy: number, rx: number, ry: number, angleDeg: number, spacing: number, ink: Ink): void {
    this.hatch(ellipsePoints(cx, cy, rx, ry, 16), angleDeg, spacing, ink);
  }

  toString(): string {
    this.flush();
    return (this.defs.length ? `<defs>${this.defs.join("")}</defs>` : "") + this.out.join("");
  }
}
