import { drawEye, drawReachingHand, drawShoulderSilhouette } from "./body-parts";
import { drawFigure } from "./figures";
import type { Fill, Pt } from "./pen";
import { lerp } from "./pen";
import { drawProp, GROUND_PROPS, PROP_ASPECT, PROP_HEIGHT } from "./props";
import { desk } from "./settings-rooms";
import { drawSetting } from "./settings";
import {
  castOf,
  fallbackProp,
  HELD,
  heroProp,
  holdProp,
  propCentre,
  propOpts,
  stageFor,
  vignette,
  wardrobe,
  wash,
  type Ctx,
} from "./shot-kit";
import { groundFor, heightAt } from "./stage";
import { DEFAULT_TRAITS, type Pose, type PropKind } from "./words";

// Close framings: close-up, extreme close-up, insert, over-the-shoulder, point of view.

/** Head and shoulders filling the frame. */
export function closeUp(c: Ctx): Pt {
  const { panel, rng, pen, inks } = c;
  const cast = castOf(c);
  const hero = heroProp(c);
  if (!cast.length) return insertLike(c, hero ?? fallbackProp(c.words), 0.72);
  const portrait = panel.w / panel.h < 1.1;
  const main = cast[0]!;
  // Children are drawn at 0.68 height with 1.22× heads; scale up so the head fills the same.
  const F = Math.min(panel.h * 3.1, panel.w * 2.6) / (main.traits.child ? 0.83 : 1);
  const side = rng.pick([-1, 1] as const);
  const hx = panel.x + panel.w * (0.5 + side * (portrait ? 0.04 : 0.12));
  const headY = panel.y + panel.h * 0.38;
  const feetY = headY + F * 0.92;
  const horizon = feetY - F * 0.93;
  const stage = stageFor(c, (horizon - panel.y) / panel.h, feetY, F, [hx - F * 0.2, hx + F * 0.2], false);
  drawSetting(pen, inks, stage);
  c.onStage?.(stage);
  const dir: 1 | -1 = side > 0 ? -1 : 1; // look into the open side of the frame
  if (cast.length > 1) {
    // The other character, small and soft behind.
    const o = cast[1]!;
    const ward = wardrobe(c, 1);
    const bx = panel.x + panel.w * (0.5 - side * 0.3);
    const gy = groundFor(stage, F * 0.28);
    drawFigure(pen, inks, {
      x: bx,
      y: gy,
      height: heightAt(stage, gy),
      dir: (-dir as 1 | -1),
      pose: "standing",
      traits: o.traits,
      shirt: ward.shirt,
      trousers: ward.trousers,
      hairTone: ward.hair,
      headTurn: side * 0.6,
      shadow: false,
    });
  }
  wash(c, 0.45);
  const ward = wardrobe(c, 0);
  const held = hero && (hero === "phone" || hero === "cup" || hero === "bottle" || hero === "book") ? hero : null;
  const a = drawFigure(pen, inks, {
    x: hx,
    y: feetY,
    headAt: [hx, headY],
    height: F,
    dir,
    pose: held ? "raising" : "standing",
    traits: main.traits,
    shirt: ward.shirt,
    trousers: ward.trousers,
    hairTone: ward.hair,
    headTurn: dir * 0.45,
    shadow: false,
  });
  // Light from the open side: hatch the shadow side of the face and neck.
  if (held) {
    // Raised to the face in the near hand: a cup below the chin, a phone at the cheek.
    const r0 = a.headRadius;
    // A letter or book held up to read sits a little lower and larger.
    const size = held === "phone" ? r0 * 1.1 : held === "book" ? r0 * 1.2 : r0 * 0.8;
    const [hx2, hy2] = a.handR;
    drawProp(pen, inks, held, hx2 + dir * size * 0.15, hy2 + size * (held === "phone" ? 0.55 : 0.45), size, propOpts(c, dir, false, true));
    // Fingers over the prop.
    pen.fillEllipse(hx2, hy2, r0 * 0.2, r0 * 0.17, inks.tone.paper);
    pen.ellipse(hx2, hy2, r0 * 0.2, r0 * 0.17, { ...inks.main, passes: 1 });
  }
  return [a.head[0], a.head[1]];
}

