import type { Inks } from "./inks";
import { lerp, type Fill, type Pt } from "./pen";
import { drawTree } from "./props-large";
import {
  bottom,
  drawSky,
  grassTufts,
  groundRect,
  groundTone,
  heightAt,
  horizonLine,
  NIGHT_GROUND,
  PALE,
  perspectiveGuides,
  right,
  type Stage,
} from "./stage";
import type { Pen } from "./pen";

// Open-air settings: desert and steppe, mountains, forest, sea, road, space.

export function desert(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  drawSky(pen, inks, s, { clouds: false });
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#ebe5d6", opacity: 1 }));
  horizonLine(pen, inks, s);
  // Dune ridges: each a soft crest with its shadow side hatched.
  const rows = 4;
  for (let i = 0; i < rows; i++) {
    const t = (i + 1) / (rows + 1);
    const base = lerp(s.horizon, bottom(s), t * t * 1.1);
    const amp = heightAt(s, base) * 0.45 + s.u * 1.5;
    const x0 = s.panel.x - s.panel.w * 0.1 + r.next() * s.panel.w * 0.4;
    const x1 = x0 + s.panel.w * r.range(0.5, 0.9);
    const crest: Pt = [lerp(x0, x1, r.range(0.35, 0.6)), base - amp];
    const pts: Pt[] = [[x0, base], [lerp(x0, crest[0], 0.6), base - amp * 0.75], crest, [lerp(crest[0], x1, 0.5), base - amp * 0.55], [x1, base]];
    pen.fillCurve([...pts, [x1, base + amp * 0.2], [x0, base + amp * 0.2]], groundTone(s, { color: "#e4ddcb", opacity: 1 }));
    // The lee side in shadow, bounded by the sharp crest line.
    pen.fillCurve([crest, [lerp(crest[0], x1, 0.5), base - amp * 0.55], [x1, base], [crest[0] + amp * 0.3, base], [crest[0] + amp * 0.15, base - amp * 0.5]], { color: "#cdc6b3", opacity: s.time === "night" ? 0.4 : 0.8 });
    pen.curve(pts, inks.light);
    // The sharp crest line that makes a dune a dune.
    pen.curve([crest, [crest[0] + amp * 0.15, base - amp * 0.5], [crest[0] + amp * 0.3, base]], inks.light);
  }
  perspectiveGuides(pen, inks, s, 6);
}

export function steppe(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  drawSky(pen, inks, s);
  // Far hills on the horizon.
  const hills: Pt[] = [[s.panel.x, s.horizon]];
  const n = 7;
  for (let i = 0; i <= n; i++) {
    hills.push([s.panel.x + (s.panel.w * i) / n, s.horizon - s.u * r.range(0.5, 3.5)]);
  }
  hills.push([right(s), s.horizon]);
  pen.fillCurve(hills, groundTone(s, { color: "#dad5c9", opacity: 1 }));
  pen.curve(hills.slice(1, -1), inks.light);
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#e9e4d6", opacity: 1 }));
  horizonLine(pen, inks, s);
  // A yurt or a lone tree on the horizon gives the scale.
  const fx = s.keepClear[0] - s.panel.x > right(s) - s.keepClear[1] ? lerp(s.panel.x, s.keepClear[0], 0.4) : lerp(s.keepClear[1], right(s), 0.6);
  const fh = Math.max(s.u * 1.5, heightAt(s, s.horizon + s.u * 2) * 1.4);
  if (s.wide && !s.words.steppe) {
    drawTree(pen, inks, fx, s.horizon + s.u * 2, fh * 2.2, "round", inks.light);
  } else if (s.wide) {
    const yurt: Pt[] = [
      [fx - fh, s.horizon + s.u * 2],
      [fx - fh, s.horizon + s.u * 2 - fh * 0.6],
      [fx, s.horizon + s.u * 2 - fh * 1.05],
      [fx + fh, s.horizon + s.u * 2 - fh * 0.6],
      [fx + fh, s.horizon + s.u * 2],
    ];
    pen.fillPoly(yurt, PALE);
    pen.poly(yurt, inks.light, true);
    pen.fillRect({ x: fx - fh * 0.2, y: s.horizon + s.u * 2 - fh * 0.5, w: fh * 0.4, h: fh * 0.5 }, inks.tone.t3);
  }
  // Rolling swells with shading.
  for (let i = 0; i < 3; i++) {
    const base = lerp(s.horizon, bottom(s), 0.2 + i * 0.28);
    const amp = heightAt(s, base) * 0.08 + s.u * 0.3;
    const pts: Pt[] = [];
    for (let k = 0; k <= 6; k++) pts.push([s.panel.x - s.u * 5 + ((s.panel.w + s.u * 10) * k) / 6, base - Math.sin(k * 1.3 + i) * amp]);
    pen.curve(pts, inks.faint);
  }
  grassTufts(pen, inks, s, s.wide ? 70 : 40);
  perspectiveGuides(pen, inks, s, 6);
}

