import { hachureLines } from "hachure-fill";
import { pointsOnPath } from "points-on-path";
import rough from "roughjs";
import type { Inks } from "../inks";
import type { Fill, Ink, Pen } from "../pen";
import type { IconShape } from "./icon-index";

// Draws an icon silhouette as a pencil drawing: a light marker tone under the shape, roughjs
// strokes along its outline (double pass, slight bow) and roughjs hachure for the shadow side.
// roughjs' generator needs no DOM: it turns a path into rough path data we hand to the Pen.

const generator = rough.generator();


export type IconPlacement = {
  /** Centre x and baseline y of the drawn shape, px. */
  cx: number;
  bottom: number;
  /** Height of the drawn shape, px (its width follows the icon's aspect). */
  height: number;
  /** Mirror left-right (face the other way). */
  flip?: boolean;
  /** Marker tone under the silhouette. */
  tone?: Fill;
  /** Heavier outline for the hero of a shot. */
  hero?: boolean;
  /** Hatch share 0..1: 0 none; the default shades lightly. */
  hatch?: number;
  /** Far away: lighter ink, single pass, no hatching. */
  far?: boolean;
  seed: number;
};

export type IconBox = { x: number; y: number; w: number; h: number };

/** Moves and scales a fitted icon path (absolute M/L/C/Z only) into frame pixels. */
export function placePath(icon: IconShape, p: Pick<IconPlacement, "cx" | "bottom" | "height" | "flip">): { d: string; box: IconBox } {
  const k = p.height / icon.h;
  const w = icon.w * k;
  const x0 = p.cx - w / 2;
  const y0 = p.bottom - p.height;
  let i = 0;
  const d = icon.d.replace(/-?\d*\.?\d+/g, (num) => {
    const v = Number(num);
    const out = i % 2 === 0 ? (p.flip ? x0 + (icon.w - v) * k : x0 + v * k) : y0 + v * k;
    i++;
    return (Math.round(out * 10) / 10).toString();
  });
  return { d, box: { x: x0, y: y0, w, h: p.height } };
}

export function drawIcon(pen: Pen, inks: Inks, icon: IconShape, p: IconPlacement): IconBox {
  const { d, box } = placePath(icon, p);
  const u = pen.u;
  const scale = Math.max(box.w, box.h);
  pen.fillPath(d, p.tone ?? inks.tone.t1);
  const ink: Ink = p.far ? inks.light : p.hero ? inks.bold : inks.main;
  const roughness = p.far ? 0.5 : 0.9;
  if (p.far || scale < u * 14) {
    // Small or far: at this size a wobble reads as noise; the plain outline costs a tenth.
    pen.strokePath(d, { ...ink, width: ink.width * 0.85 });
    return box;
  }
  const outline = generator.path(d, {
    seed: (p.seed % 2147483646) + 1,
    roughness,
    bowing: 0.6,
    stroke: ink.color,
    strokeWidth: ink.width,
    // Small shapes keep their detail; big ones simplify (fewer, longer pencil strokes, and cheaper).
    simplification: scale > u * 40 ? 0.4 : 0,
    // The double pencil pass only where it reads (heroes, big shapes): it doubles rsvg's work.
    disableMultiStroke: !p.hero && scale < u * 30,
    maxRandomnessOffset: Math.max(0.6, Math.min(2.2, scale / 90)),
  });
  for (const path of generator.toPaths(outline)) pen.strokePath(path.d, ink);
  const share = p.far ? 0 : (p.hatch ?? 0.5);
  if (share > 0 && scale > u * 6) {
    // Our own hatch over the flattened outline: roughjs' hachure (each line a rough curve) cost
    // 15-70 ms an icon, an SVG pattern fill 40 ms of rsvg time; straight lines cost about 1 ms.
    // hachure-fill steps one unit per scanline and keeps every gap-th: the gap must be whole.
    const gap = Math.round(Math.max(u * 0.75, scale / (22 * share + 8)));
    const polys = pointsOnPath(d, Math.max(0.8, scale / 200), Math.max(0.5, scale / 400));
    const lines = hachureLines(polys, gap, 41);
    const r = pen.rng;
    let hd = "";
    for (const [a, b] of lines) {
      // Only the lower-right (shadow) part of the shape, as a pencil shades it.
      const mx = (a[0] + b[0]) / 2 - box.x;
      const my = (a[1] + b[1]) / 2 - box.y;
      if ((p.flip ? box.w - mx : mx) / box.w + my / box.h < 1.5 - share) continue;
      hd += `M${(a[0] + r.jitter(u * 0.15)).toFixed(1)} ${a[1].toFixed(1)}L${(b[0] + r.jitter(u * 0.15)).toFixed(1)} ${b[1].toFixed(1)}`;
    }
    pen.strokePath(hd, { ...inks.hatch, opacity: 0.5 });
  }
  return box;
}
