import type { Inks } from "./inks";
import { lerp, lerpPt, type Fill, type Ink, type Pen, type Pt, type Rect } from "./pen";
import type { TreeShape } from "./props-large";
import type { SceneWords, TimeOfDay } from "./words";

// The stage every setting is drawn on: eye level, vanishing point and the scale of a person at
// each ground line, plus the sky, ground and guide lines the settings share.

export type Stage = {
  panel: Rect;
  u: number;
  /** Eye level, px. */
  horizon: number;
  /** Vanishing point x, px. */
  vp: number;
  /** A ground line (px) and the height of a standing adult there: the scale of the world. */
  refY: number;
  refH: number;
  time: TimeOfDay;
  words: SceneWords;
  /** Wide shots draw perspective guides and more detail. */
  wide: boolean;
  /** Where the subject stands (x range, px); big background items keep out of it. */
  keepClear: [number, number];
};

/** Adult height at ground line y (0 at the horizon). */
export function heightAt(s: Stage, y: number): number {
  const span = s.refY - s.horizon;
  return span <= 0 ? s.refH : (s.refH * (y - s.horizon)) / span;
}

/** Ground y where an adult would be h px tall. */
export function groundFor(s: Stage, h: number): number {
  return s.horizon + ((s.refY - s.horizon) * h) / s.refH;
}

export const bottom = (s: Stage): number => s.panel.y + s.panel.h;

export const right = (s: Stage): number => s.panel.x + s.panel.w;

export const NIGHT_SKY: Fill = { color: "#5e5c5a", opacity: 1 };

export const NIGHT_GROUND: Fill = { color: "#8a8782", opacity: 1 };

export const PALE: Fill = { color: "#fbf8f1", opacity: 1 };

export function skyRect(s: Stage, to = s.horizon): Pt[] {
  const { x, y, w } = s.panel;
  return [
    [x, y],
    [x + w, y],
    [x + w, to],
    [x, to],
  ];
}

export function groundRect(s: Stage, from = s.horizon): Pt[] {
  const { x, w } = s.panel;
  return [
    [x, from],
    [x + w, from],
    [x + w, bottom(s)],
    [x, bottom(s)],
  ];
}

/** Sky tone, sun or moon, clouds or stars. Returns the x of the sun/moon (for reflections). */
export function drawSky(pen: Pen, inks: Inks, s: Stage, opts: { clouds?: boolean; to?: number } = {}): number {
  const r = pen.rng;
  const to = opts.to ?? s.horizon;
  const sky = skyRect(s, to);
  const { x, y, w } = s.panel;
  const skyH = to - y;
  if (skyH <= 2) return x + w * 0.7;
  const [c0, c1] = s.keepClear;
  const leftRoom = c0 - x;
  const rightRoom = right(s) - c1;
  const side = rightRoom >= leftRoom ? 1 : -1;
  const bx = side > 0 ? lerp(c1, right(s), r.range(0.4, 0.7)) : lerp(x, c0, r.range(0.3, 0.6));
  if (s.time === "night") {
    pen.fillPoly(sky, NIGHT_SKY);
    // Hatched darker toward the zenith (and only there: long hatch strokes are the costliest marks).
    const zenith = y + skyH * 0.6;
    pen.hatch(
      [
        [x, y],
        [x + w, y],
        [x + w, zenith],
        [x, zenith + skyH * 0.15],
      ],
      -62,
      s.u * 1.0,
      { ...inks.hatch, color: "#3a3937", opacity: 0.55 },
    );
    // Stars.
    let d = "";
    for (let i = 0; i < 40; i++) {
      const sx = x + r.next() * w;
      const sy = y + r.next() * skyH * 0.85;
      const k = s.u * r.range(0.12, 0.32);
      d += `M${(sx - k).toFixed(1)} ${sy.toFixed(1)}h${(2 * k).toFixed(1)}M${sx.toFixed(1)} ${(sy - k).toFixed(1)}v${(2 * k).toFixed(1)}`;
    }
    pen.strokePath(d, { ...inks.faint, color: "#f4f0e6", opacity: 0.85, width: Math.max(0.8, s.u * 0.12) });
    const mr = s.u * 3.2;
    const my = y + Math.min(skyH * 0.35, s.u * 10);
    pen.fillEllipse(bx, my, mr * 1.9, mr * 1.9, { color: "#fbf8f1", opacity: 0.12 });
    pen.fillEllipse(bx, my, mr, mr, PALE);
    pen.fillEllipse(bx + mr * 0.45, my - mr * 0.2, mr * 0.85, mr * 0.85, NIGHT_SKY);
    pen.ellipse(bx, my, mr, mr, { ...inks.light, color: "#e8e4da" });
    return bx;
  }
  if (s.time === "sunset") {
    // Tone darkening upward, glow at the horizon, long cloud streaks.
    for (let i = 0; i < 4; i++) {
      const yy = lerp(y, to, i / 4);
      pen.fillRect({ x, y, w, h: Math.max(0, to - yy - skyH * 0.15) }, { color: "#b8b3aa", opacity: 0.14 });
    }
    const sr = s.u * 5;
    pen.fillEllipse(bx, to, sr * 2.6, sr * 2.6, { color: "#fbf8f1", opacity: 0.6 });
    pen.fillEllipse(bx, to, sr, sr, PALE);
    pen.curve(
      Array.from({ length: 9 }, (_, i): Pt => {
        const a = Math.PI + (i / 8) * Math.PI;
        return [bx + Math.cos(a) * sr, to + Math.sin(a) * sr];
      }),
      inks.light,
    );
    for (let i = 0; i < 5; i++) {
      const yy = lerp(y + skyH * 0.2, to - skyH * 0.12, i / 5) + r.jitter(s.u);
      const x0 = bx + r.range(-w * 0.45, -w * 0.1);
      const x1 = x0 + r.range(w * 0.2, w * 0.5);
      pen.line([x0, yy], [x1, yy + r.jitter(s.u * 0.4)], { ...inks.faint, opacity: 0.7 });
      pen.line([x0 + s.u * 3, yy + s.u * 0.7], [x1 - s.u * 4, yy + s.u * 0.8], inks.faint);
    }
    // Sun rays.
    for (let i = 0; i < 7; i++) {
      const a = Math.PI * (1.1 + i * 0.13);
      pen.line([bx + Math.cos(a) * sr * 1.35, to + Math.sin(a) * sr * 1.35], [bx + Math.cos(a) * sr * 2.1, to + Math.sin(a) * sr * 2.1], inks.faint);
    }
    return bx;
  }
  if (s.words.rain) {
    // Storm: a low, heavy sky.
    pen.fillPoly(sky, { color: "#a9a59d", opacity: 1 });
    pen.hatch(sky, -70, s.u * 1.1, inks.hatch);
    for (let i = 0; i < 4; i++) {
      cloud(pen, inks, x + w * (0.1 + i * 0.27) + r.jitter(w * 0.05), y + skyH * r.range(0.2, 0.55), s.u * r.range(10, 16));
    }
    return bx;
  }
  // Day: small sun, a few scribbled clouds.
  const sr = s.u * 2.6;
  const sy = y + Math.min(skyH * 0.3, s.u * 9);
  if (skyH > s.u * 12) {
    pen.ellipse(bx, sy, sr, sr, inks.light);
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2 + 0.2;
      pen.line([bx + Math.cos(a) * sr * 1.5, sy + Math.sin(a) * sr * 1.5], [bx + Math.cos(a) * sr * 2.2, sy + Math.sin(a) * sr * 2.2], inks.faint, 0);
    }
  }
  if (opts.clouds !== false && skyH > s.u * 10) {
    const n = r.int(2, 3);
    for (let i = 0; i < n; i++) {
      const cx = x + w * ((i + 0.5) / n) + r.jitter(w * 0.12);
      const cy = y + skyH * r.range(0.15, 0.5);
      if (Math.abs(cx - bx) < s.u * 12 && Math.abs(cy - sy) < s.u * 8) continue;
      cloud(pen, inks, cx, cy, s.u * r.range(7, 12));
    }
  }
  return bx;
}

