import type { Inks } from "./inks";
import { mix } from "./inks";
import type { Fill, Ink, Pen, Pt } from "./pen";
import type { FigureTraits } from "./words";

// Heads: skull, hair, hat, beard, glasses, and a face drawn with as much detail as its size allows
// (a construction cross when tiny, dot eyes at mid size, full features in close-up).

export type HeadSpec = {
  c: Pt;
  rx: number;
  ry: number;
  /** -1 profile left … 0 front … 1 profile right. */
  turn: number;
  traits: FigureTraits;
  hairTone: Fill;
  outline: Ink;
  /** Head height in px: decides how much of the face is drawn. */
  detail: number;
};

export function drawLongHairBack(pen: Pen, c: Pt, rx: number, ry: number, turn: number, hair: string, tone: Fill, outline: Ink): void {
  const back = -Math.sign(turn || 1) * Math.min(1, Math.abs(turn) * 1.3);
  const cx = c[0] + back * rx * 0.35;
  const pts: Pt[] = [
    [cx - rx * 1.08, c[1] - ry * 0.2],
    [cx - rx * 1.02, c[1] + ry * 1.1],
    [cx - rx * 0.7, c[1] + ry * 1.75],
    [cx + rx * 0.7, c[1] + ry * 1.75],
    [cx + rx * 1.02, c[1] + ry * 1.1],
    [cx + rx * 1.08, c[1] - ry * 0.2],
    [cx, c[1] - ry * 1.05],
  ];
  pen.fillCurve(pts, tone);
  pen.curve(pts, { ...outline, opacity: 0.6 }, true);
  if (hair === "braid") {
    const bx = cx + back * rx * 0.6;
    const segs = 5;
    for (let i = 0; i < segs; i++) {
      const y = c[1] + ry * (1.2 + i * 0.42);
      pen.fillEllipse(bx, y, rx * 0.3, ry * 0.26, tone);
      pen.ellipse(bx, y, rx * 0.3, ry * 0.26, { ...outline, opacity: 0.7, passes: 1 });
    }
  }
}

