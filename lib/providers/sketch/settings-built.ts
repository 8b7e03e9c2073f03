import type { Inks } from "./inks";
import { lerp, lerpPt, type Pen, type Pt } from "./pen";
import {
  bottom,
  drawSky,
  groundRect,
  groundTone,
  heightAt,
  PALE,
  perspectiveGuides,
  right,
  type Stage,
} from "./stage";

// Built places: a street between façades, a market lane, a studio sweep.

export function city(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  const night = s.time === "night";
  drawSky(pen, inks, s, { clouds: !night });
  const b = bottom(s);
  const vp: Pt = [s.vp, s.horizon];
  // Far skyline at the end of the street.
  const far: Pt[] = [[s.panel.x, s.horizon]];
  let fx = s.panel.x;
  while (fx < right(s)) {
    const w = s.u * r.range(3, 8);
    const h = s.u * r.range(3, 16);
    far.push([fx, s.horizon - h], [fx + w, s.horizon - h]);
    fx += w;
  }
  far.push([right(s), s.horizon]);
  pen.fillPoly(far, night ? { color: "#74716d", opacity: 1 } : { color: "#dedad0", opacity: 1 });
  pen.poly(far.slice(1, -1), inks.faint);
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#e7e2d5", opacity: 1 }));
  // Street: curbs to the vanishing point.
  const streetHalf = heightAt(s, b) * 2.6;
  const curbL: Pt = [s.vp - streetHalf, b];
  const curbR: Pt = [s.vp + streetHalf, b];
  pen.fillPoly([vp, curbR, curbL], night ? { color: "#7b7874", opacity: 1 } : { color: "#d6d2c7", opacity: 1 });
  pen.line(vp, curbL, inks.light, 0);
  pen.line(vp, curbR, inks.light, 0);
  // Crosswalk stripes near the camera in wide shots.
  if (s.wide) {
    const y0 = lerp(s.horizon, b, 0.78);
    const y1 = lerp(s.horizon, b, 0.88);
    for (let i = -4; i <= 4; i++) {
      const at = (y: number, k: number): Pt => [s.vp + ((y - s.horizon) / (b - s.horizon)) * streetHalf * (k / 5), y];
      pen.fillPoly([at(y0, i - 0.3), at(y0, i + 0.3), at(y1, i + 0.3), at(y1, i - 0.3)], { color: "#f7f3ea", opacity: 0.9 });
    }
  }
  // Façades along both sides of the street, one building after another.
  for (const side of [-1, 1] as const) {
    const sidewalk = streetHalf * 1.45;
    const base = (t: number): Pt => lerpPt(vp, [s.vp + side * sidewalk, b], t);
    pen.line(vp, base(1), inks.faint, 0);
    let t = 1.25;
    let i = 0;
    while (t > 0.06 && i < 9) {
      const t1 = t * r.range(0.55, 0.72);
      const storeys = r.int(3, 7);
      const B0 = base(t);
      const B1 = base(t1);
      const h0 = heightAt(s, B0[1]) * 1.7 * storeys;
      const h1 = heightAt(s, B1[1]) * 1.7 * storeys;
      const face: Pt[] = [B0, B1, [B1[0], B1[1] - h1], [B0[0], B0[1] - h0]];
      pen.fillPoly(face, night ? { color: i % 2 ? "#6d6a66" : "#77746f", opacity: 1 } : { color: i % 2 ? "#ebe6da" : "#e1dccf", opacity: 1 });
      if (night) pen.hatch(face, side > 0 ? -70 : 70, s.u * 0.7, { ...inks.hatch, color: "#3a3937" });
      // Windows on a perspective grid.
      const cols = Math.max(2, Math.round((Math.abs(B0[0] - B1[0]) / Math.max(1, h0 / storeys)) * 1.4));
      for (let row = 0; row < storeys; row++) {
        for (let c = 0; c < cols; c++) {
          const u0 = (c + 0.25) / cols;
          const u1 = (c + 0.75) / cols;
          const v0 = (row + 0.3) / storeys;
          const v1 = (row + 0.75) / storeys;
          const at = (u: number, v: number): Pt => {
            const bot = lerpPt(B0, B1, u);
            const hh = lerp(h0, h1, u);
            return [bot[0], bot[1] - hh * v];
          };
          const win = [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)];
          const lit = night && r.chance(0.55);
          pen.fillPoly(win, lit ? PALE : night ? inks.tone.t4 : { color: "#c5c0b5", opacity: 1 });
        }
      }
      // Shop-front awning on the ground floor, near buildings only.
      if (t > 0.5 && s.wide) {
        const a0: Pt = [B0[0], B0[1] - h0 / storeys];
        const a1: Pt = [B1[0], B1[1] - h1 / storeys];
        pen.fillPoly([a0, a1, [a1[0] - side * h1 * 0.04, a1[1] + h1 / storeys * 0.35], [a0[0] - side * h0 * 0.04, a0[1] + h0 / storeys * 0.35]], inks.tone.t2);
      }
      pen.poly(face, i < 3 ? inks.light : inks.faint, true);
      t = t1;
      i++;
    }
    // Street lamps along the curb.
    for (const lt of [0.95, 0.5, 0.28]) {
      const p = lerpPt(vp, [s.vp + side * streetHalf * 1.05, b], lt);
      const h = heightAt(s, p[1]) * 2.6;
      pen.line(p, [p[0], p[1] - h], inks.light, 0.3);
      pen.line([p[0], p[1] - h], [p[0] - side * h * 0.18, p[1] - h * 0.98], inks.light, 0);
      if (night) {
        pen.fillEllipse(p[0] - side * h * 0.18, p[1] - h * 0.96, h * 0.05, h * 0.035, PALE);
        pen.fillPoly(
          [
            [p[0] - side * h * 0.18 - h * 0.03, p[1] - h * 0.95],
            [p[0] - side * h * 0.18 + h * 0.03, p[1] - h * 0.95],
            [p[0] - side * h * 0.18 + h * 0.2, p[1]],
            [p[0] - side * h * 0.18 - h * 0.2, p[1]],
          ],
          { color: "#fbf8f1", opacity: 0.18 },
        );
      }
    }
  }
  perspectiveGuides(pen, inks, s, 4);
}