export function mountains(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  drawSky(pen, inks, s);
  const ranges = 3;
  const H = s.horizon - s.panel.y;
  for (let k = 0; k < ranges; k++) {
    const far = ranges - 1 - k; // 2 = farthest
    const peakMax = H * (0.75 - k * 0.17);
    const n = 4 + far;
    const pts: Pt[] = [[s.panel.x - s.u * 4, s.horizon + s.u * k * 1.5]];
    const peaks: Pt[] = [];
    for (let i = 0; i <= n; i++) {
      const px = s.panel.x - s.u * 4 + ((s.panel.w + s.u * 8) * (i + r.range(0.2, 0.8))) / (n + 1);
      const py = s.horizon - peakMax * r.range(0.45, 1);
      pts.push([px, py]);
      peaks.push([px, py]);
      pts.push([px + (s.panel.w / (n + 1)) * 0.5, s.horizon - peakMax * r.range(0.15, 0.4)]);
    }
    pts.push([right(s) + s.u * 4, s.horizon + s.u * k * 1.5]);
    const tone: Fill = s.time === "night" ? { color: ["#7a7874", "#6c6a66", "#5f5d5a"][k] ?? "#6c6a66", opacity: 1 } : { color: ["#e2ddd1", "#d3cec3", "#c3beb3"][k] ?? "#d3cec3", opacity: 1 };
    pen.fillPoly(pts, tone);
    // Snow caps and the shadow face of every peak.
    for (const p of peaks) {
      const hgt = s.horizon - p[1];
      const cap: Pt[] = [p, [p[0] + hgt * 0.22, p[1] + hgt * 0.25], [p[0] + hgt * 0.05, p[1] + hgt * 0.19], [p[0] - hgt * 0.1, p[1] + hgt * 0.27], [p[0] - hgt * 0.24, p[1] + hgt * 0.24]];
      if (far > 0 || k === 0) pen.fillPoly(cap, PALE);
      pen.hatch([p, [p[0] + hgt * 0.9, s.horizon], [p[0] + hgt * 0.15, s.horizon]], 60 + k * 8, s.u * (0.9 - k * 0.15), inks.hatch);
    }
    pen.poly(pts.slice(1, -1), far === 2 ? inks.faint : inks.light);
  }
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#e6e1d4", opacity: 1 }));
  horizonLine(pen, inks, s);
  // A path winding to the vanishing point.
  const b = bottom(s);
  pen.curve([[s.vp - s.u, s.horizon + s.u], [s.vp - s.panel.w * 0.05, lerp(s.horizon, b, 0.4)], [s.vp + s.panel.w * 0.05, lerp(s.horizon, b, 0.7)], [s.vp - s.panel.w * 0.08, b]], inks.faint);
  grassTufts(pen, inks, s, 30);
  // Pines in the valley.
  for (let i = 0; i < (s.wide ? 6 : 3); i++) {
    const y = lerp(s.horizon + s.u, bottom(s), r.range(0.05, 0.35));
    const x = s.panel.x + r.next() * s.panel.w;
    if (x > s.keepClear[0] && x < s.keepClear[1]) continue;
    drawTree(pen, inks, x, y, heightAt(s, y) * 3, "pine", inks.light);
  }
}

