import { drawCapsules, type Part } from "./capsules";
import { mix, type Inks } from "./inks";
import { lerpPt, type Fill, type Ink, type Pen, type Pt } from "./pen";
import { heroFill, shadowUnder, type PropOptions } from "./prop-kit";

// Things people stand beside, ride or walk through: car, horse, door, lamp, bike, trees.

export function car(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const L = s * 2.9;
  const d = o.dir;
  const X = (u: number): number => x + u * L * d; // u in -0.5..0.5, front at +0.5
  const Y = (v: number): number => y - v * s; // v in 0..1
  const wheelR = s * 0.21;
  shadowUnder(pen, x, y, L * 0.95);
  const body: Pt[] = [
    [X(-0.49), Y(0.2)],
    [X(-0.5), Y(0.5)],
    [X(-0.42), Y(0.58)],
    [X(-0.26), Y(0.62)],
    [X(-0.16), Y(0.97)],
    [X(0.14), Y(1)],
    [X(0.27), Y(0.64)],
    [X(0.46), Y(0.56)],
    [X(0.5), Y(0.42)],
    [X(0.49), Y(0.2)],
  ];
  pen.fillPoly(body, o.hero ? inks.tone.accent : inks.tone.t1);
  // Windows.
  const win: Pt[] = [
    [X(-0.22), Y(0.62)],
    [X(-0.14), Y(0.9)],
    [X(0.12), Y(0.92)],
    [X(0.22), Y(0.63)],
  ];
  pen.fillPoly(win, o.night ? inks.tone.t4 : inks.tone.t2);
  pen.hatch(win, 60, Math.max(2, s * 0.05), { ...inks.hatch, opacity: 0.45 });
  pen.line([X(0), Y(0.62)], [X(-0.005), Y(0.91)], ink);
  pen.poly(body, ink, true);
  pen.poly(win, ink, true);
  // Door seams, handle, lights, bumper.
  pen.line([X(0), Y(0.62)], [X(0.01), Y(0.22)], inks.light);
  pen.line([X(-0.25), Y(0.6)], [X(-0.25), Y(0.25)], inks.light);
  pen.line([X(0.05), Y(0.5)], [X(0.11), Y(0.5)], ink);
  pen.fillEllipse(X(0.47), Y(0.48), s * 0.05, s * 0.04, o.night ? { color: "#fbf8f1", opacity: 1 } : inks.tone.t2);
  if (o.night) {
    const beam: Pt[] = [
      [X(0.49), Y(0.5)],
      [X(0.95), Y(0.7)],
      [X(0.95), Y(0.1)],
    ];
    pen.fillPoly(beam, { color: "#fbf8f1", opacity: 0.35 });
  }
  pen.line([X(-0.5), Y(0.3)], [X(0.5), Y(0.3)], inks.light);
  for (const u of [-0.31, 0.3]) {
    pen.fillEllipse(X(u), Y(0.2) + wheelR * 0.1, wheelR * 1.15, wheelR * 1.15, inks.tone.paper);
    pen.fillEllipse(X(u), Y(0.2) + wheelR * 0.1, wheelR, wheelR, { color: "#2e2d2b", opacity: 1 });
    pen.fillEllipse(X(u), Y(0.2) + wheelR * 0.1, wheelR * 0.45, wheelR * 0.45, inks.tone.t2);
    pen.ellipse(X(u), Y(0.2) + wheelR * 0.1, wheelR, wheelR, ink);
  }
  if (o.moving) {
    for (let i = 0; i < 3; i++) {
      const yy = Y(0.35 + i * 0.2);
      pen.line([X(-0.58 - i * 0.03), yy], [X(-0.8 - i * 0.05), yy], inks.light);
    }
  }
}