export function market(pen: Pen, inks: Inks, s: Stage): void {
  const r = pen.rng;
  const night = s.time === "night";
  drawSky(pen, inks, s, { clouds: !night });
  const b = bottom(s);
  const vp: Pt = [s.vp, s.horizon];
  // Domes and walls of the town behind.
  const far: Pt[] = [[s.panel.x, s.horizon]];
  let x = s.panel.x;
  while (x < right(s)) {
    const w = s.u * r.range(5, 10);
    const h = s.u * r.range(3, 9);
    far.push([x, s.horizon - h], [x + w, s.horizon - h]);
    if (r.chance(0.3)) {
      const dx = x + w / 2;
      pen.fillEllipse(dx, s.horizon - h, w * 0.35, w * 0.35, night ? inks.tone.t3 : inks.tone.t1);
      pen.ellipse(dx, s.horizon - h, w * 0.35, w * 0.35, inks.faint);
    }
    x += w;
  }
  far.push([right(s), s.horizon]);
  pen.fillPoly(far, night ? { color: "#74716d", opacity: 1 } : { color: "#dedad0", opacity: 1 });
  pen.poly(far.slice(1, -1), inks.faint);
  pen.fillPoly(groundRect(s), groundTone(s, { color: "#e9e3d4", opacity: 1 }));
  // Paving stones.
  for (let k = 1; k < 8; k++) {
    const y = s.horizon + (b - s.horizon) * Math.pow(k / 8, 1.8);
    pen.line([s.panel.x, y], [right(s), y], inks.faint, 0);
  }
  perspectiveGuides(pen, inks, s, 10, { ...inks.faint, opacity: 0.3 });
  // Stalls down both sides of the lane.
  const lane = heightAt(s, b) * 1.6;
  const order: { side: -1 | 1; t: number }[] = [];
  for (const side of [-1, 1] as const) for (const t of [0.25, 0.42, 0.65, 1.0]) order.push({ side, t });
  order.sort((a, c) => a.t - c.t);
  for (const { side, t } of order) {
    const p = lerpPt(vp, [s.vp + side * lane * 1.3, b], t);
    const h = heightAt(s, p[1]);
    const w = h * 1.5;
    const cx = p[0] + side * w * 0.45;
    const tableY = p[1] - h * 0.48;
    // Counter with goods.
    pen.fillRect({ x: cx - w / 2, y: tableY, w, h: h * 0.48 }, night ? inks.tone.t3 : inks.tone.t1);
    pen.poly(
      [
        [cx - w / 2, p[1]],
        [cx - w / 2, tableY],
        [cx + w / 2, tableY],
        [cx + w / 2, p[1]],
      ],
      inks.light,
    );
    for (let k = 0; k < 7; k++) {
      const fx = cx - w * 0.42 + (w * 0.84 * k) / 6;
      pen.fillEllipse(fx, tableY - h * 0.04, h * 0.06, h * 0.05, k % 3 === 0 ? inks.tone.t3 : inks.tone.t2);
      pen.ellipse(fx, tableY - h * 0.04, h * 0.06, h * 0.05, { ...inks.faint, passes: 1 });
    }
    // Poles and a striped awning.
    const top = p[1] - h * 1.35;
    pen.line([cx - w / 2, p[1]], [cx - w / 2, top], inks.light, 0);
    pen.line([cx + w / 2, p[1]], [cx + w / 2, top], inks.light, 0);
    const stripes = 6;
    for (let k = 0; k < stripes; k++) {
      const x0 = cx - w * 0.55 + (w * 1.1 * k) / stripes;
      const x1 = x0 + (w * 1.1) / stripes;
      const strip: Pt[] = [
        [x0, top - h * 0.18],
        [x1, top - h * 0.18],
        [x1, top + h * 0.05],
        [(x0 + x1) / 2, top + h * 0.12],
        [x0, top + h * 0.05],
      ];
      pen.fillPoly(strip, k % 2 ? PALE : night ? inks.tone.t3 : inks.tone.t2);
    }
    pen.poly(
      [
        [cx - w * 0.55, top + h * 0.05],
        [cx - w * 0.55, top - h * 0.18],
        [cx + w * 0.55, top - h * 0.18],
        [cx + w * 0.55, top + h * 0.05],
      ],
      inks.light,
    );
  }
  // A string of lanterns across the lane.
  const ly = s.panel.y + (s.horizon - s.panel.y) * 0.35;
  const l0: Pt = [s.panel.x, ly - s.u * 3];
  const l1: Pt = [right(s), ly - s.u * 2];
  const mid: Pt = [s.vp, ly + s.u * 4];
  pen.curve([l0, mid, l1], inks.light);
  for (let k = 1; k < 9; k++) {
    const t = k / 9;
    const p = t < 0.5 ? lerpPt(l0, mid, t * 2) : lerpPt(mid, l1, t * 2 - 1);
    pen.fillEllipse(p[0], p[1] + s.u * 1.2, s.u * 0.8, s.u * 1.1, night ? PALE : inks.tone.t2);
    pen.ellipse(p[0], p[1] + s.u * 1.2, s.u * 0.8, s.u * 1.1, { ...inks.light, passes: 1 });
  }
}

