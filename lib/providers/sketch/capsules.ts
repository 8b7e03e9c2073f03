import { mix } from "./inks";
import { smoothPath, type Fill, type Ink, type Pen, type Pt } from "./pen";

// Bodies (human and horse) drawn as one rough silhouette from capsules and polygons.

/** A body part: a capsule a→b of width w, or a closed polygon. */
export type Part = { a: Pt; b: Pt; w: number; fill: Fill; shade?: boolean } | { pts: Pt[]; fill: Fill; shade?: boolean; smooth?: boolean };

/**
 * Body parts as one silhouette: every part's dark outline first, then every part's fill, so
 * overlapping limbs merge into one shape with a single rough contour. Then pencil work on top:
 * hatching on the side away from the light and loose edge strokes that overshoot the joints.
 */
export function drawCapsules(pen: Pen, parts: readonly Part[], outline: Ink, hatch?: Ink): void {
  const r = pen.rng;
  for (let pass = 0; pass < 2; pass++) {
    const j = outline.jitter * (pass ? 1.6 : 0.6);
    const ink: Ink = { ...outline, opacity: pass ? 0.4 : outline.opacity };
    for (const s of parts) {
      if ("pts" in s) {
        const pts = s.pts.map((p): Pt => [p[0] + r.jitter(j), p[1] + r.jitter(j)]);
        pen.strokePath(s.smooth ? smoothPath(pts, true) : polyD(pts), { ...ink, width: outline.width * 2 * (pass ? 0.8 : 1) });
      } else {
        const a: Pt = [s.a[0] + r.jitter(j), s.a[1] + r.jitter(j)];
        const b: Pt = [s.b[0] + r.jitter(j), s.b[1] + r.jitter(j)];
        pen.strokePath(capsuleD(a, b, s.w), { ...ink, width: s.w + outline.width * 2 * (pass ? 0.8 : 1) });
      }
    }
  }
  for (const s of parts) {
    if ("pts" in s) pen.fillPath(s.smooth ? smoothPath(s.pts, true) : polyD(s.pts), s.fill);
    else pen.strokePath(capsuleD(s.a, s.b, s.w), { color: s.fill.color, width: s.w, opacity: 1, jitter: 0, passes: 1 });
  }
  if (!hatch) return;
  // Light from the upper left: hatch the right-hand side of each part.
  for (const s of parts) {
    if (s.shade === false) continue;
    const ink: Ink = { ...hatch, color: shadeInk(s.fill.color) };
    if ("pts" in s) {
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (const p of s.pts) {
        minX = Math.min(minX, p[0]);
        maxX = Math.max(maxX, p[0]);
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
      const w = maxX - minX;
      if (w < 8) continue;
      const x0 = minX + w * 0.62;
      pen.hatch(
        [
          [x0, minY + (maxY - minY) * 0.08],
          [maxX - w * 0.06, minY + (maxY - minY) * 0.08],
          [maxX - w * 0.08, maxY - (maxY - minY) * 0.06],
          [x0 - w * 0.05, maxY - (maxY - minY) * 0.06],
        ],
        62,
        Math.max(2.2, w * 0.07),
        ink,
      );
    } else {
      if (s.w < 9) continue;
      const dx = s.b[0] - s.a[0];
      const dy = s.b[1] - s.a[1];
      const len = Math.hypot(dx, dy);
      if (len < s.w * 0.8) continue;
      let nx = -dy / len;
      let ny = dx / len;
      if (nx < 0) {
        nx = -nx;
        ny = -ny;
      }
      const o0 = s.w * 0.08;
      const o1 = s.w * 0.42;
      pen.hatch(
        [
          [s.a[0] + nx * o0, s.a[1] + ny * o0],
          [s.b[0] + nx * o0, s.b[1] + ny * o0],
          [s.b[0] + nx * o1, s.b[1] + ny * o1],
          [s.a[0] + nx * o1, s.a[1] + ny * o1],
        ],
        62,
        Math.max(2.2, s.w * 0.2),
        ink,
      );
    }
  }
  // Loose construction strokes along the limbs, overshooting the joints.
  const edge: Ink = { ...outline, opacity: 0.32, passes: 1, width: Math.max(0.6, outline.width * 0.7) };
  for (const s of parts) {
    if ("pts" in s || s.w < 7) continue;
    const dx = s.b[0] - s.a[0];
    const dy = s.b[1] - s.a[1];
    const len = Math.hypot(dx, dy);
    if (len < s.w) continue;
    const ux = dx / len;
    const uy = dy / len;
    const side = r.chance(0.5) ? 1 : -1;
    const o = (s.w / 2) * side;
    const over = s.w * 0.35;
    pen.line(
      [s.a[0] - uy * o - ux * over * 0.3, s.a[1] + ux * o - uy * over * 0.3],
      [s.b[0] - uy * o + ux * over, s.b[1] + ux * o + uy * over],
      edge,
      0,
    );
  }
}

function shadeInk(fill: string): string {
  return mix(fill, "#1f1e1c", 0.55);
}

function polyD(pts: readonly Pt[]): string {
  const first = pts[0];
  if (!first) return "";
  return `M${first[0].toFixed(1)} ${first[1].toFixed(1)}` + pts.slice(1).map((p) => `L${p[0].toFixed(1)} ${p[1].toFixed(1)}`).join("") + "Z";
}

function capsuleD(a: Pt, b: Pt, w: number): string {
  // A slight bow keeps limbs from looking ruled.
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len < 0.01) return `M${a[0].toFixed(1)} ${a[1].toFixed(1)}l0.01 0`;
  const bow = Math.min(w * 0.15, len * 0.03);
  const cx = mx - (dy / len) * bow;
  const cy = my + (dx / len) * bow;
  return `M${a[0].toFixed(1)} ${a[1].toFixed(1)}Q${cx.toFixed(1)} ${cy.toFixed(1)} ${b[0].toFixed(1)} ${b[1].toFixed(1)}`;
}