export function forest(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  drawSky(pen, inks, s, { clouds: false });
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#e3ded1", opacity: 1 }));
  horizonLine(pen, inks, s);
  // Far tree line.
  const line: Pt[] = [[s.panel.x, s.horizon]];
  for (let i = 0; i <= 24; i++) line.push([s.panel.x + (s.panel.w * i) / 24, s.horizon - s.u * (i % 2 ? 5 : 3) - r.next() * s.u * 2]);
  line.push([right(s), s.horizon]);
  pen.fillPoly(line, s.time === "night" ? NIGHT_GROUND : { color: "#cfcabf", opacity: 1 });
  pen.poly(line.slice(1, -1), inks.faint);
  // Trunks from back to front, larger as they come closer; canopy masses at the top.
  const rows = s.wide ? 4 : 3;
  for (let row = 0; row < rows; row++) {
    const t = (row + 1) / (rows + 0.5);
    const y = lerp(s.horizon, Math.max(s.refY, s.horizon + 1), t * 0.85);
    const h = heightAt(s, y);
    const count = Math.round(lerp(10, 4, row / Math.max(1, rows - 1)));
    for (let i = 0; i < count; i++) {
      const x = s.panel.x + ((i + r.range(0.1, 0.9)) / count) * s.panel.w;
      if (row === rows - 1 && x > s.keepClear[0] && x < s.keepClear[1]) continue;
      const tw = Math.max(s.u * 0.4, h * 0.12);
      const trunk: Pt[] = [
        [x - tw * 0.7, y + r.jitter(h * 0.03)],
        [x - tw * 0.45, s.panel.y - s.u],
        [x + tw * 0.45, s.panel.y - s.u],
        [x + tw * 0.7, y],
      ];
      pen.fillPoly(trunk, row === rows - 1 ? inks.tone.t1 : { color: "#d0cbc0", opacity: 1 });
      pen.hatch([trunk[2] as Pt, trunk[3] as Pt, [x + tw * 0.1, y], [x + tw * 0.05, s.panel.y]], 80, Math.max(2, tw * 0.3), inks.hatch);
      pen.poly(trunk, row === rows - 1 ? inks.light : inks.faint);
      // Roots.
      pen.line([x - tw * 0.7, y], [x - tw * 1.5, y + h * 0.02], inks.faint);
    }
  }
  // Canopy.
  const cy = s.panel.y + s.panel.h * 0.08;
  const blobs: Pt[] = [];
  for (let i = 0; i <= 12; i++) blobs.push([s.panel.x - s.u * 5 + ((s.panel.w + s.u * 10) * i) / 12, cy + (i % 2 ? s.u * 4 : -s.u * 1) + r.jitter(s.u * 2)]);
  const canopy: Pt[] = [[s.panel.x - s.u * 5, s.panel.y - s.u * 5], ...blobs, [right(s) + s.u * 5, s.panel.y - s.u * 5]];
  pen.fillCurve(canopy, s.time === "night" ? inks.tone.t4 : { color: "#b9b4aa", opacity: 1 });
  pen.hatch(
    [
      [s.panel.x, s.panel.y],
      [right(s), s.panel.y],
      [right(s), cy],
      [s.panel.x, cy],
    ],
    -40,
    s.u * 0.8,
    inks.hatch,
  );
  pen.curve(blobs, inks.light);
  // Light shafts in daytime.
  if (s.time !== "night") {
    for (let i = 0; i < 3; i++) {
      const x = s.panel.x + s.panel.w * (0.2 + i * 0.3) + r.jitter(s.u * 4);
      pen.fillPoly(
        [
          [x, cy],
          [x + s.u * 4, cy],
          [x + s.u * 14, bottom(s)],
          [x + s.u * 6, bottom(s)],
        ],
        { color: "#fbf8f1", opacity: 0.25 },
      );
    }
  }
  grassTufts(pen, inks, s, 40);
}