export function drawHead(pen: Pen, inks: Inks, h: HeadSpec): void {
  const { c, rx, ry, turn, traits, outline, detail } = h;
  const ink = outline;
  const faint: Ink = { ...inks.faint, width: Math.max(0.6, outline.width * 0.6) };
  const profile = Math.abs(turn) > 0.75;
  const face = Math.sign(turn) || 1;

  // Skull, with the jaw pushed toward the face side.
  const skull: Pt[] = [];
  const n = 16;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2 - Math.PI / 2;
    let x = Math.cos(a) * rx;
    const y = Math.sin(a) * ry;
    if (y > 0) x *= 1 - 0.18 * (y / ry); // tapering jaw
    if (profile && x * face > 0 && y > -ry * 0.2 && y < ry * 0.5) x *= 1.06;
    skull.push([c[0] + x + turn * rx * 0.05, c[1] + y]);
  }
  pen.fillCurve(skull, inks.tone.paper);
  pen.curve(skull, ink, true);

  const fx = c[0] + turn * rx * 0.5; // face centre line
  if (profile && detail > 10) {
    // Nose bump on the outline.
    const nx = c[0] + face * rx * 1.0;
    const nose: Pt[] = [
      [nx - face * rx * 0.02, c[1] - ry * 0.05],
      [nx + face * rx * 0.2, c[1] + ry * 0.22],
      [nx - face * rx * 0.02, c[1] + ry * 0.3],
    ];
    pen.fillPoly(nose, inks.tone.paper);
    pen.poly(nose.slice(0, 3), ink);
  }

  // Hair cap.
  if (traits.hair !== "bald" || traits.hat) {
    const cap = hairCap(c, rx, ry, turn, traits.hair === "curly");
    if (traits.hair !== "bald") {
      pen.fillCurve(cap, h.hairTone);
      pen.curve(cap, { ...ink, opacity: 0.7 }, true);
      if (detail > 40) {
        // A few strands.
        for (let i = 0; i < 3; i++) {
          const sx = c[0] + (i - 1) * rx * 0.35 - turn * rx * 0.3;
          pen.line([sx, c[1] - ry * 0.92], [sx + turn * rx * 0.25, c[1] - ry * 0.5], { ...faint, color: "#f4f0e6", opacity: 0.35 });
        }
      }
    }
    if (traits.hair === "bun") {
      const bx = c[0] - turn * rx * 0.5;
      pen.fillEllipse(bx, c[1] - ry * 1.02, rx * 0.38, ry * 0.3, h.hairTone);
      pen.ellipse(bx, c[1] - ry * 1.02, rx * 0.38, ry * 0.3, { ...ink, opacity: 0.7 });
    }
  }

  if (traits.beard && detail > 8) {
    // Jaw-line beard below the nose; the mouth stays clear.
    const bx = c[0] + turn * rx * 0.25;
    const beard: Pt[] = [
      [bx - rx * 0.86, c[1] + ry * 0.2],
      [bx - rx * 0.5, c[1] + ry * 0.5],
      [bx, c[1] + ry * 0.45],
      [bx + rx * 0.5, c[1] + ry * 0.5],
      [bx + rx * 0.86, c[1] + ry * 0.2],
      [bx + rx * 0.6, c[1] + ry * 0.95],
      [bx, c[1] + ry * 1.25],
      [bx - rx * 0.6, c[1] + ry * 0.95],
    ];
    pen.fillCurve(beard, { color: mix(h.hairTone.color, "#f4f0e6", 0.45), opacity: 1 });
    pen.curve(beard, { ...ink, opacity: 0.45 }, true);
    if (detail > 30) {
      pen.hatch(beard.slice(4).concat(beard.slice(0, 1)), 80, Math.max(1.8, rx * 0.09), inks.hatch);
    }
  }

  if (detail > 34 && detail < 70) {
    // Simple features: dot eyes, brow ticks, a nose tick, a mouth.
    const fine: Ink = { ...ink, passes: 1, width: Math.max(0.8, ink.width * 0.9) };
    const eyes = profile ? [c[0] + face * rx * 0.58] : [-1, 1].map((s) => fx + s * rx * 0.36 * (1 - Math.abs(turn) * 0.4));
    for (const ex of eyes) {
      pen.fillEllipse(ex, c[1] + ry * 0.06, Math.max(1, rx * 0.07), Math.max(1, ry * 0.07), { color: "#2a2927", opacity: 1 });
      pen.line([ex - rx * 0.14, c[1] - ry * 0.14], [ex + rx * 0.14, c[1] - ry * 0.16], fine, 0);
    }
    const nx = profile ? c[0] + face * rx * 0.9 : fx + turn * rx * 0.2;
    if (!profile) pen.line([nx, c[1] + ry * 0.12], [nx + turn * rx * 0.08 + rx * 0.03, c[1] + ry * 0.36], { ...fine, opacity: 0.6 }, 0);
    const mx = profile ? c[0] + face * rx * 0.7 : fx + turn * rx * 0.12;
    pen.line([mx - rx * (profile ? 0.1 : 0.17), c[1] + ry * 0.56], [mx + rx * (profile ? 0.08 : 0.17), c[1] + ry * 0.55], fine, 0);
  }
  if (detail > 16 && detail <= 34) {
    // Construction cross: the storyboard shorthand for where a face looks.
    const top: Pt = [fx, c[1] - ry * 0.7];
    const mid: Pt = [c[0] + turn * rx * 0.72, c[1] + ry * 0.1];
    const bot: Pt = [fx, c[1] + ry * 0.85];
    pen.curve([top, mid, bot], faint);
    pen.curve(
      [
        [c[0] - rx * 0.9 + Math.max(0, turn) * rx * 0.4, c[1] + ry * 0.02],
        [fx, c[1] + ry * 0.12],
        [c[0] + rx * 0.9 + Math.min(0, turn) * rx * 0.4, c[1] + ry * 0.02],
      ],
      faint,
    );
    // Eyes as dashes.
    const eyeW = rx * 0.2;
    for (const s of profile ? [face] : [-1, 1]) {
      const ex = profile ? c[0] + face * rx * 0.55 : fx + s * rx * 0.38 * (1 - Math.abs(turn) * 0.4);
      pen.line([ex - eyeW / 2, c[1] + ry * 0.04], [ex + eyeW / 2, c[1] + ry * 0.04], { ...ink, passes: 1 }, 0);
    }
  }

  if (detail >= 70) drawFace(pen, inks, c, rx, ry, turn, ink, traits.child);

  if (traits.glasses && detail > 14) {
    const gy = c[1] + ry * 0.05;
    const gr = rx * 0.24;
    for (const s of profile ? [face] : [-1, 1]) {
      const ex = profile ? c[0] + face * rx * 0.6 : fx + s * rx * 0.38 * (1 - Math.abs(turn) * 0.4);
      pen.ellipse(ex, gy, gr, gr * 0.85, { ...ink, passes: 1 });
    }
  }

  if (traits.hat) {
    const brimY = c[1] - ry * 0.55;
    const hx = c[0] - turn * rx * 0.1;
    const crown: Pt[] = [
      [hx - rx * 0.8, brimY],
      [hx - rx * 0.7, c[1] - ry * 1.35],
      [hx + rx * 0.7, c[1] - ry * 1.35],
      [hx + rx * 0.8, brimY],
    ];
    pen.fillPoly(crown, inks.tone.t3);
    pen.poly(crown, ink, false);
    pen.fillEllipse(hx, brimY, rx * 1.45, ry * 0.16, inks.tone.t3);
    pen.ellipse(hx, brimY, rx * 1.45, ry * 0.16, ink);
  }
}