/** Returns the saddle point, where a rider sits. */
export function drawHorse(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): Pt {
  pen.drawn.push("horse");
  const d = o.dir;
  const g = o.moving;
  // Galloping horses leave the ground and stretch their necks forward.
  const lift = g ? 0.08 : 0;
  const P = (u: number, v: number): Pt => [x + u * s * d, y - (v + lift) * s];
  const coat: Fill = o.hero ? inks.tone.accent : { color: "#bdb8ae", opacity: 1 };
  const far: Fill = { color: mix(coat.color, "#3a3935", 0.25), opacity: 1 };
  const mane: Fill = inks.tone.t4;
  const outline: Ink = { ...ink, width: Math.max(0.8, s * 0.011), jitter: Math.min(ink.jitter, s * 0.006) };
  const hatch: Ink | undefined = s > 90 ? { ...inks.hatch, width: Math.max(0.7, outline.width * 0.6) } : undefined;
  const w = (k: number) => k * s;
  pen.fillEllipse(x - w(0.05) * d, y, s * 0.6, s * 0.05, { color: "#3c3b38", opacity: 0.16 });

  type Leg = [Pt, Pt, Pt, Pt];
  const frontFar: Leg = g ? [P(0.3, 0.66), P(0.44, 0.4), P(0.34, 0.3), P(0.3, 0.22)] : [P(0.3, 0.64), P(0.31, 0.32), P(0.3, 0.06), P(0.31, 0)];
  const frontNear: Leg = g ? [P(0.34, 0.66), P(0.56, 0.46), P(0.72, 0.42), P(0.8, 0.4)] : [P(0.36, 0.64), P(0.37, 0.32), P(0.37, 0.06), P(0.38, 0)];
  const hindFar: Leg = g ? [P(-0.38, 0.7), P(-0.3, 0.42), P(-0.16, 0.32), P(-0.1, 0.28)] : [P(-0.4, 0.7), P(-0.47, 0.34), P(-0.43, 0.06), P(-0.42, 0)];
  const hindNear: Leg = g ? [P(-0.42, 0.7), P(-0.62, 0.46), P(-0.82, 0.34), P(-0.9, 0.3)] : [P(-0.44, 0.7), P(-0.52, 0.34), P(-0.47, 0.06), P(-0.46, 0)];
  const legParts = (l: Leg, f: Fill): Part[] => [
    { a: l[0], b: l[1], w: w(0.1), fill: f },
    { a: l[1], b: l[2], w: w(0.055), fill: f },
    { a: l[2], b: l[3], w: w(0.065), fill: mane, shade: false },
  ];

  // Tail, behind everything.
  const root = P(-0.53, 0.93);
  const tail: Pt[] = g
    ? [root, P(-0.75, 0.98), P(-0.98, 0.9), P(-0.92, 0.84), P(-0.72, 0.86), P(-0.55, 0.84)]
    : [root, P(-0.62, 0.8), P(-0.63, 0.42), P(-0.55, 0.4), P(-0.55, 0.72), P(-0.5, 0.86)];
  pen.fillCurve(tail, mane);
  pen.curve(tail, { ...outline, opacity: 0.7 }, true);

  drawCapsules(pen, [...legParts(frontFar, far), ...legParts(hindFar, far)], outline, hatch);

  const neckTop = g ? P(0.62, 1.28) : P(0.52, 1.42);
  const muzzle = g ? P(0.93, 1.06) : P(0.8, 1.1);
  const body: Pt[] = [
    P(0.44, 0.84),
    P(0.38, 0.64),
    P(0.1, 0.58),
    P(-0.28, 0.6),
    P(-0.48, 0.68),
    P(-0.56, 0.84),
    P(-0.48, 0.98),
    P(-0.2, 0.95),
    P(0.2, 1.0),
  ];
  // Neck: a thick wedge from withers and chest up to the poll.
  const crest = lerpPt(P(0.14, 1.0), neckTop, 0.55);
  const throat: Pt = [lerpPt(neckTop, muzzle, 0.3)[0], lerpPt(neckTop, muzzle, 0.3)[1] + w(0.1)];
  const neck: Pt[] = [P(0.12, 0.98), [crest[0], crest[1] - w(0.03)], neckTop, throat, P(0.56, 1.0), P(0.46, 0.8)];
  // Head: broad at the cheek, tapering to the muzzle.
  const hx = (muzzle[0] - neckTop[0]) / s;
  const hy = (muzzle[1] - neckTop[1]) / s;
  const hl = Math.hypot(hx, hy) || 1;
  const nx = -hy / hl;
  const ny = hx / hl;
  const off = (p: Pt, k: number): Pt => [p[0] + nx * k * s * d, p[1] + ny * k * s * d];
  const head: Pt[] = [
    off(neckTop, -0.02),
    off(lerpPt(neckTop, muzzle, 0.5), -0.035),
    off(muzzle, -0.03),
    off(muzzle, 0.045),
    off(lerpPt(neckTop, muzzle, 0.45), 0.1),
    off(lerpPt(neckTop, muzzle, 0.1), 0.09),
  ];
  drawCapsules(
    pen,
    [
      { pts: body, fill: coat, smooth: true },
      { pts: neck, fill: coat, smooth: true },
      { pts: head, fill: coat, smooth: true, shade: false },
      ...legParts(frontNear, coat),
      ...legParts(hindNear, coat),
    ],
    outline,
    hatch,
  );
  // Ears, eye, nostril, mane.
  const ear: Pt[] = [
    [neckTop[0] - w(0.02) * d, neckTop[1] - w(0.01)],
    [neckTop[0] - w(0.015) * d, neckTop[1] - w(0.11)],
    [neckTop[0] + w(0.04) * d, neckTop[1] - w(0.02)],
  ];
  pen.fillPoly(ear, coat);
  pen.poly(ear, outline);
  const eye = lerpPt(neckTop, muzzle, 0.3);
  pen.fillEllipse(eye[0], eye[1] - w(0.005), w(0.018), w(0.013), { color: "#1e1d1b", opacity: 1 });
  pen.fillEllipse(muzzle[0] - w(0.02) * d, muzzle[1] + w(0.03), w(0.012), w(0.01), { color: "#1e1d1b", opacity: 0.8 });
  const maneFrom = P(0.18, 1.0);
  for (let i = 0; i < 10; i++) {
    const p = lerpPt(maneFrom, neckTop, i / 9);
    const flow = g ? 0.09 : 0.05;
    pen.line([p[0] + w(0.01) * d, p[1] - w(0.02)], [p[0] - w(flow) * d, p[1] + w(0.06)], { ...outline, color: "#3b3a37", passes: 1 });
  }
  return P(0.0, 1.0);
}