export function sea(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  const bx = drawSky(pen, inks, s);
  const b = bottom(s);
  const shoreY = lerp(s.horizon, b, s.wide ? 0.62 : 0.78);
  // Water.
  pen.fillPoly(groundRect(s), s.time === "night" ? { color: "#6f6d6a", opacity: 1 } : { color: "#e0ddd4", opacity: 1 });
  pen.line([s.panel.x, s.horizon], [right(s), s.horizon], inks.light, 0);
  // Waves: short arcs, bigger and sparser as they come closer.
  let d = "";
  for (let i = 0; i < 90; i++) {
    const t = Math.pow(r.next(), 1.6);
    const y = lerp(s.horizon + s.u * 0.6, shoreY, t);
    const x = s.panel.x + r.next() * s.panel.w;
    const w = s.u * 0.6 + (y - s.horizon) * 0.12;
    d += `M${(x - w).toFixed(1)} ${y.toFixed(1)}q${w.toFixed(1)} ${(-w * 0.25).toFixed(1)} ${(2 * w).toFixed(1)} 0`;
  }
  pen.strokePath(d, { ...inks.light, passes: 1, opacity: 0.6 });
  // Sun/moon glitter on the water.
  if (s.time !== "day") {
    for (let i = 0; i < 12; i++) {
      const y = lerp(s.horizon + s.u, shoreY, i / 12);
      const w = s.u * (1 + i * 0.6) * r.range(0.6, 1.2);
      pen.line([bx - w, y], [bx + w, y], { ...inks.light, color: "#fbf8f1", opacity: 0.9 }, 0);
    }
  }
  // A sail on the horizon.
  if (s.wide) {
    const sx = lerp(s.panel.x, right(s), r.pick([0.15, 0.8] as const));
    const sh = s.u * 5;
    pen.fillPoly([[sx, s.horizon - s.u * 0.5], [sx, s.horizon - sh], [sx + sh * 0.5, s.horizon - s.u * 0.5]], PALE);
    pen.poly([[sx, s.horizon - s.u * 0.5], [sx, s.horizon - sh], [sx + sh * 0.5, s.horizon - s.u * 0.5]], inks.light, true);
    pen.line([sx - sh * 0.3, s.horizon - s.u * 0.3], [sx + sh * 0.6, s.horizon - s.u * 0.3], inks.light);
  }
  // Beach: foam line and sand.
  const shore: Pt[] = [];
  for (let i = 0; i <= 8; i++) shore.push([s.panel.x - s.u * 4 + ((s.panel.w + s.u * 8) * i) / 8, shoreY + Math.sin(i * 1.1) * s.u * 1.6]);
  pen.fillPoly([...shore, [right(s) + s.u * 4, b + 2], [s.panel.x - s.u * 4, b + 2]], groundTone(s, { color: "#efeadd", opacity: 1 }));
  pen.curve(shore, inks.light);
  pen.curve(
    shore.map((p): Pt => [p[0], p[1] - s.u * 1.2]),
    inks.faint,
  );
  let dots = "";
  for (let i = 0; i < 60; i++) {
    const x = s.panel.x + r.next() * s.panel.w;
    const y = lerp(shoreY + s.u * 2, b, r.next());
    dots += `M${x.toFixed(1)} ${y.toFixed(1)}h0.8`;
  }
  pen.strokePath(dots, { ...inks.faint, width: Math.max(1, s.u * 0.2) });
  // A beach palm only where the scene is tropical (it named a palm): a lighthouse coast has none.
  if (s.wide && s.words.props.includes("tree")) {
    const px = s.keepClear[0] - s.panel.x > right(s) - s.keepClear[1] ? s.panel.x + s.panel.w * 0.08 : right(s) - s.panel.w * 0.08;
    const py = shoreY + s.u * 3;
    drawTree(pen, inks, px, py, Math.min(heightAt(s, py) * 3.4, (py - s.panel.y) * 0.62), "palm", inks.main);
  }
}