export function cloud(pen: Pen, inks: Inks, cx: number, cy: number, size: number): void {
  const pts: Pt[] = [
    [cx - size, cy],
    [cx - size * 0.7, cy - size * 0.3],
    [cx - size * 0.3, cy - size * 0.42],
    [cx + size * 0.1, cy - size * 0.55],
    [cx + size * 0.5, cy - size * 0.38],
    [cx + size * 0.85, cy - size * 0.2],
    [cx + size, cy],
  ];
  pen.fillCurve([...pts, [cx, cy + size * 0.05]], { color: "#fbf8f1", opacity: 0.9 });
  pen.curve(pts, inks.faint);
  pen.line([cx - size * 1.05, cy], [cx + size * 1.05, cy], inks.faint);
}

export function horizonLine(pen: Pen, inks: Inks, s: Stage): void {
  pen.line([s.panel.x, s.horizon], [right(s), s.horizon], inks.faint, 0);
}

/** The storyboard artist's perspective guides radiating from the vanishing point. */
export function perspectiveGuides(pen: Pen, inks: Inks, s: Stage, n: number, ink?: Ink): void {
  if (!s.wide) return;
  const g: Ink = ink ?? { ...inks.faint, opacity: 0.35 };
  const b = bottom(s);
  const spread = s.panel.w * 1.6;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const ex = s.vp - spread / 2 + spread * t;
    // Start a little below the horizon so guides don't clot at the vanishing point.
    const start = lerpPt([s.vp, s.horizon], [ex, b], 0.08);
    pen.line(start, [ex, b], g, 0);
  }
}

export function groundTone(s: Stage, day: Fill): Fill {
  return s.time === "night" ? NIGHT_GROUND : day;
}

export function grassTufts(pen: Pen, inks: Inks, s: Stage, count: number): void {
  const r = pen.rng;
  let d = "";
  for (let i = 0; i < count; i++) {
    const t = Math.pow(r.next(), 0.7);
    const y = lerp(s.horizon + s.u, bottom(s), t);
    const x = s.panel.x + r.next() * s.panel.w;
    const h = Math.max(s.u * 0.3, heightAt(s, y) * 0.05);
    for (let k = -1; k <= 1; k++) {
      d += `M${(x + k * h * 0.25).toFixed(1)} ${y.toFixed(1)}l${(k * h * 0.35 + r.jitter(h * 0.15)).toFixed(1)} ${(-h * (k === 0 ? 1 : 0.7)).toFixed(1)}`;
    }
  }
  pen.strokePath(d, { ...inks.light, passes: 1 });
}

export function treeShapeFor(s: Stage): TreeShape {
  if (s.words.setting === "sea") return "palm";
  if (s.words.setting === "mountains" || s.words.setting === "forest") return "pine";
  return "round";
}
