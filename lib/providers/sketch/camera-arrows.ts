import type { CameraMove } from "@/lib/planner/schema";
import type { Inks } from "./inks";
import { fmt, lerp, type Pen, type Pt, type Rect } from "./pen";

// Camera moves in the storyboard artist's notation: fat hollow arrows drawn over the panel.
// pan = curved sweep across the top; truck = straight arrow over a dolly track; tilt = curved
// vertical sweep; crane = straight vertical arrow on a boom; dolly = the end frame as a dashed box
// with corner arrows (in: converging, out: diverging); handheld = a small wavy marker.

export type ArrowDirection = "left" | "right" | "up" | "down" | null;

/** A hollow arrow whose shaft follows the points (at least 2). */
function blockArrow(pen: Pen, inks: Inks, path: readonly Pt[], shaft: number, head: number): void {
  const n = path.length;
  const last = path[n - 1];
  const prev = path[n - 2];
  if (!last || !prev) return;
  const dx = last[0] - prev[0];
  const dy = last[1] - prev[1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const headLen = head * 1.1;
  // Shaft ends where the head begins.
  const tip = last;
  const neck: Pt = [tip[0] - ux * headLen, tip[1] - uy * headLen];
  const pts = [...path.slice(0, -1), neck];
  const left: Pt[] = [];
  const right: Pt[] = [];
  for (let i = 0; i < pts.length; i++) {
    const a = pts[Math.max(0, i - 1)] as Pt;
    const b = pts[Math.min(pts.length - 1, i + 1)] as Pt;
    const tx = b[0] - a[0];
    const ty = b[1] - a[1];
    const tl = Math.hypot(tx, ty) || 1;
    const nx = -ty / tl;
    const ny = tx / tl;
    // Shafts taper a little toward the tail.
    const w = (shaft / 2) * lerp(0.7, 1, i / Math.max(1, pts.length - 1));
    const p = pts[i] as Pt;
    left.push([p[0] + nx * w, p[1] + ny * w]);
    right.push([p[0] - nx * w, p[1] - ny * w]);
  }
  const hn: Pt = [-uy, ux];
  const outline: Pt[] = [
    ...left,
    [neck[0] + hn[0] * head, neck[1] + hn[1] * head],
    tip,
    [neck[0] - hn[0] * head, neck[1] - hn[1] * head],
    ...right.reverse(),
  ];
  const shadowOff = Math.max(1.5, shaft * 0.18);
  pen.fillPoly(
    outline.map((p): Pt => [p[0] + shadowOff, p[1] + shadowOff]),
    { color: "#2b2a28", opacity: 0.35 },
  );
  pen.fillPoly(outline, { color: "#fbf8f1", opacity: 0.93 });
  pen.poly(outline, inks.arrow, true);
}

function arc(a: Pt, b: Pt, bow: number, steps = 10): Pt[] {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  const c: Pt = [mx - (dy / len) * bow, my + (dx / len) * bow];
  const out: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
  }
  return out;
}