export function road(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  drawSky(pen, inks, s);
  const b = bottom(s);
  // Fields and hills.
  const hills: Pt[] = [[s.panel.x, s.horizon]];
  for (let i = 0; i <= 5; i++) hills.push([s.panel.x + (s.panel.w * i) / 5, s.horizon - s.u * r.range(1, 5)]);
  hills.push([right(s), s.horizon]);
  pen.fillCurve(hills, groundTone(s, { color: "#dcd7cb", opacity: 1 }));
  pen.curve(hills.slice(1, -1), inks.faint);
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#e8e3d5", opacity: 1 }));
  horizonLine(pen, inks, s);
  // The road: a trapezoid to the vanishing point, dashed centre line, edge lines.
  const halfW = heightAt(s, b) * 2.2;
  const vp: Pt = [s.vp, s.horizon];
  const bl: Pt = [s.vp - halfW, b];
  const br: Pt = [s.vp + halfW, b];
  pen.fillPoly([[s.vp - s.u * 0.2, s.horizon], [s.vp + s.u * 0.2, s.horizon], br, bl], s.time === "night" ? inks.tone.t4 : { color: "#c9c5bb", opacity: 1 });
  pen.hatch([vp, br, bl], 8, s.u * 0.9, { ...inks.hatch, opacity: 0.3 });
  pen.line(vp, bl, inks.main, 0);
  pen.line(vp, br, inks.main, 0);
  // Dashes: equal on the ground, so spaced by perspective.
  for (let k = 1; k < 40; k++) {
    const z0 = 1 / (0.15 * k);
    const z1 = 1 / (0.15 * (k + 0.5));
    const y0 = s.horizon + (b - s.horizon) * Math.min(1, z0 * 0.3);
    const y1 = s.horizon + (b - s.horizon) * Math.min(1, z1 * 0.3);
    if (y0 - y1 < 0.8) break;
    pen.fillPoly(
      [
        [s.vp - (y0 - s.horizon) * 0.02, y0],
        [s.vp + (y0 - s.horizon) * 0.02, y0],
        [s.vp + (y1 - s.horizon) * 0.02, y1],
        [s.vp - (y1 - s.horizon) * 0.02, y1],
      ],
      { color: "#fbf8f1", opacity: 1 },
    );
  }
  // Telegraph poles receding on one side, wires sagging between them.
  const side = s.keepClear[0] - s.panel.x > right(s) - s.keepClear[1] ? -1 : 1;
  let prev: Pt | null = null;
  for (let k = 0; k < 7; k++) {
    const y = s.horizon + (b - s.horizon) * (0.9 / (1 + k * 0.7));
    const h = heightAt(s, y) * 4.2;
    const x = s.vp + side * (y - s.horizon) * ((halfW * 1.4) / (b - s.horizon));
    pen.line([x, y], [x, y - h], k === 0 ? inks.main : inks.light, 0.4);
    pen.line([x - h * 0.1, y - h * 0.93], [x + h * 0.1, y - h * 0.93], inks.light, 0);
    const top: Pt = [x, y - h * 0.93];
    if (prev) pen.curve([prev, [lerp(prev[0], top[0], 0.5), lerp(prev[1], top[1], 0.5) + h * 0.08], top], inks.faint);
    prev = top;
  }
  grassTufts(pen, inks, s, 30);
}

