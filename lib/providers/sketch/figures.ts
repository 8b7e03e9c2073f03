import { drawCapsules, type Part } from "./capsules";
import { drawHead, drawLongHairBack } from "./heads";
import { mix, type Inks } from "./inks";
import { clamp, lerpPt, type Fill, type Ink, type Pen, type Pt } from "./pen";
import { POSES } from "./poses";
import type { FigureTraits, Pose } from "./words";

// Gesture figures the way storyboard artists block them in: a skeleton posed from the scene's verb,
// limbs as tapered capsules with one shared outline, a head with construction cross-lines, and
// enough hair/hat/dress to tell the characters apart from panel to panel.

export type FigureSpec = {
  /** Feet position in px (for riding/sitting: the ground under the seat). */
  x: number;
  y: number;
  /** Standing height of an adult at this depth, px (children are drawn smaller). */
  height: number;
  /** +1 faces right, -1 faces left. */
  dir: 1 | -1;
  pose: Pose;
  traits: FigureTraits;
  /** Shirt fill (accent for the main character). */
  shirt: Fill;
  trousers: Fill;
  hairTone: Fill;
  /** Front view: where the face looks, -1 (left) … 1 (right). */
  headTurn: number;
  /** Draw a cast shadow on the ground. */
  shadow: boolean;
  /** Place the figure so its head centre lands here (close-ups), instead of by the feet. */
  headAt?: Pt;
};

export type FigureAnchors = {
  /** Where a held prop sits (px): between the hands (front view) or the near hand (side). */
  hands: Pt;
  /** The raised / pointing / near hand. */
  handR: Pt;
  head: Pt;
  headRadius: number;
  top: number;
};

/** Pencil-tinted version of a fill: coloured pencil over paper rather than flat marker. */
function tint(f: Fill, paperShare: number): Fill {
  return { color: mix(f.color, "#f4f0e6", paperShare), opacity: 1 };
}

