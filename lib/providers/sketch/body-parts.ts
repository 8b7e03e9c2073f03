import { drawCapsules } from "./capsules";
import type { Inks } from "./inks";
import { clamp, lerpPt, type Fill, type Ink, type Pen, type Pt } from "./pen";
import type { FigureTraits } from "./words";

// Pieces of people for the close framings: the over-the-shoulder silhouette, an eye, a hand.

/** The dark back-of-head-and-shoulder silhouette that frames an over-the-shoulder shot. */
export function drawShoulderSilhouette(pen: Pen, inks: Inks, x: number, y: number, size: number, side: 1 | -1, traits: FigureTraits, bottom: number): void {
  const hx = x;
  const hy = y;
  const rx = size * 0.42;
  const ry = size * 0.52;
  const dark: Fill = { color: "#3d3c39", opacity: 1 };
  const shoulder: Pt[] = [
    [hx - side * size * 1.6, bottom + 10],
    [hx - side * size * 1.55, hy + ry * 1.5],
    [hx - side * size * 0.9, hy + ry * 1.05],
    [hx + side * size * 0.2, hy + ry * 0.95],
    [hx + side * size * 1.05, hy + ry * 1.35],
    [hx + side * size * 1.45, hy + ry * 2.3],
    [hx + side * size * 1.55, bottom + 10],
  ];
  pen.fillCurve(shoulder, dark);
  pen.curve(shoulder, inks.bold, false);
  pen.fillEllipse(hx, hy, rx, ry, dark);
  pen.ellipse(hx, hy, rx, ry, inks.bold);
  // Ear and hair edge catch a little light: keeps the silhouette a head, not a blob.
  pen.curve(
    [
      [hx + side * rx * 0.92, hy - ry * 0.05],
      [hx + side * rx * 1.12, hy + ry * 0.12],
      [hx + side * rx * 0.95, hy + ry * 0.35],
    ],
    { ...inks.light, color: "#8d8a83", opacity: 0.9 },
  );
  pen.hatch(
    [
      [hx - rx * 0.7, hy - ry * 0.9],
      [hx + rx * 0.7, hy - ry * 0.9],
      [hx + rx * 0.9, hy - ry * 0.2],
      [hx - rx * 0.9, hy - ry * 0.2],
    ],
    side > 0 ? 70 : 110,
    Math.max(3, size * 0.035),
    { ...inks.hatch, color: "#8d8a83", opacity: 0.5 },
  );
  if (traits.hair === "long" || traits.hair === "braid") {
    pen.fillCurve(
      [
        [hx - rx * 0.95, hy],
        [hx - rx * 0.85, hy + ry * 1.6],
        [hx + rx * 0.85, hy + ry * 1.6],
        [hx + rx * 0.95, hy],
      ],
      dark,
    );
  }
}