export function insertLike(c: Ctx, kind: PropKind, washK: number): Pt {
  const { panel, pen, inks } = c;
  const horizon = panel.y + panel.h * 0.35;
  const refY = panel.y + panel.h * 2.2;
  const stage = stageFor(c, 0.35, refY, (refY - horizon) * 1.1, [panel.x + panel.w * 0.3, panel.x + panel.w * 0.7], false);
  drawSetting(pen, inks, stage);
  c.onStage?.(stage);
  wash(c, washK);
  // Tabletop.
  const ty = panel.y + panel.h * 0.66;
  pen.fillPoly(
    [
      [panel.x, ty],
      [panel.x + panel.w, ty],
      [panel.x + panel.w, panel.y + panel.h],
      [panel.x, panel.y + panel.h],
    ],
    { color: "#e2dccd", opacity: 1 },
  );
  for (let i = 0; i < 6; i++) {
    const y = lerp(ty, panel.y + panel.h, (i + 0.5) / 6);
    pen.line([panel.x, y], [panel.x + panel.w, y + c.rng.jitter(c.u)], inks.faint);
  }
  pen.line([panel.x, ty], [panel.x + panel.w, ty], inks.main, 0);
  if (GROUND_PROPS.has(kind)) {
    // A car or horse "insert" is a detail of it: frame it large on the ground instead.
    return propCentre(c, kind, panel.h * 0.6);
  }
  return propCentre(c, kind, panel.h * 0.62);
}

export function insert(c: Ctx): Pt {
  const kind = heroProp(c) ?? fallbackProp(c.words);
  const at = insertLike(c, kind, 0.7);
  // With the cast in the scene, the main character's hand reaches in for it (and counts as them).
  if (castOf(c).length && !GROUND_PROPS.has(kind)) {
    const { panel } = c;
    const side = c.rng.pick([-1, 1] as const);
    const s = panel.h * 0.62;
    const grip: Pt = [at[0] + side * s * PROP_ASPECT[kind] * 0.35, at[1]];
    drawReachingHand(c.pen, c.inks, [panel.x + panel.w * (0.5 + side * 0.55), panel.y + panel.h * 1.1], grip, s * 0.45, c.looks?.[0]?.shirt ?? { color: c.inks.accent, opacity: 1 });
    c.pen.drawn.push("figure");
  }
  return at;
}

export function extremeCloseUp(c: Ctx): Pt {
  const { panel, pen, inks, rng } = c;
  const hero = heroProp(c);
  const cast = castOf(c);
  if (hero && !GROUND_PROPS.has(hero)) {
    // A hand on the object, filling the frame.
    const s = Math.min(panel.h * 0.8, (panel.w * 0.7) / PROP_ASPECT[hero]);
    const cx = panel.x + panel.w * 0.52;
    const by = panel.y + panel.h * 0.92;
    pen.fillRect(panel, { color: "#e4dfd2", opacity: 1 });
    pen.hatch(
      [
        [panel.x, panel.y],
        [panel.x + panel.w, panel.y],
        [panel.x + panel.w, panel.y + panel.h * 0.5],
        [panel.x, panel.y + panel.h * 0.5],
      ],
      -50,
      c.u * 1.1,
      inks.hatch,
    );
    drawProp(pen, inks, hero, cx, by, s, propOpts(c, 1, true, true));
    if (cast.length || c.words.detail === "hand") {
      const side = rng.pick([-1, 1] as const);
      const grip: Pt = [cx + side * s * PROP_ASPECT[hero] * 0.35, by - s * 0.45];
      drawReachingHand(pen, inks, [panel.x + panel.w * (0.5 + side * 0.55), panel.y + panel.h * 1.1], grip, s * 0.5, { color: inks.accent, opacity: 1 });
      // The hand is the main character's: it counts as them in `depicts`.
      if (cast.length) pen.drawn.push("figure");
    }
    return [cx, by - s / 2];
  }
  // Two of the cast and no object: a tight two-shot, both faces in frame.
  if (cast.length > 1) return closeUp(c);
  // An eye, the whole width: the character's (it counts as them in `depicts`).
  if (cast.length) pen.drawn.push("figure");
  const w = Math.min(panel.w * 0.62, panel.h * 1.25);
  const cx = panel.x + panel.w * 0.5;
  const cy = panel.y + panel.h * 0.56;
  pen.fillRect(panel, { color: "#efe9dd", opacity: 1 });
  // Nose bridge and cheek contour.
  pen.curve(
    [
      [cx + w * 0.62, panel.y],
      [cx + w * 0.68, cy],
      [cx + w * 0.6, panel.y + panel.h],
    ],
    inks.light,
  );
  pen.hatch(
    [
      [cx + w * 0.55, panel.y],
      [cx + w * 0.68, panel.y],
      [cx + w * 0.72, panel.y + panel.h],
      [cx + w * 0.55, panel.y + panel.h],
    ],
    80,
    c.u * 0.8,
    inks.hatch,
  );
  if (c.night) wash(c, 0);
  drawEye(pen, inks, cx, cy, w, rng.range(-0.6, 0.6));
  // The accent in the iris catch: a reflection of what they are looking at.
  return [cx, cy];
}

