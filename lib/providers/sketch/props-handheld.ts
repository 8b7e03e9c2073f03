import type { Inks } from "./inks";
import { ellipsePoints, lerpPt, type Ink, type Pen, type Pt } from "./pen";
import { heroFill, shadowUnder, steamAbove, type PropOptions } from "./prop-kit";

// Things a hand holds or a table carries: phone, box, bottle, cup, laptop, pot, book, sword, ball.

export function phone(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 0.5;
  const r = w * 0.14;
  const x0 = x - w / 2;
  const y0 = y - s;
  const body = roundRect(x0, y0, w, s, r);
  pen.fillCurve(body, heroFill(inks, o, inks.tone.t4));
  pen.curve(body, ink, true);
  const m = w * 0.07;
  const scr: Pt[] = [
    [x0 + m, y0 + m * 1.6],
    [x0 + w - m, y0 + m * 1.6],
    [x0 + w - m, y - m * 1.6],
    [x0 + m, y - m * 1.6],
  ];
  pen.fillPoly(scr, { color: o.night ? "#e9e6dc" : "#d8d5cc", opacity: 1 });
  pen.fillEllipse(x, y0 + m * 0.8, w * 0.04, w * 0.04, { color: "#1e1d1b", opacity: 1 });
  if (o.detailed) {
    // A messaging app: header, bubbles.
    const sw = w - 2 * m;
    const sx = x0 + m;
    const sy = y0 + m * 1.6;
    const sh = s - m * 3.2;
    pen.fillRect({ x: sx, y: sy, w: sw, h: sh * 0.1 }, inks.tone.t2);
    const bubbles: [number, number, number][] = [
      [0.05, 0.18, 0.55],
      [0.4, 0.33, 0.55],
      [0.05, 0.48, 0.45],
      [0.3, 0.63, 0.65],
    ];
    for (const [bx, by, bw] of bubbles) {
      pen.fillCurve(roundRect(sx + sw * bx, sy + sh * by, sw * bw, sh * 0.1, sh * 0.03), bx > 0.2 ? heroFill(inks, { ...o, hero: true }, inks.tone.t2) : inks.tone.t2);
    }
    pen.line([sx + sw * 0.08, sy + sh * 0.9], [sx + sw * 0.92, sy + sh * 0.9], inks.light);
  } else {
    pen.hatch(scr, -50, Math.max(2, w * 0.12), { ...inks.hatch, opacity: 0.35 });
  }
}

export function roundRect(x: number, y: number, w: number, h: number, r: number): Pt[] {
  return [
    [x + r, y],
    [x + w - r, y],
    [x + w, y + r],
    [x + w, y + h - r],
    [x + w - r, y + h],
    [x + r, y + h],
    [x, y + h - r],
    [x, y + r],
  ];
}

export function box(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 0.95;
  const d = s * 0.42; // depth, drawn up-and-sideways
  const dx = d * 0.7 * o.dir;
  const dy = -d * 0.5;
  const x0 = x - w / 2 - dx / 2;
  const fl: Pt = [x0, y];
  const fr: Pt = [x0 + w, y];
  const tr: Pt = [x0 + w, y - s];
  const tl: Pt = [x0, y - s];
  const off = (p: Pt): Pt => [p[0] + dx, p[1] + dy];
  shadowUnder(pen, x, y, w * 1.3);
  const front = [fl, fr, tr, tl];
  const top = [tl, tr, off(tr), off(tl)];
  const sideFace = o.dir > 0 ? [fr, off(fr), off(tr), tr] : [fl, off(fl), off(tl), tl];
  pen.fillPoly(front, o.hero ? inks.tone.paper : inks.tone.t1);
  pen.fillPoly(top, inks.tone.paper);
  pen.fillPoly(sideFace, inks.tone.t2);
  pen.hatch(sideFace, 70, Math.max(2, s * 0.045), inks.hatch);
  // Label band and logo: the hero product carries the accent.
  const band: Pt[] = [
    [fl[0], y - s * 0.62],
    [fr[0], y - s * 0.62],
    [fr[0], y - s * 0.34],
    [fl[0], y - s * 0.34],
  ];
  pen.fillPoly(band, heroFill(inks, o, inks.tone.t2));
  pen.fillEllipse(x0 + w * 0.5, y - s * 0.48, s * 0.09, s * 0.09, inks.tone.paper);
  if (o.detailed) {
    pen.line([x0 + w * 0.2, y - s * 0.18], [x0 + w * 0.8, y - s * 0.18], inks.light);
    pen.line([x0 + w * 0.3, y - s * 0.11], [x0 + w * 0.7, y - s * 0.11], inks.light);
  }
  // Tape across the lid.
  pen.line(lerpPt(tl, tr, 0.5), lerpPt(off(tl), off(tr), 0.5), { ...inks.light, passes: 1 });
  pen.poly(front, ink, true);
  pen.poly([tl, off(tl), off(tr), tr], ink);
  pen.line(o.dir > 0 ? fr : fl, off(o.dir > 0 ? fr : fl), ink);
  pen.line(off(o.dir > 0 ? fr : fl), off(o.dir > 0 ? tr : tl), ink);
}