export function drawCameraMove(
  pen: Pen,
  inks: Inks,
  panel: Rect,
  move: CameraMove,
  direction: ArrowDirection,
  /** Centre of the subject, for the dolly end frame. */
  focus: Pt,
): void {
  const { x, y, w, h } = panel;
  const m = Math.min(w, h);
  const shaft = m * 0.045;
  const head = m * 0.055;
  const r = pen.rng;
  switch (move) {
    case "static":
      return;
    case "pan":
    case "truck": {
      const toLeft = direction === "left" || (direction !== "right" && r.chance(0.4));
      // Pans sweep across the top, unless that is where the subject's head is.
      const headHigh = focus[1] < y + h * 0.4;
      const yy = move === "pan" ? (headHigh ? y + h * 0.9 : y + h * 0.14) : y + h * 0.88;
      const x0 = x + w * 0.25;
      const x1 = x + w * 0.75;
      const from: Pt = [toLeft ? x1 : x0, yy];
      const to: Pt = [toLeft ? x0 : x1, yy];
      if (move === "pan") {
        blockArrow(pen, inks, arc(from, to, (toLeft ? 1 : -1) * -h * 0.06), shaft, head);
      } else {
        // Dolly track under a straight arrow.
        const ty = yy + shaft * 1.1;
        pen.line([x0 - shaft, ty], [x1 + shaft, ty], inks.arrow, 0);
        pen.line([x0 - shaft, ty + shaft * 0.5], [x1 + shaft, ty + shaft * 0.5], inks.arrow, 0);
        for (let i = 0; i <= 10; i++) {
          const tx = lerp(x0 - shaft, x1 + shaft, i / 10);
          pen.line([tx, ty - shaft * 0.15], [tx, ty + shaft * 0.65], { ...inks.arrow, width: inks.arrow.width * 0.7 }, 0);
        }
        blockArrow(pen, inks, [from, to], shaft, head);
      }
      return;
    }
    case "tilt":
    case "crane": {
      const down = direction === "down";
      const onRight = focus[0] > x + w * 0.72;
      const xx = onRight ? x + Math.max(w * 0.08, m * 0.09) : x + w - Math.max(w * 0.08, m * 0.09);
      const y0 = y + h * 0.22;
      const y1 = y + h * 0.78;
      const from: Pt = [xx, down ? y0 : y1];
      const to: Pt = [xx, down ? y1 : y0];
      if (move === "tilt") {
        blockArrow(pen, inks, arc(from, to, (down ? -1 : 1) * w * 0.035), shaft, head);
      } else {
        // A boom: a base with a pivot the arrow rises from.
        const by = down ? y0 - shaft * 1.4 : y1 + shaft * 1.4;
        pen.line([xx - shaft * 1.2, by], [xx + shaft * 1.2, by], { ...inks.arrow, width: inks.arrow.width * 2 }, 0);
        pen.ellipse(xx, by, shaft * 0.35, shaft * 0.35, inks.arrow);
        blockArrow(pen, inks, [from, to], shaft, head);
      }
      return;
    }
    case "dolly-in":
    case "dolly-out": {
      // The end frame (dolly-in) or the start frame (dolly-out), at 55 % of the panel.
      const k = 0.55;
      const bw = w * k;
      const bh = h * k;
      const cx = Math.min(Math.max(focus[0], x + bw / 2 + w * 0.04), x + w - bw / 2 - w * 0.04);
      const cy = Math.min(Math.max(focus[1], y + bh / 2 + h * 0.04), y + h - bh / 2 - h * 0.04);
      const bx0 = cx - bw / 2;
      const by0 = cy - bh / 2;
      const dash = `${fmt(m * 0.03)} ${fmt(m * 0.018)}`;
      pen.strokePath(
        `M${fmt(bx0)} ${fmt(by0)}h${fmt(bw)}v${fmt(bh)}h${fmt(-bw)}Z`,
        { ...inks.arrow, width: inks.arrow.width * 1.2 },
        ` stroke-dasharray="${dash}"`,
      );
      const corners: [Pt, Pt][] = [
        [
          [x, y],
          [bx0, by0],
        ],
        [
          [x + w, y],
          [bx0 + bw, by0],
        ],
        [
          [x + w, y + h],
          [bx0 + bw, by0 + bh],
        ],
        [
          [x, y + h],
          [bx0, by0 + bh],
        ],
      ];
      for (const [outer, inner] of corners) {
        // Short arrows near the box corners: they say "move", without crossing the subject.
        const len = Math.hypot(inner[0] - outer[0], inner[1] - outer[1]) || 1;
        const reach = Math.min(0.7, (m * 0.16) / len);
        const a: Pt = [lerp(inner[0], outer[0], reach + 0.06), lerp(inner[1], outer[1], reach + 0.06)];
        const b: Pt = [lerp(inner[0], outer[0], 0.06), lerp(inner[1], outer[1], 0.06)];
        if (move === "dolly-in") blockArrow(pen, inks, [a, b], shaft * 0.7, head * 0.75);
        else blockArrow(pen, inks, [b, a], shaft * 0.7, head * 0.75);
      }
      return;
    }
    case "handheld": {
      // Small wavy marker in the top-right corner.
      const s = m * 0.1;
      const bx = x + w - s * 1.5;
      const by = y + s * 0.75;
      let d = `M${fmt(bx - s)} ${fmt(by)}`;
      for (let i = 1; i <= 16; i++) {
        const t = i / 16;
        d += `L${fmt(bx - s + 2 * s * t)} ${fmt(by + Math.sin(t * Math.PI * 4) * s * 0.22)}`;
      }
      const box = `M${fmt(bx - s * 1.25)} ${fmt(by - s * 0.5)}h${fmt(s * 2.5)}v${fmt(s)}h${fmt(-s * 2.5)}Z`;
      pen.fillPath(box, { color: "#fbf8f1", opacity: 0.9 });
      pen.strokePath(box, { ...inks.arrow, width: inks.arrow.width * 0.8 });
      pen.strokePath(d, { ...inks.arrow, width: inks.arrow.width * 1.4 });
      return;
    }
  }
}