export function drawFigure(pen: Pen, inks: Inks, spec: FigureSpec): FigureAnchors {
  pen.drawn.push("figure");
  const base = POSES[spec.pose];
  const child = spec.traits.child;
  const F = spec.height * (child ? 0.68 : 1);
  const dir = spec.dir;
  const side = base.view === "side";
  const headScale = child ? 1.22 : 1;
  const lift = base.lift;
  const headRy = 0.066 * headScale * F;
  // Children's heads are rounder as well as bigger.
  const headRx = (child ? 0.06 : 0.053) * headScale * F;
  // Head centre relative to the neck joint, in px.
  const headOff = (neck: Pt): Pt => [neck[0] + (side ? F * 0.014 * dir : 0), neck[1] - F * 0.012 - headRy * 0.92];
  let ox = spec.x;
  let oy = spec.y;
  if (spec.headAt) {
    const neck0: Pt = [base.neck[0] * F * dir, (base.neck[1] - lift) * F];
    const h0 = headOff(neck0);
    ox = spec.headAt[0] - h0[0];
    oy = spec.headAt[1] - h0[1];
  }
  const X = (p: Pt): Pt => [ox + p[0] * F * dir, oy + (p[1] - lift) * F];

  const j = {
    neck: X(base.neck),
    shL: X(base.shoulderL),
    shR: X(base.shoulderR),
    pelvis: X(base.pelvis),
    hipL: X(base.hipL),
    hipR: X(base.hipR),
    elL: X(base.elbowL),
    haL: X(base.handL),
    elR: X(base.elbowR),
    haR: X(base.handR),
    knL: X(base.kneeL),
    ftL: X(base.footL),
    knR: X(base.kneeR),
    ftR: X(base.footR),
  };

  const olw = clamp(F * 0.0055, 0.8, pen.u * 0.3);
  const outline: Ink = { ...inks.main, width: olw, jitter: clamp(F * 0.004, 0.3, pen.u * 0.2) };
  const hatch: Ink | undefined = F > 90 ? { ...inks.hatch, width: Math.max(0.7, olw * 0.55), opacity: 0.55 } : undefined;
  const skin = inks.tone.paper;
  const shoes = inks.tone.t4;
  const W = (k: number) => k * F;
  const shirt = spec.shirt.color === inks.accent ? tint(spec.shirt, 0.18) : spec.shirt;
  const legs = spec.trousers;
  const detail = F * 0.132 * headScale;
  const female = spec.traits.female;

  if (spec.shadow && !spec.headAt) {
    const cy = spec.y + (spec.pose === "running" ? 0.01 * F : 0);
    pen.fillEllipse(spec.x + F * 0.04, cy, W(0.2), W(0.03), { color: "#3c3b38", opacity: 0.16 });
    if (F > 60) pen.hatchEllipse(spec.x + F * 0.04, cy, W(0.19), W(0.026), -35, Math.max(2.2, W(0.012)), inks.hatch);
  }

  const head = headOff(j.neck);
  const turn = side ? dir * 0.85 : clamp(spec.headTurn, -1, 1) * 0.7;
  const longHair = spec.traits.hair === "long" || spec.traits.hair === "braid";
  if (longHair) drawLongHairBack(pen, head, headRx, headRy, turn, spec.traits.hair, spec.hairTone, outline);

  const limb = { thigh: W(0.068), shin: W(0.05), upper: W(0.044), fore: W(0.036), hand: W(0.04), shoe: W(0.04) };

  const leg = (hip: Pt, knee: Pt, foot: Pt, tone: Fill): Part[] => {
    const toe: Pt = side
      ? [foot[0] + W(0.05) * dir, foot[1] + W(0.004)]
      : [foot[0] + (foot[0] > ox ? 1 : -1) * W(0.02), foot[1] + W(0.006)];
    return [
      { a: hip, b: knee, w: limb.thigh, fill: tone },
      { a: knee, b: foot, w: limb.shin, fill: tone },
      { a: [foot[0], foot[1] - W(0.01)], b: toe, w: limb.shoe, fill: shoes, shade: false },
    ];
  };
  // Upper arms hang from just inside and below the shoulder line, so the caps don't bulge.
  const armRoot = (sh: Pt): Pt => (side ? [sh[0], sh[1] + W(0.02)] : [sh[0] + (sh[0] < ox ? 1 : -1) * W(0.004), sh[1] + W(0.024)]);
  const arm = (sh: Pt, el: Pt, ha: Pt, tone: Fill): Part[] => [
    { a: armRoot(sh), b: el, w: limb.upper, fill: tone },
    { a: el, b: lerpPt(el, ha, 0.84), w: limb.fore, fill: tone },
    { a: ha, b: ha, w: limb.hand, fill: skin, shade: false },
  ];
  const shade = (f: Fill): Fill => ({ color: mix(f.color, "#3a3935", 0.18), opacity: 1 });

  // Torso: shirt and the top of the trousers as polygons in figure units, then mapped.
  const torso = (): Part[] => {
    const neckPart: Part = { a: j.neck, b: [j.neck[0], j.neck[1] - W(0.03)], w: W(0.038), fill: skin, shade: false };
    if (!side) {
      const waist = female ? 0.066 : 0.078;
      const hip = female ? 0.095 : 0.086;
      const sy = base.shoulderL[1];
      const shirtPts: Pt[] = (
        [
          [base.shoulderL[0] - 0.014, sy + 0.008],
          [-0.034, sy - 0.022],
          [0.034, sy - 0.022],
          [base.shoulderR[0] + 0.014, sy + 0.008],
          [0.097, sy + 0.1],
          [waist, -0.6],
          [hip, -0.53],
          [-hip, -0.53],
          [-waist, -0.6],
          [-0.097, sy + 0.1],
        ] as Pt[]
      ).map(X);
      const hips: Pt[] = (
        [
          [-hip, -0.545],
          [hip, -0.545],
          [hip + 0.004, -0.47],
          [0, -0.44],
          [-hip - 0.004, -0.47],
        ] as Pt[]
      ).map(X);
      return [neckPart, { pts: hips, fill: legs }, { pts: shirtPts, fill: shirt }];
    }
    // Side view: offsets front/back of the spine.
    const n = base.neck;
    const p = base.pelvis;
    const sx = p[0] - n[0];
    const sy2 = p[1] - n[1];
    const len = Math.hypot(sx, sy2);
    const ux = sx / len;
    const uy = sy2 / len;
    const fx = uy;
    const fy = -ux; // front normal (toward +x when upright)
    const at = (t: number, off: number): Pt => [n[0] + ux * len * t + fx * off, n[1] + uy * len * t + fy * off];
    const chest = female ? 0.068 : 0.062;
    const shirtPts: Pt[] = [at(0.02, 0.035), at(0.22, chest), at(0.68, 0.046), at(0.9, 0.055), at(0.9, -0.06), at(0.6, -0.045), at(0.12, -0.056), at(0.02, -0.035)].map(X);
    const hips: Pt[] = [at(0.86, 0.055), at(1.04, 0.05), at(1.08, -0.01), at(1.02, -0.062), at(0.86, -0.06)].map(X);
    return [neckPart, { pts: hips, fill: legs }, { pts: shirtPts, fill: shirt }];
  };

  if (side) {
    // Far limbs, a shade darker, then body, near leg, near arm.
    drawCapsules(pen, [...leg(j.hipL, j.knL, j.ftL, shade(legs)), ...arm(j.shL, j.elL, j.haL, shade(shirt))], outline, hatch);
    if (spec.traits.dress) drawDress(pen, j.pelvis, j.knL, j.knR, F, dir, shirt, outline, true);
    drawCapsules(pen, [...leg(j.hipR, j.knR, j.ftR, legs), ...torso()], outline, hatch);
    if (spec.traits.dress) drawDress(pen, j.pelvis, j.knL, j.knR, F, dir, shirt, outline, false);
    drawCapsules(pen, arm(j.shR, j.elR, j.haR, shirt), outline, hatch);
  } else {
    drawCapsules(pen, [...leg(j.hipL, j.knL, j.ftL, legs), ...leg(j.hipR, j.knR, j.ftR, legs)], outline, hatch);
    drawCapsules(pen, torso(), outline, hatch);
    if (spec.traits.dress) drawDress(pen, j.pelvis, j.knL, j.knR, F, dir, shirt, outline, false);
    drawCapsules(pen, [...arm(j.shL, j.elL, j.haL, shirt), ...arm(j.shR, j.elR, j.haR, shirt)], outline, hatch);
  }

  if (spec.pose === "pointing") {
    // The index finger says "pointing" more than the arm does.
    const el = j.elR;
    const ha = j.haR;
    const len = Math.hypot(ha[0] - el[0], ha[1] - el[1]) || 1;
    const tip: Pt = [ha[0] + ((ha[0] - el[0]) / len) * W(0.05), ha[1] + ((ha[1] - el[1]) / len) * W(0.05)];
    pen.line(ha, tip, { ...outline, width: Math.max(outline.width, W(0.012)), passes: 1 }, 0);
  }

  drawHead(pen, inks, {
    c: head,
    rx: headRx,
    ry: headRy,
    turn,
    traits: spec.traits,
    hairTone: spec.hairTone,
    outline,
    detail,
  });
  if (longHair && !side) drawFrontLocks(pen, head, headRx, headRy, turn, spec.hairTone, outline);

  return {
    hands: side ? j.haR : lerpPt(j.haL, j.haR, 0.5),
    handR: j.haR,
    head,
    headRadius: headRy,
    top: head[1] - headRy,
  };
}