export function bottle(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 0.36;
  const nw = s * 0.12;
  const pts: Pt[] = [
    [x - w / 2, y],
    [x + w / 2, y],
    [x + w / 2, y - s * 0.58],
    [x + nw / 2, y - s * 0.8],
    [x + nw / 2, y - s * 0.92],
    [x - nw / 2, y - s * 0.92],
    [x - nw / 2, y - s * 0.8],
    [x - w / 2, y - s * 0.58],
  ];
  shadowUnder(pen, x, y, w * 1.5);
  pen.fillPoly(pts, { color: "#cfd3cf", opacity: 1 });
  pen.fillRect({ x: x - w / 2, y: y - s * 0.45, w, h: s * 0.25 }, heroFill(inks, o, inks.tone.paper));
  pen.fillRect({ x: x - nw * 0.6, y: y - s, w: nw * 1.2, h: s * 0.1 }, heroFill(inks, o, inks.tone.t4));
  pen.line([x - w * 0.28, y - s * 0.08], [x - w * 0.28, y - s * 0.55], { ...inks.light, color: "#fbf8f1", opacity: 0.9 });
  pen.poly(pts, ink, true);
  pen.poly(
    [
      [x - nw * 0.6, y - s * 0.92],
      [x - nw * 0.6, y - s],
      [x + nw * 0.6, y - s],
      [x + nw * 0.6, y - s * 0.92],
    ],
    ink,
  );
  pen.line([x - w / 2, y - s * 0.45], [x + w / 2, y - s * 0.45], inks.light);
  pen.line([x - w / 2, y - s * 0.2], [x + w / 2, y - s * 0.2], inks.light);
}

export function cup(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 1.05;
  const topY = y - s;
  const rimRy = w * 0.16;
  const saucerW = w * 1.7;
  pen.fillEllipse(x, y, saucerW / 2, saucerW * 0.12, inks.tone.paper);
  pen.ellipse(x, y, saucerW / 2, saucerW * 0.12, ink);
  pen.ellipse(x, y - saucerW * 0.02, saucerW * 0.3, saucerW * 0.06, { ...inks.light, passes: 1 });
  const body: Pt[] = [
    [x - w / 2, topY],
    [x + w / 2, topY],
    [x + w * 0.36, y - s * 0.08],
    [x + w * 0.2, y],
    [x - w * 0.2, y],
    [x - w * 0.36, y - s * 0.08],
  ];
  // Handle.
  const hx = x + (w / 2) * o.dir;
  pen.ellipse(hx - s * 0.02 * o.dir, y - s * 0.55, s * 0.2, s * 0.24, { ...ink, width: ink.width * 2.2 });
  pen.fillCurve(body, heroFill(inks, o, inks.tone.paper));
  pen.curve(body, ink, true);
  if (o.hero && o.detailed) pen.fillEllipse(x, y - s * 0.5, s * 0.14, s * 0.14, inks.tone.paper);
  pen.hatch(
    [
      [x - w * 0.5 * -o.dir, topY + rimRy],
      [x - w * 0.2 * -o.dir, topY + rimRy],
      [x - w * 0.15 * -o.dir, y - s * 0.05],
      [x - w * 0.3 * -o.dir, y - s * 0.05],
    ],
    70,
    Math.max(1.8, s * 0.06),
    inks.hatch,
  );
  pen.fillEllipse(x, topY, w / 2, rimRy, inks.tone.paper);
  pen.fillEllipse(x, topY + rimRy * 0.15, w * 0.42, rimRy * 0.7, { color: "#5b4c3e", opacity: 1 });
  pen.ellipse(x, topY, w / 2, rimRy, ink);
  if (o.steam) steamAbove(pen, inks, x, topY - s * 0.15, s);
}