export function door(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const w = s * 0.46;
  const frame: Pt[] = [
    [x - w / 2 - s * 0.04, y],
    [x - w / 2 - s * 0.04, y - s - s * 0.04],
    [x + w / 2 + s * 0.04, y - s - s * 0.04],
    [x + w / 2 + s * 0.04, y],
  ];
  pen.fillPoly(frame, inks.tone.t1);
  pen.poly(frame, ink);
  // Ajar: a dark gap on the hinge side says "someone is about to come through".
  const gap = w * 0.12;
  pen.fillRect({ x: x - w / 2, y: y - s, w: w, h: s }, o.night ? inks.tone.t4 : inks.tone.t3);
  const leaf: Pt[] = [
    [x - w / 2 + gap, y],
    [x - w / 2 + gap, y - s],
    [x + w / 2, y - s],
    [x + w / 2, y],
  ];
  pen.fillPoly(leaf, heroFill(inks, o, inks.tone.paper));
  pen.poly(leaf, ink, true);
  for (const [t0, t1] of [
    [0.08, 0.45],
    [0.55, 0.92],
  ] as const) {
    pen.poly(
      [
        [x - w / 2 + gap + w * 0.14, y - s * (1 - t0)],
        [x + w / 2 - w * 0.14, y - s * (1 - t0)],
        [x + w / 2 - w * 0.14, y - s * (1 - t1)],
        [x - w / 2 + gap + w * 0.14, y - s * (1 - t1)],
      ],
      inks.light,
      true,
    );
  }
  pen.fillEllipse(x + w * 0.36, y - s * 0.5, s * 0.018, s * 0.018, inks.tone.t4);
}

export function lamp(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const shadeTop = y - s;
  const shadeH = s * 0.22;
  if (o.night) {
    pen.fillPoly(
      [
        [x - s * 0.12, shadeTop + shadeH],
        [x + s * 0.12, shadeTop + shadeH],
        [x + s * 0.5, y],
        [x - s * 0.5, y],
      ],
      { color: "#fbf8f1", opacity: 0.45 },
    );
    pen.fillEllipse(x, shadeTop + shadeH * 0.5, s * 0.3, s * 0.3, { color: "#fbf8f1", opacity: 0.35 });
  }
  pen.fillEllipse(x, y, s * 0.14, s * 0.03, inks.tone.t3);
  pen.line([x, y], [x, shadeTop + shadeH], { ...ink, width: ink.width * 1.6 });
  const shade: Pt[] = [
    [x - s * 0.09, shadeTop],
    [x + s * 0.09, shadeTop],
    [x + s * 0.17, shadeTop + shadeH],
    [x - s * 0.17, shadeTop + shadeH],
  ];
  pen.fillPoly(shade, heroFill(inks, o, o.night ? { color: "#fbf8f1", opacity: 1 } : inks.tone.t1));
  pen.poly(shade, ink, true);
}

export function bike(pen: Pen, inks: Inks, x: number, y: number, s: number, o: PropOptions, ink: Ink): void {
  const d = o.dir;
  const r = s * 0.36;
  const P = (u: number, v: number): Pt => [x + u * s * d, y - v * s];
  const rear = P(-0.55, 0.36);
  const front = P(0.55, 0.36);
  const crank = P(-0.05, 0.36);
  const seat = P(-0.18, 0.92);
  const head = P(0.38, 0.95);
  for (const c of [rear, front]) {
    pen.ellipse(c[0], c[1], r, r, { ...ink, width: ink.width * 1.8 });
    pen.ellipse(c[0], c[1], r * 0.9, r * 0.9, { ...inks.faint, passes: 1 });
    pen.fillEllipse(c[0], c[1], r * 0.08, r * 0.08, inks.tone.t4);
  }
  const frameInk: Ink = { ...ink, color: o.hero ? inks.accent : ink.color, width: ink.width * 2 };
  pen.poly([rear, crank, seat, rear], frameInk);
  pen.poly([crank, P(0.36, 0.82), seat], frameInk);
  pen.line(P(0.36, 0.82), front, frameInk);
  pen.line(P(0.36, 0.82), head, ink);
  pen.line(head, P(0.3, 1.0), { ...ink, width: ink.width * 1.6 });
  pen.line(P(-0.28, 0.95), P(-0.08, 0.95), { ...ink, width: ink.width * 2.5 });
  pen.ellipse(crank[0], crank[1], r * 0.22, r * 0.22, ink);
}