/** Long hair falling in front of the shoulders, either side of the face. */
function drawFrontLocks(pen: Pen, c: Pt, rx: number, ry: number, turn: number, tone: Fill, outline: Ink): void {
  for (const s of [-1, 1]) {
    // The lock on the side the face turns away from shows more.
    const k = 1 + s * -turn * 0.4;
    const x0 = c[0] + s * rx * 0.95 + turn * rx * 0.1;
    const lock: Pt[] = [
      [x0 - s * rx * 0.12, c[1] - ry * 0.35],
      [x0 + s * rx * 0.2 * k, c[1] + ry * 0.4],
      [x0 + s * rx * 0.22 * k, c[1] + ry * 1.45],
      [x0 - s * rx * 0.08, c[1] + ry * 1.6],
      [x0 - s * rx * 0.14, c[1] + ry * 0.5],
    ];
    pen.fillCurve(lock, tone);
    pen.curve(lock.slice(0, 4), { ...outline, opacity: 0.6 });
  }
}

function drawDress(pen: Pen, pelvis: Pt, kL: Pt, kR: Pt, F: number, dir: number, fill: Fill, outline: Ink, back: boolean): void {
  const waistY = pelvis[1] - F * 0.09;
  const hemY = Math.max(kL[1], kR[1]) + F * 0.02;
  const minX = Math.min(kL[0], kR[0], pelvis[0]) - F * 0.075;
  const maxX = Math.max(kL[0], kR[0], pelvis[0]) + F * 0.075;
  const pts: Pt[] = back
    ? [
        [pelvis[0] - F * 0.04 * dir, waistY],
        [dir > 0 ? minX : maxX, hemY],
        [pelvis[0], hemY + F * 0.01],
      ]
    : [
        [pelvis[0] - F * 0.055, waistY],
        [pelvis[0] + F * 0.055, waistY],
        [maxX, hemY],
        [(minX + maxX) / 2, hemY + F * 0.015],
        [minX, hemY],
      ];
  pen.fillPoly(pts, { color: back ? mix(fill.color, "#3a3935", 0.18) : fill.color, opacity: 1 });
  pen.poly(pts, outline, true);
  if (!back && F > 120) {
    // Folds.
    const c = (minX + maxX) / 2;
    pen.line([c - F * 0.02, waistY + F * 0.05], [c - F * 0.05, hemY - F * 0.01], { ...outline, opacity: 0.45, passes: 1 });
    pen.line([c + F * 0.025, waistY + F * 0.06], [c + F * 0.06, hemY - F * 0.01], { ...outline, opacity: 0.45, passes: 1 });
  }
}