export function laptop(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 1.5;
  const d = o.dir;
  const baseD = s * 0.55;
  const b0: Pt = [x - w / 2, y];
  const b1: Pt = [x + w / 2, y];
  const b2: Pt = [x + w / 2 + baseD * 0.35 * d, y - baseD * 0.45];
  const b3: Pt = [x - w / 2 + baseD * 0.35 * d, y - baseD * 0.45];
  const lift = s * 0.94;
  const s2: Pt = [b2[0] - s * 0.05 * d, b2[1] - lift];
  const s3: Pt = [b3[0] - s * 0.05 * d, b3[1] - lift];
  shadowUnder(pen, x, y, w * 1.1);
  const screen = [b3, b2, s2, s3];
  pen.fillPoly(screen, inks.tone.t4);
  const inset = (p: Pt, q: Pt, t: number): Pt => lerpPt(p, q, t);
  const sc = [inset(b3, s2, 0.06), inset(b2, s3, 0.06), inset(s2, b3, 0.06), inset(s3, b2, 0.06)];
  pen.fillPoly(sc, { color: "#dedbd2", opacity: 1 });
  if (o.detailed || s > 60) {
    // A chart on screen.
    const [p0, p1, p2, p3] = sc as [Pt, Pt, Pt, Pt];
    const at = (u: number, v: number): Pt => lerpPt(lerpPt(p3, p2, u), lerpPt(p0, p1, u), v);
    const bars = [0.3, 0.45, 0.4, 0.65, 0.85];
    bars.forEach((hgt, i) => {
      const u0 = 0.12 + i * 0.16;
      pen.fillPoly([at(u0, 0.9), at(u0 + 0.1, 0.9), at(u0 + 0.1, 0.9 - hgt * 0.7), at(u0, 0.9 - hgt * 0.7)], i === 4 ? inks.tone.accent : inks.tone.t2);
    });
  }
  pen.poly(screen, ink, true);
  const base = [b0, b1, b2, b3];
  pen.fillPoly(base, inks.tone.t1);
  pen.hatch([lerpPt(b0, b3, 0.25), lerpPt(b1, b2, 0.25), lerpPt(b1, b2, 0.75), lerpPt(b0, b3, 0.75)], 0, Math.max(2, s * 0.06), { ...inks.hatch, opacity: 0.4 });
  pen.poly(base, ink, true);
}

export function pot(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 1.25;
  const ry = w * 0.14;
  shadowUnder(pen, x, y, w * 1.2);
  const body: Pt[] = [
    [x - w / 2, y - s * 0.8],
    [x + w / 2, y - s * 0.8],
    [x + w / 2, y - s * 0.05],
    [x, y + ry * 0.4],
    [x - w / 2, y - s * 0.05],
  ];
  pen.fillCurve(body, heroFill(inks, o, inks.tone.t3));
  pen.hatch(
    [
      [x + w * 0.15, y - s * 0.8],
      [x + w * 0.5, y - s * 0.8],
      [x + w * 0.5, y],
      [x + w * 0.15, y],
    ],
    80,
    Math.max(2, s * 0.06),
    inks.hatch,
  );
  pen.curve(body, ink, true);
  for (const sgn of [-1, 1]) {
    const hx = x + sgn * w * 0.58;
    pen.line([x + sgn * w * 0.5, y - s * 0.68], [hx + sgn * s * 0.12, y - s * 0.68], { ...ink, width: ink.width * 3 });
  }
  // Lid.
  pen.fillEllipse(x, y - s * 0.8, w * 0.52, ry, inks.tone.t2);
  pen.ellipse(x, y - s * 0.8, w * 0.52, ry, ink);
  pen.fillEllipse(x, y - s * 0.88, s * 0.08, s * 0.05, inks.tone.t4);
  if (o.steam) steamAbove(pen, inks, x, y - s * 0.95, s * 1.2);
}