/** Extreme close-up of an eye: lids, iris, catch-light, brow, lashes. */
export function drawEye(pen: Pen, inks: Inks, cx: number, cy: number, w: number, turn: number): void {
  const h = w * 0.42;
  const ink = { ...inks.main, width: inks.main.width * 1.5 };
  const upper: Pt[] = [
    [cx - w / 2, cy + h * 0.05],
    [cx - w * 0.22, cy - h * 0.45],
    [cx + w * 0.15, cy - h * 0.5],
    [cx + w / 2, cy - h * 0.02],
  ];
  const lower: Pt[] = [
    [cx + w / 2, cy - h * 0.02],
    [cx + w * 0.15, cy + h * 0.38],
    [cx - w * 0.2, cy + h * 0.4],
    [cx - w / 2, cy + h * 0.05],
  ];
  pen.fillCurve([...upper, ...lower.slice(1, 3)], { color: "#fbf8f1", opacity: 1 });
  const ix = cx + turn * w * 0.12;
  const ir = h * 0.5;
  pen.fillEllipse(ix, cy - h * 0.02, ir, ir, inks.tone.t3);
  pen.hatch(
    [
      [ix - ir, cy - h * 0.5],
      [ix + ir, cy - h * 0.5],
      [ix + ir, cy + h * 0.45],
      [ix - ir, cy + h * 0.45],
    ],
    -60,
    Math.max(2, ir * 0.12),
    { ...inks.hatch, opacity: 0.6 },
  );
  pen.fillEllipse(ix, cy - h * 0.02, ir * 0.45, ir * 0.45, { color: "#1e1d1b", opacity: 1 });
  pen.fillEllipse(ix + ir * 0.35, cy - h * 0.25, ir * 0.16, ir * 0.16, { color: "#fbf8f1", opacity: 1 });
  pen.ellipse(ix, cy - h * 0.02, ir, ir, { ...ink, passes: 1 });
  // Upper lid covers the top of the iris.
  pen.fillCurve(
    [
      [cx - w / 2, cy + h * 0.05],
      [cx - w * 0.22, cy - h * 0.45],
      [cx + w * 0.15, cy - h * 0.5],
      [cx + w / 2, cy - h * 0.02],
      [cx + w * 0.2, cy - h * 0.95],
      [cx - w * 0.3, cy - h * 0.9],
    ],
    inks.tone.paper,
  );
  pen.curve(upper, { ...ink, width: ink.width * 1.6 });
  pen.curve(lower, ink);
  // Lid crease and brow.
  pen.curve(
    [
      [cx - w * 0.45, cy - h * 0.3],
      [cx - w * 0.1, cy - h * 0.8],
      [cx + w * 0.35, cy - h * 0.62],
    ],
    inks.light,
  );
  const brow: Pt[] = [
    [cx - w * 0.62, cy - h * 0.95],
    [cx - w * 0.2, cy - h * 1.55],
    [cx + w * 0.3, cy - h * 1.6],
    [cx + w * 0.68, cy - h * 1.15],
  ];
  for (let i = 0; i < 26; i++) {
    const t = i / 25;
    const p = lerpPt(lerpPt(brow[0] as Pt, brow[1] as Pt, Math.min(1, t * 2)), lerpPt(brow[2] as Pt, brow[3] as Pt, Math.max(0, t * 2 - 1)), t);
    pen.line(p, [p[0] + w * 0.06, p[1] - h * 0.18 * (1 - t * 0.6)], { ...inks.main, passes: 1 }, 0);
  }
  // Lashes.
  for (let i = 0; i < 9; i++) {
    const t = 0.15 + (i / 8) * 0.8;
    const p: Pt = [cx - w / 2 + w * t, cy - h * (0.45 * Math.sin(t * Math.PI) + 0.03)];
    pen.line(p, [p[0] + w * (t - 0.4) * 0.1, p[1] - h * 0.22], { ...inks.main, passes: 1 }, 0);
  }
  // Skin shading under the brow and beside the nose.
  pen.hatch(
    [
      [cx - w * 0.6, cy - h * 0.85],
      [cx + w * 0.65, cy - h * 1.05],
      [cx + w * 0.6, cy - h * 0.65],
      [cx - w * 0.55, cy - h * 0.55],
    ],
    -30,
    Math.max(2.5, w * 0.02),
    inks.hatch,
  );
}

/** A forearm and hand coming into frame from (ax, ay), reaching to the grip point (gx, gy). */
export function drawReachingHand(pen: Pen, inks: Inks, from: Pt, grip: Pt, size: number, sleeve: Fill): void {
  const outline: Ink = { ...inks.main, width: clamp(size * 0.02, 1, pen.u * 0.4) };
  const wrist = lerpPt(from, grip, 0.8);
  const dx = grip[0] - from[0];
  const dy = grip[1] - from[1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const cuff = lerpPt(from, grip, 0.62);
  drawCapsules(
    pen,
    [
      { a: from, b: cuff, w: size * 0.5, fill: sleeve },
      { a: cuff, b: wrist, w: size * 0.36, fill: inks.tone.paper },
      { a: wrist, b: grip, w: size * 0.48, fill: inks.tone.paper },
    ],
    outline,
  );
  // Knuckles and fingers wrapping forward.
  const nx = -uy;
  const ny = ux;
  for (let i = -1; i <= 1; i++) {
    const base: Pt = [grip[0] + nx * i * size * 0.12, grip[1] + ny * i * size * 0.12];
    pen.line(base, [base[0] + ux * size * 0.16, base[1] + uy * size * 0.16], { ...outline, passes: 1 });
  }
  // Thumb.
  pen.curve(
    [
      [wrist[0] - nx * size * 0.2, wrist[1] - ny * size * 0.2],
      [grip[0] - nx * size * 0.3 + ux * size * 0.05, grip[1] - ny * size * 0.3 + uy * size * 0.05],
      [grip[0] - nx * size * 0.18 + ux * size * 0.22, grip[1] - ny * size * 0.18 + uy * size * 0.22],
    ],
    outline,
  );
}