function hairCap(c: Pt, rx: number, ry: number, turn: number, curly: boolean): Pt[] {
  // Outer arc over the top of the skull, slightly proud of it, then the hairline back.
  const pts: Pt[] = [];
  const back = -turn;
  const from = Math.PI * (0.92 + Math.max(0, back) * 0.25);
  const to = Math.PI * (2.08 - Math.max(0, -back) * 0.25);
  const steps = curly ? 12 : 8;
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    const k = curly ? (i % 2 ? 1.16 : 1.06) : 1.07;
    pts.push([c[0] + Math.cos(a) * rx * k, c[1] + Math.sin(a) * ry * k]);
  }
  // Hairline: temples and forehead, shifted toward the face side.
  const fx = c[0] + turn * rx * 0.45;
  pts.push([c[0] + rx * (0.9 - Math.max(0, -turn) * 0.5), c[1] - ry * 0.12]);
  pts.push([fx + rx * 0.35, c[1] - ry * 0.5]);
  pts.push([fx - rx * 0.35, c[1] - ry * 0.52]);
  pts.push([c[0] - rx * (0.9 - Math.max(0, turn) * 0.5), c[1] - ry * 0.12]);
  return pts;
}

function drawFace(pen: Pen, inks: Inks, c: Pt, rx: number, ry: number, turn: number, ink: Ink, child: boolean): void {
  const profile = Math.abs(turn) > 0.75;
  const face = Math.sign(turn) || 1;
  const fx = c[0] + turn * rx * 0.5;
  const fine: Ink = { ...ink, width: ink.width * 0.8, passes: 1 };
  // A child's features sit lower in the face, with bigger eyes.
  const eyeY = c[1] + ry * (child ? 0.16 : 0.05);
  const pupil = child ? 1.35 : 1;
  const eyes = profile ? [c[0] + face * rx * 0.6] : [-1, 1].map((s) => fx + s * rx * 0.36 * (1 - Math.abs(turn) * 0.45));
  for (const ex of eyes) {
    const w = rx * (profile ? 0.14 : 0.2);
    pen.curve(
      [
        [ex - w, eyeY],
        [ex, eyeY - ry * 0.06],
        [ex + w, eyeY],
      ],
      fine,
    );
    pen.fillEllipse(ex + turn * w * 0.3, eyeY + ry * 0.005, rx * 0.055 * pupil, ry * 0.05 * pupil, { color: "#2a2927", opacity: 1 });
    // Brow.
    pen.curve(
      [
        [ex - w * 1.1, eyeY - ry * 0.16],
        [ex, eyeY - ry * 0.22],
        [ex + w * 1.15, eyeY - ry * 0.17],
      ],
      { ...ink, width: ink.width * 1.3, passes: 1 },
    );
  }
  // Nose and mouth.
  const nx = profile ? c[0] + face * rx * 0.95 : fx + turn * rx * 0.25;
  if (!profile) {
    pen.curve(
      [
        [nx, eyeY + ry * 0.05],
        [nx + turn * rx * 0.12 + rx * 0.04, eyeY + ry * 0.32],
        [nx - rx * 0.08, eyeY + ry * 0.38],
      ],
      fine,
    );
  }
  const my = c[1] + ry * (child ? 0.62 : 0.6);
  const mx = profile ? c[0] + face * rx * 0.72 : fx + turn * rx * 0.15;
  const mw = profile ? rx * 0.14 : rx * 0.24;
  pen.curve(
    [
      [mx - mw, my],
      [mx, my + ry * 0.03],
      [mx + mw, my - ry * 0.01],
    ],
    fine,
  );
  // Ear on the far side from the face.
  if (Math.abs(turn) > 0.2) {
    const ex = c[0] - face * rx * (0.15 + (1 - Math.abs(turn)) * 0.6);
    pen.curve(
      [
        [ex, eyeY - ry * 0.08],
        [ex - face * rx * 0.14, eyeY + ry * 0.08],
        [ex, eyeY + ry * 0.3],
      ],
      fine,
    );
  }
  // Cheek shadow.
  const sx = c[0] - face * rx * 0.55;
  pen.hatch(
    [
      [sx - rx * 0.3, c[1] + ry * 0.15],
      [sx + rx * 0.2, c[1] + ry * 0.15],
      [sx + rx * 0.25, c[1] + ry * 0.75],
      [sx - rx * 0.1, c[1] + ry * 0.8],
    ],
    60,
    Math.max(2, rx * 0.07),
    inks.hatch,
  );
}