export function overTheShoulder(c: Ctx): Pt {
  const { panel, rng, pen, inks } = c;
  const cast = castOf(c);
  const hero = heroProp(c);
  const side = rng.pick([-1, 1] as const); // which side the foreground shoulder is on
  const F = panel.h * 1.5;
  const bx = panel.x + panel.w * (0.5 - side * 0.16);
  const feetY = panel.y + panel.h * 0.15 + F;
  const horizon = feetY - F * 0.93;
  const stage = stageFor(c, (horizon - panel.y) / panel.h, feetY, F, [bx - F * 0.2, bx + F * 0.2], false);
  drawSetting(pen, inks, stage);
  c.onStage?.(stage);
  wash(c, 0.25);
  let focus: Pt = [bx, panel.y + panel.h * 0.35];
  const other = cast[1];
  if (other) {
    const ward = wardrobe(c, 1);
    const pose: Pose = other.pose === "pointing" ? "pointing" : hero && HELD.has(hero) ? "holding" : "standing";
    const a = drawFigure(pen, inks, {
      x: bx,
      y: feetY,
      height: F,
      dir: (side > 0 ? -1 : 1) as 1 | -1,
      pose,
      traits: other.traits,
      shirt: ward.shirt,
      trousers: ward.trousers,
      hairTone: ward.hair,
      headTurn: side * 0.35,
      shadow: false,
    });
    if (hero && HELD.has(hero) && pose === "holding") holdProp(c, hero, a, F, 1, true, true);
    focus = [a.head[0], a.head[1]];
  } else if (hero) {
    const s = GROUND_PROPS.has(hero) ? PROP_HEIGHT[hero] * F * 0.6 : panel.h * 0.35;
    const y = GROUND_PROPS.has(hero) ? groundFor(stage, F * 0.6) : panel.y + panel.h * 0.8;
    if (!GROUND_PROPS.has(hero)) desk(pen, inks, bx, panel.y + panel.h * 1.25, panel.h * 1.3, false);
    drawProp(pen, inks, hero, bx, y, s, propOpts(c, 1, false, true));
    focus = [bx, y - s / 2];
  }
  const main = cast[0];
  const size = panel.h * 0.34;
  const sx = panel.x + panel.w * (0.5 + side * 0.38);
  drawShoulderSilhouette(pen, inks, sx, panel.y + panel.h * 0.62, size, (-side as 1 | -1), main?.traits ?? DEFAULT_TRAITS, panel.y + panel.h);
  if (main) {
    // The main character's wardrobe colour on the foreground shoulder keeps who-is-who readable.
    pen.fillCurve(
      [
        [sx - side * size * 0.2, panel.y + panel.h + 5],
        [sx - side * size * 0.15, panel.y + panel.h * 0.62 + size * 0.62],
        [sx - side * size * 1.0, panel.y + panel.h * 0.62 + size * 0.75],
        [sx - side * size * 1.5, panel.y + panel.h + 5],
      ],
      { color: inks.tone.accentDark.color, opacity: 0.9 },
    );
  }
  return focus;
}