export function studio(pen: Pen, inks: Inks, s: Stage): void {
  // A seamless sweep: wall curving into floor, lit from one side.
  const b = bottom(s);
  const cove = lerp(s.horizon, b, 0.25);
  pen.fillRect(s.panel, { color: "#ece8de", opacity: 1 });
  pen.fillPoly(groundRect(s, cove), { color: "#e3dfd3", opacity: 1 });
  const curve: Pt[] = [];
  for (let i = 0; i <= 6; i++) curve.push([s.panel.x + (s.panel.w * i) / 6, cove + Math.sin((i / 6) * Math.PI) * s.u * 0.6]);
  pen.curve(curve, inks.faint);
  pen.line([s.panel.x, cove - s.u * 4], [right(s), cove - s.u * 4], { ...inks.faint, opacity: 0.3 }, 0);
  // Light falloff in the corners.
  pen.hatch(
    [
      [s.panel.x, s.panel.y],
      [s.panel.x + s.panel.w * 0.18, s.panel.y],
      [s.panel.x, s.panel.y + s.panel.h * 0.5],
    ],
    -45,
    s.u * 0.8,
    inks.hatch,
  );
  pen.hatch(
    [
      [right(s), b],
      [right(s) - s.panel.w * 0.2, b],
      [right(s), b - s.panel.h * 0.45],
    ],
    -45,
    s.u * 0.8,
    inks.hatch,
  );
  if (s.wide) {
    // A softbox on a stand.
    const side = s.keepClear[0] - s.panel.x > right(s) - s.keepClear[1] ? -1 : 1;
    const x = side > 0 ? lerp(s.keepClear[1], right(s), 0.6) : lerp(s.panel.x, s.keepClear[0], 0.4);
    const y = lerp(cove, b, 0.4);
    const h = heightAt(s, y);
    pen.line([x, y], [x, y - h * 1.2], inks.light);
    pen.line([x, y], [x - h * 0.2, y + h * 0.05], inks.light);
    pen.line([x, y], [x + h * 0.2, y + h * 0.05], inks.light);
    const box: Pt[] = [
      [x - h * 0.3, y - h * 1.65],
      [x + h * 0.3, y - h * 1.55],
      [x + h * 0.3, y - h * 1.1],
      [x - h * 0.3, y - h * 1.2],
    ];
    pen.fillPoly(box, PALE);
    pen.poly(box, inks.light, true);
  }
  perspectiveGuides(pen, inks, s, 6, { ...inks.faint, opacity: 0.25 });
}