export type TreeShape = "round" | "pine" | "palm" | "bare";

export function drawTree(pen: Pen, inks: Inks, x: number, y: number, s: number, shape: TreeShape, ink: Ink): void {
  pen.drawn.push("tree");
  const r = pen.rng;
  const trunkW = s * (shape === "pine" ? 0.05 : 0.07);
  const thin: Ink = { ...ink, width: Math.max(0.6, Math.min(ink.width, s * 0.012)) };
  if (shape === "palm") {
    const top: Pt = [x + s * 0.15, y - s];
    const trunk: Pt[] = [
      [x - s * 0.035, y],
      [x - s * 0.005 + s * 0.02, y - s * 0.5],
      [top[0] - s * 0.015, top[1]],
      [top[0] + s * 0.015, top[1]],
      [x + s * 0.035 + s * 0.02, y - s * 0.5],
      [x + s * 0.035, y],
    ];
    pen.fillCurve(trunk, inks.tone.t2);
    pen.curve(trunk, thin, true);
    for (let i = 1; i < 8; i++) {
      const p = lerpPt([x, y], top, i / 8);
      pen.line([p[0] - s * 0.03, p[1]], [p[0] + s * 0.03, p[1] - s * 0.01], { ...thin, opacity: 0.5, passes: 1 }, 0);
    }
    for (let i = 0; i < 6; i++) {
      const a = -Math.PI * (0.1 + i * 0.16);
      const tip: Pt = [top[0] + Math.cos(a) * s * 0.42, top[1] + Math.sin(a) * s * 0.2 + s * 0.2];
      const mid: Pt = [top[0] + Math.cos(a) * s * 0.22, top[1] + Math.sin(a) * s * 0.22 - s * 0.02];
      pen.fillCurve([top, mid, tip, [mid[0], mid[1] + s * 0.05]], inks.tone.t2);
      pen.curve([top, mid, tip], thin);
    }
    return;
  }
  if (shape === "pine") {
    pen.fillRect({ x: x - trunkW / 2, y: y - s * 0.25, w: trunkW, h: s * 0.25 }, inks.tone.t3);
    const tiers = 4;
    for (let i = 0; i < tiers; i++) {
      const by = y - s * (0.15 + i * 0.2);
      const w = s * (0.42 - i * 0.085);
      const tri: Pt[] = [
        [x - w, by],
        [x, by - s * 0.38],
        [x + w, by],
      ];
      pen.fillPoly(tri, inks.tone.t2);
      pen.hatch(
        [
          [x, by - s * 0.36],
          [x + w, by],
          [x + w * 0.2, by],
        ],
        -65,
        Math.max(2, s * 0.03),
        inks.hatch,
      );
      pen.poly(tri, thin);
    }
    return;
  }
  // Trunk with two limbs.
  const trunk: Pt[] = [
    [x - trunkW, y],
    [x - trunkW * 0.5, y - s * 0.55],
    [x + trunkW * 0.5, y - s * 0.55],
    [x + trunkW, y],
  ];
  pen.fillPoly(trunk, inks.tone.t2);
  pen.poly(trunk, thin);
  pen.line([x, y - s * 0.45], [x - s * 0.15, y - s * 0.7], thin);
  pen.line([x, y - s * 0.5], [x + s * 0.17, y - s * 0.75], thin);
  if (shape === "bare") return;
  // Foliage: a scalloped cloud, shaded on one side.
  const cx = x;
  const cy = y - s * 0.7;
  const rx = s * 0.36;
  const ry = s * 0.3;
  const pts: Pt[] = [];
  const n = 11;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const k = i % 2 ? 1.0 : 0.86 + r.range(-0.04, 0.06);
    pts.push([cx + Math.cos(a) * rx * k, cy + Math.sin(a) * ry * k]);
  }
  pen.fillCurve(pts, { color: "#cfcbc2", opacity: 1 });
  pen.hatch(
    [
      [cx + rx * 0.1, cy - ry * 0.8],
      [cx + rx * 0.95, cy - ry * 0.1],
      [cx + rx * 0.6, cy + ry * 0.9],
      [cx - rx * 0.5, cy + ry * 0.9],
    ],
    -55,
    Math.max(2, s * 0.03),
    inks.hatch,
  );
  pen.curve(pts, thin, true);
}