/** What a character sees: the world ahead, their hands (and what they hold or ride) at the bottom. */
export function pov(c: Ctx): Pt {
  const { panel, pen, inks, rng } = c;
  const cast = castOf(c);
  const hero = heroProp(c);
  const horizonK = rng.range(0.4, 0.48);
  const horizon = panel.y + panel.h * horizonK;
  const refY = panel.y + panel.h * 0.78;
  const stage = stageFor(c, horizonK, refY, (refY - horizon) * 1.1, [panel.x + panel.w * 0.35, panel.x + panel.w * 0.65], true);
  drawSetting(pen, inks, stage);
  c.onStage?.(stage);
  // Whoever they look at stands ahead.
  const seen = cast.slice(1);
  seen.forEach((m, i) => {
    const ward = wardrobe(c, i + 1);
    const y = refY - panel.h * 0.12 - i * panel.h * 0.03;
    drawFigure(pen, inks, {
      x: panel.x + panel.w * (0.5 + (i - (seen.length - 1) / 2) * 0.16),
      y,
      height: heightAt(stage, y),
      dir: 1,
      pose: m.pose === "riding" ? "walking" : m.pose === "sitting" ? "standing" : m.pose,
      traits: m.traits,
      shirt: ward.shirt,
      trousers: ward.trousers,
      hairTone: ward.hair,
      headTurn: 0,
      shadow: true,
    });
  });
  const sleeve: Fill = cast.length ? { color: inks.accent, opacity: 1 } : inks.tone.t2;
  const b = panel.y + panel.h;
  const cx = panel.x + panel.w / 2;
  const hs = Math.min(panel.w, panel.h) * 0.2;
  if (hero === "horse") {
    // The horse's neck running away up the middle, mane down its crest, ears at the top, reins.
    const top = b - panel.h * 0.36;
    const coat: Fill = { color: "#b3aea4", opacity: 1 };
    const neck: Pt[] = [
      [cx - panel.w * 0.17, b + 5],
      [cx - panel.w * 0.06, b - panel.h * 0.24],
      [cx - panel.w * 0.035, top],
      [cx + panel.w * 0.035, top],
      [cx + panel.w * 0.06, b - panel.h * 0.24],
      [cx + panel.w * 0.17, b + 5],
    ];
    for (const sg of [-1, 1]) {
      const ear: Pt[] = [
        [cx + sg * panel.w * 0.012, top + panel.h * 0.01],
        [cx + sg * panel.w * 0.03, top - panel.h * 0.08],
        [cx + sg * panel.w * 0.042, top + panel.h * 0.015],
      ];
      pen.fillPoly(ear, coat);
      pen.poly(ear, inks.main);
    }
    pen.fillCurve(neck, coat);
    pen.curve(neck.slice(0, 3), inks.main);
    pen.curve(neck.slice(3), inks.main);
    pen.line(neck[2]!, neck[3]!, inks.main);
    const mane: Pt[] = [
      [cx - panel.w * 0.012, top + panel.h * 0.01],
      [cx + panel.w * 0.012, top + panel.h * 0.01],
      [cx + panel.w * 0.045, b + 5],
      [cx - panel.w * 0.045, b + 5],
    ];
    pen.fillPoly(mane, inks.tone.t3);
    // Mane: tufts flicking to either side of the crest.
    for (let i = 0; i < 16; i++) {
      const t = i / 15;
      const my = lerp(top + panel.h * 0.02, b, t);
      const mw = lerp(panel.w * 0.012, panel.w * 0.045, t);
      const sg = i % 2 ? 1 : -1;
      pen.line([cx + sg * mw * 0.2, my], [cx + sg * mw * 1.25, my + panel.h * 0.03], { ...inks.main, passes: 1 }, 0);
    }
    pen.hatch(neck.slice(3, 6).concat([[cx + panel.w * 0.04, b + 5]]), 70, c.u * 0.8, inks.hatch);
    const grips: Pt[] = [-1, 1].map((sg): Pt => [cx + sg * panel.w * 0.14, b - panel.h * 0.07]);
    for (const g of grips) pen.line(g, [cx + Math.sign(g[0] - cx) * panel.w * 0.035, top + panel.h * 0.06], { ...inks.main, passes: 1 });
    for (const g of grips) drawReachingHand(pen, inks, [g[0] + Math.sign(g[0] - cx) * panel.w * 0.18, b + hs], g, hs, sleeve);
  } else if (hero === "car") {
    // Dashboard and steering wheel.
    pen.fillRect({ x: panel.x, y: b - panel.h * 0.22, w: panel.w, h: panel.h * 0.22 }, inks.tone.t4);
    pen.line([panel.x, b - panel.h * 0.22], [panel.x + panel.w, b - panel.h * 0.22], inks.main, 0);
    const wr = panel.h * 0.3;
    pen.ellipse(cx - panel.w * 0.18, b + wr * 0.25, wr, wr * 0.75, { ...inks.bold, width: inks.bold.width * 4, color: "#2e2d2b" });
    for (const sg of [-1, 1]) drawReachingHand(pen, inks, [cx - panel.w * 0.18 + sg * wr * 1.4, b + hs], [cx - panel.w * 0.18 + sg * wr * 0.9, b - wr * 0.25], hs, sleeve);
  } else if (hero && !GROUND_PROPS.has(hero)) {
    const s = Math.min(panel.h * 0.5, (panel.w * 0.35) / PROP_ASPECT[hero]);
    const px = cx + panel.w * 0.06;
    const py = b - panel.h * 0.06;
    drawProp(pen, inks, hero, px, py, s, propOpts(c, 1, true, true));
    drawReachingHand(pen, inks, [px + panel.w * 0.2, b + hs], [px + s * PROP_ASPECT[hero] * 0.45, py - s * 0.3], hs, sleeve);
    drawReachingHand(pen, inks, [px - panel.w * 0.3, b + hs], [px - s * PROP_ASPECT[hero] * 0.5, py - s * 0.25], hs, sleeve);
  } else {
    for (const sg of [-1, 1]) drawReachingHand(pen, inks, [cx + sg * panel.w * 0.42, b + hs], [cx + sg * panel.w * 0.22, b - panel.h * 0.12], hs, sleeve);
  }
  vignette(c);
  return [cx, horizon];
}