export function space(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  const all: Pt[] = [
    [s.panel.x, s.panel.y],
    [right(s), s.panel.y],
    [right(s), bottom(s)],
    [s.panel.x, bottom(s)],
  ];
  pen.fillPoly(all, { color: "#33322f", opacity: 1 });
  pen.hatch(all, -60, s.u * 1.1, { ...inks.hatch, color: "#1f1e1c", opacity: 0.6 });
  let d = "";
  let big = "";
  for (let i = 0; i < 120; i++) {
    const x = s.panel.x + r.next() * s.panel.w;
    const y = s.panel.y + r.next() * s.panel.h;
    if (r.chance(0.1)) {
      const k = s.u * r.range(0.4, 0.8);
      big += `M${(x - k).toFixed(1)} ${y.toFixed(1)}h${(2 * k).toFixed(1)}M${x.toFixed(1)} ${(y - k).toFixed(1)}v${(2 * k).toFixed(1)}`;
    } else d += `M${x.toFixed(1)} ${y.toFixed(1)}h0.9`;
  }
  pen.strokePath(d, { ...inks.faint, color: "#f4f0e6", opacity: 0.9, width: Math.max(1.2, s.u * 0.2) });
  pen.strokePath(big, { ...inks.faint, color: "#f4f0e6", opacity: 0.9, width: Math.max(1, s.u * 0.12) });
  // A ringed planet in the free part of the frame.
  const side = s.keepClear[0] - s.panel.x > right(s) - s.keepClear[1] ? -1 : 1;
  const px = side > 0 ? lerp(s.keepClear[1], right(s), 0.55) : lerp(s.panel.x, s.keepClear[0], 0.45);
  const py = s.panel.y + s.panel.h * 0.3;
  const pr = Math.min(s.panel.h * 0.18, s.u * 14);
  pen.fillEllipse(px, py, pr, pr, { color: "#cbc6bb", opacity: 1 });
  pen.hatch(
    [
      [px, py - pr],
      [px + pr, py - pr],
      [px + pr, py + pr],
      [px - pr * 0.2, py + pr],
    ],
    -35,
    s.u * 0.6,
    inks.hatch,
  );
  for (let k = 0; k < 3; k++) pen.curve([[px - pr * 0.95, py - pr * 0.3 + k * pr * 0.3], [px, py - pr * 0.2 + k * pr * 0.32], [px + pr * 0.95, py - pr * 0.35 + k * pr * 0.3]], inks.faint);
  pen.ellipse(px, py, pr, pr, { ...inks.light, color: "#e8e4da" });
  pen.ellipse(px, py, pr * 1.8, pr * 0.35, { ...inks.light, color: "#e8e4da" }, -0.25);
  // Lunar ground under the figures.
  if (s.refY < bottom(s) + s.panel.h) {
    const gy = Math.max(s.horizon, s.panel.y + s.panel.h * 0.55);
    const ground: Pt[] = [[s.panel.x - 5, bottom(s) + 5], [s.panel.x - 5, gy + s.u * 2]];
    for (let i = 0; i <= 6; i++) ground.push([s.panel.x + (s.panel.w * i) / 6, gy + Math.sin(i * 1.7) * s.u * 1.5]);
    ground.push([right(s) + 5, gy], [right(s) + 5, bottom(s) + 5]);
    pen.fillCurve(ground, { color: "#a29e96", opacity: 1 });
    pen.curve(ground.slice(2, -2), { ...inks.light, color: "#e8e4da" });
    for (let i = 0; i < 8; i++) {
      const cx = s.panel.x + r.next() * s.panel.w;
      const cy = lerp(gy + s.u * 3, bottom(s), r.next());
      const cr = s.u * (1 + ((cy - gy) / s.panel.h) * 8);
      pen.ellipse(cx, cy, cr, cr * 0.3, inks.light);
      pen.hatch(
        [
          [cx - cr, cy],
          [cx + cr, cy],
          [cx + cr * 0.6, cy - cr * 0.25],
          [cx - cr * 0.6, cy - cr * 0.25],
        ],
        70,
        s.u * 0.5,
        inks.hatch,
      );
    }
  }
}