export function plantPot(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 0.7;
  const body: Pt[] = [
    [x - w / 2, y - s * 0.45],
    [x + w / 2, y - s * 0.45],
    [x + w * 0.36, y],
    [x - w * 0.36, y],
  ];
  shadowUnder(pen, x, y, w * 1.3);
  for (let i = 0; i < 7; i++) {
    const a = -Math.PI / 2 + (i - 3) * 0.35;
    const len = s * (0.45 + ((i * 37) % 5) * 0.06);
    const tip: Pt = [x + Math.cos(a) * len, y - s * 0.45 + Math.sin(a) * len];
    const mid = lerpPt([x, y - s * 0.45], tip, 0.5);
    const leaf: Pt[] = [[x, y - s * 0.45], [mid[0] + s * 0.06, mid[1]], tip, [mid[0] - s * 0.06, mid[1]]];
    pen.fillCurve(leaf, inks.tone.t2);
    pen.curve(leaf, inks.light, true);
  }
  pen.fillPoly(body, heroFill(inks, o, inks.tone.t1));
  pen.poly(body, ink, true);
  pen.line([x - w / 2, y - s * 0.37], [x + w / 2, y - s * 0.37], ink);
}

export function book(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  // Open book, pages fanning up from the spine.
  const w = s * 1.5;
  const spine: Pt = [x, y];
  const left: Pt[] = [spine, [x - w * 0.5, y - s * 0.12], [x - w * 0.52, y - s * 0.9], [x - w * 0.05, y - s * 0.82], [x, y - s * 0.75]];
  const right: Pt[] = [spine, [x + w * 0.5, y - s * 0.12], [x + w * 0.52, y - s * 0.9], [x + w * 0.05, y - s * 0.82], [x, y - s * 0.75]];
  shadowUnder(pen, x, y, w);
  const cover: Pt[] = [
    [x - w * 0.55, y - s * 0.06],
    [x, y + s * 0.06],
    [x + w * 0.55, y - s * 0.06],
    [x + w * 0.56, y - s * 0.9],
    [x - w * 0.56, y - s * 0.9],
  ];
  pen.fillPoly(cover, heroFill(inks, o, inks.tone.t3));
  for (const page of [left, right]) {
    pen.fillCurve(page, inks.tone.paper);
    pen.curve(page, ink, true);
  }
  for (let i = 1; i <= 5; i++) {
    const t = i / 6.5;
    for (const sg of [-1, 1]) {
      pen.line([x + sg * w * 0.08, y - s * (0.75 - t * 0.62)], [x + sg * w * 0.44, y - s * (0.85 - t * 0.65)], { ...inks.faint, passes: 1 }, 0);
    }
  }
}

export function sword(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const bw = s * 0.05;
  const hilt = y - s * 0.22;
  const blade: Pt[] = [
    [x - bw / 2, hilt],
    [x - bw / 2, y - s * 0.92],
    [x, y - s],
    [x + bw / 2, y - s * 0.92],
    [x + bw / 2, hilt],
  ];
  pen.fillPoly(blade, { color: "#e4e2dc", opacity: 1 });
  pen.poly(blade, ink, true);
  pen.line([x, hilt], [x, y - s * 0.9], inks.faint);
  pen.line([x - s * 0.14, hilt], [x + s * 0.14, hilt], { ...ink, width: ink.width * 3.2 });
  pen.line([x, hilt], [x, y - s * 0.04], { ...ink, color: o.hero ? inks.accent : "#3b3a37", width: bw * 1.2 });
  pen.fillEllipse(x, y - s * 0.02, bw * 0.9, bw * 0.9, inks.tone.t4);
}

export function ball(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const r = s / 2;
  const cy = y - r;
  shadowUnder(pen, x, y, s);
  pen.fillEllipse(x, cy, r, r, heroFill(inks, o, inks.tone.paper));
  pen.fillPoly(
    ellipsePoints(x, cy, r * 0.3, r * 0.3, 5, -Math.PI / 2),
    inks.tone.t4,
  );
  for (let i = 0; i < 5; i++) {
    const a = -Math.PI / 2 + (i / 5) * Math.PI * 2;
    pen.line([x + Math.cos(a) * r * 0.3, cy + Math.sin(a) * r * 0.3], [x + Math.cos(a) * r * 0.95, cy + Math.sin(a) * r * 0.95], inks.light);
  }
  pen.hatch(
    [
      [x + r * 0.3, cy - r * 0.6],
      [x + r, cy],
      [x + r * 0.4, cy + r * 0.95],
      [x - r * 0.2, cy + r * 0.9],
    ],
    45,
    Math.max(2, r * 0.12),
    inks.hatch,
  );
  pen.ellipse(x, cy, r, r, ink);
}
