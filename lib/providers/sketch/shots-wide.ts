import { drawFigure, type FigureSpec } from "./figures";
import type { Pt } from "./pen";
import { lerp } from "./pen";
import { drawProp, GROUND_PROPS, PROP_ASPECT, PROP_HEIGHT } from "./props";
import { drawHorse, drawTree } from "./props-large";
import { drawSetting } from "./settings";
import {
  castOf,
  fallbackProp,
  HELD,
  heroProp,
  holdProp,
  propCentre,
  propOpts,
  seatAt,
  stageFor,
  TABLE,
  tableAt,
  wardrobe,
  wash,
  type Cast,
  type Ctx,
} from "./shot-kit";
import { groundFor, heightAt, treeShapeFor, type Stage } from "./stage";
import type { Pose, PropKind } from "./words";

// Framings that show people in their world: extreme-wide, wide, medium.

/** Figures standing in a landscape at eye level: heads near the horizon. */
export function wideShot(c: Ctx, extreme: boolean): Pt {
  const { panel, rng } = c;
  const cast = castOf(c);
  const hero = heroProp(c);
  const landscape = ["desert", "mountains", "sea", "space", "road", "forest"].includes(c.words.setting);
  // Indoors there is no "extreme" distance: the far wall is a few metres away.
  const indoors = c.words.setting === "interior" || c.words.setting === "office";
  const far = extreme && !indoors;
  const horizonK = far ? (landscape ? rng.range(0.5, 0.6) : rng.range(0.45, 0.52)) : rng.range(0.38, 0.46);
  const horizon = panel.y + panel.h * horizonK;
  const refY = far ? horizon + panel.h * 0.1 : extreme ? panel.y + panel.h * 0.72 : panel.y + panel.h * 0.84;
  const refH = (refY - horizon) * 1.1;
  const mainX = panel.x + panel.w * (cast.length > 2 ? 0.42 : rng.pick([0.36, 0.62] as const));
  const groupW = refH * (0.5 + cast.length * 0.35);
  const stage = stageFor(c, horizonK, refY, refH, [mainX - groupW / 2, mainX + groupW / 2], true);
  drawSetting(c.pen, c.inks, stage);
  c.onStage?.(stage);

  const mainY = far ? refY : refY - panel.h * rng.range(0.0, 0.04);
  const dirMain: 1 | -1 = mainX < panel.x + panel.w / 2 ? 1 : -1;
  // Ground props beside the group; trees frame the shot.
  if (c.words.props.includes("tree") && c.words.setting !== "forest") {
    const tx = dirMain > 0 ? panel.x + panel.w * 0.86 : panel.x + panel.w * 0.14;
    const ty = lerp(horizon, mainY, 0.6);
    drawTree(c.pen, c.inks, tx, ty, Math.min(heightAt(stage, ty) * 3, (ty - panel.y) * 0.9), treeShapeFor(stage), c.inks.main);
  }
  return placeGroup(c, stage, cast, hero, mainX, mainY, dirMain, far ? 0.5 : 1);
}

/**
 * The cast at one ground line around mainX, with the hero prop where it belongs: ridden, held,
 * on a table or parked beside them. Returns the focus point.
 */
export function placeGroup(c: Ctx, stage: Stage, cast: Cast[], hero: PropKind | null, mainX: number, mainY: number, dirMain: 1 | -1, spread: number): Pt {
  const { pen, inks, rng } = c;
  const F = heightAt(stage, mainY);
  const detailed = F > c.panel.h * 0.9;
  const moving = cast[0]?.pose === "running" || cast[0]?.pose === "walking" || cast[0]?.pose === "riding";
  let focus: Pt = [mainX, mainY - F * 0.6];

  if (!cast.length) {
    // Nobody in the scene: the hero prop (or the setting) carries it.
    if (hero) {
      const size = Math.max(PROP_HEIGHT[hero], 0.25) * F * (GROUND_PROPS.has(hero) ? 1 : 2.2);
      if (!GROUND_PROPS.has(hero)) tableAt(c, mainX, mainY, F);
      const y = GROUND_PROPS.has(hero) ? mainY : mainY - F * 0.42;
      drawProp(pen, inks, hero, mainX, y, GROUND_PROPS.has(hero) ? PROP_HEIGHT[hero] * F : size * 0.5, propOpts(c, dirMain, true, detailed, moving));
      focus = [mainX, y - size * 0.3];
    }
    return focus;
  }

  // Slots: the others stand beside the main character, a little further back, facing them.
  const slots: { x: number; y: number; dir: 1 | -1 }[] = [];
  const step = Math.min(F * 0.55 * spread + F * 0.25, (c.panel.w * 0.6) / Math.max(1, cast.length - 0.5));
  const followers = moving;
  for (let i = 0; i < cast.length; i++) {
    if (i === 0) {
      slots.push({ x: mainX, y: mainY, dir: dirMain });
      continue;
    }
    const k = Math.ceil(i / 2);
    const side = followers ? -dirMain : i % 2 ? dirMain : -dirMain;
    const yy = mainY - F * 0.06 * k + rng.jitter(F * 0.02);
    const x = mainX + side * step * (followers ? i : k) * (followers ? 0.9 : 1.15);
    slots.push({ x, y: yy, dir: followers ? dirMain : side > 0 ? -1 : 1 });
  }
  // Draw back to front.
  const order = cast.map((m, i) => ({ m, i, slot: slots[i]! })).sort((a, b) => a.slot.y - b.slot.y);

  const held = hero && HELD.has(hero) ? hero : null;
  const ground = hero && GROUND_PROPS.has(hero) ? hero : null;
  const onTable = hero && !held && TABLE.has(hero) ? hero : null;

  // A parked car / a horse / a door sits beside or behind the main character.
  if (ground && ground !== "tree" && !(cast[0]?.pose === "riding" && (ground === "horse" || ground === "bike"))) {
    const gy = mainY - F * 0.1;
    const gF = heightAt(stage, gy);
    const w = PROP_ASPECT[ground] * PROP_HEIGHT[ground] * gF;
    const gx = mainX + dirMain * (w * 0.5 + F * 0.35) * (cast.length > 1 ? -1 : 1);
    drawProp(pen, inks, ground, gx, gy, PROP_HEIGHT[ground] * gF, propOpts(c, (-dirMain as 1 | -1), false, detailed, false));
  }

  for (const { m, i, slot } of order) {
    const Fi = heightAt(stage, slot.y);
    const ward = wardrobe(c, i);
    let pose = m.pose;
    if (i === 0 && held && (pose === "standing" || pose === "pointing")) pose = "holding";
    if (i === 0 && onTable && pose === "standing") pose = "sitting";
    const spec: FigureSpec = {
      x: slot.x,
      y: slot.y,
      height: Fi,
      dir: slot.dir,
      pose,
      traits: m.traits,
      shirt: ward.shirt,
      trousers: ward.trousers,
      hairTone: ward.hair,
      headTurn: i === 0 ? (cast.length > 1 ? slot.dir * 0.6 : slot.dir * 0.3) : slot.dir * 0.7,
      shadow: true,
    };
    if (pose === "riding") {
      const mount: PropKind = ground === "bike" || (!c.words.props.includes("horse") && c.words.props.includes("bike")) ? "bike" : "horse";
      const mountH = PROP_HEIGHT[mount] * Fi;
      let seat: Pt;
      if (mount === "horse") {
        seat = drawHorse(pen, inks, slot.x, slot.y, mountH, propOpts(c, slot.dir, false, detailed, true), { ...inks.main, width: Math.max(0.8, Math.min(inks.main.width * 1.25, mountH * 0.018)) });
      } else {
        drawProp(pen, inks, "bike", slot.x, slot.y, mountH, propOpts(c, slot.dir, false, detailed));
        seat = [slot.x - mountH * 0.18 * slot.dir, slot.y - mountH * 0.95];
      }
      const riderF = Fi * (m.traits.child ? 0.68 : 1);
      const a = drawFigure(pen, inks, { ...spec, x: seat[0], y: seat[1] + riderF * 0.28, shadow: false });
      if (i === 0) focus = [slot.x, a.head[1]];
      continue;
    }
    if (pose === "sitting") {
      seatAt(c, slot.x, slot.y, Fi, slot.dir);
      if (i === 0 && onTable) {
        const tx = slot.x + slot.dir * Fi * 0.42;
        tableAt(c, tx, slot.y, Fi, Fi * 0.7);
      }
    }
    const a = drawFigure(pen, inks, spec);
    if (i === 0) {
      focus = [slot.x, (a.head[1] + slot.y) / 2];
      if (held) holdProp(c, held, a, Fi, slot.dir, pose === "holding", detailed);
      if (onTable && pose === "sitting") {
        const tx = slot.x + slot.dir * Fi * 0.42;
        const size = PROP_HEIGHT[onTable] * Fi * 1.1;
        drawProp(pen, inks, onTable, tx + slot.dir * Fi * 0.06, slot.y - Fi * 0.44, size, propOpts(c, (-slot.dir as 1 | -1), false, detailed));
      } else if (onTable && pose !== "sitting") {
        const tx = slot.x + slot.dir * Fi * 0.5;
        tableAt(c, tx, slot.y + Fi * 0.02, Fi, Fi * 0.5);
        drawProp(pen, inks, onTable, tx, slot.y + Fi * 0.02 - Fi * 0.42, PROP_HEIGHT[onTable] * Fi * 1.1, propOpts(c, slot.dir, false, detailed));
      }
    }
  }
  return focus;
}

/** Waist-up figures; the world behind them at eye level. */
export function mediumShot(c: Ctx): Pt {
  const { panel, rng, pen, inks } = c;
  const cast = castOf(c).slice(0, 4);
  const hero = heroProp(c);
  const n = Math.max(1, cast.length);
  // Waist-up: hips near the bottom edge. Three or four people step back to knees-up.
  const F = n >= 3 ? Math.min(panel.h * 1.8, Math.max(panel.w / (0.36 * n + 0.25), panel.h * 1.25)) : panel.h * 1.8;
  const feetY = panel.y + panel.h * 0.1 + F * 0.99;
  const horizon = feetY - F * 0.93;
  const spacing = Math.min(panel.w / (n + 0.5), F * 0.42);
  // Too narrow for everyone side by side (portrait frames): the others stand further back.
  const staggered = n > 1 && spacing < F * 0.3;
  const mainSide = rng.pick([-1, 1] as const);
  const xs = cast.map((_, i) => {
    if (n === 1) return panel.x + panel.w * (0.5 + mainSide * 0.12);
    if (staggered) return panel.x + panel.w * (i === 0 ? 0.5 + mainSide * 0.2 : 0.5 - mainSide * (0.22 - (i - 1) * 0.18));
    return panel.x + panel.w / 2 + (i - (n - 1) / 2) * spacing * (mainSide > 0 ? 1 : -1);
  });
  const x0 = xs[0] ?? panel.x + panel.w / 2;
  const stage = stageFor(c, (horizon - panel.y) / panel.h, feetY, F, [Math.min(...xs, x0) - F * 0.15, Math.max(...xs, x0) + F * 0.15], false);
  drawSetting(pen, inks, stage);
  c.onStage?.(stage);
  const ground = hero && GROUND_PROPS.has(hero) && hero !== "tree" ? hero : null;
  if (ground && cast[0]?.pose !== "riding") {
    // Some way behind the characters, peeking out beside them.
    const gy = groundFor(stage, F * 0.32);
    const gF = heightAt(stage, gy);
    const w = PROP_ASPECT[ground] * PROP_HEIGHT[ground] * gF;
    const away = x0 < panel.x + panel.w / 2 ? 1 : -1;
    const gx = x0 + away * (F * 0.25 + w * 0.35);
    drawProp(pen, inks, ground, gx, gy, PROP_HEIGHT[ground] * gF, propOpts(c, (-away as 1 | -1), false, false));
  }
  wash(c, 0.22);
  if (!cast.length) {
    const kind = hero ?? fallbackProp(c.words);
    return propCentre(c, kind, panel.h * 0.5);
  }
  const held = hero && HELD.has(hero) ? hero : null;
  const table = hero && !held && TABLE.has(hero) ? hero : null;
  const seated = cast[0]?.pose === "sitting" || !!table;
  let focus: Pt = [x0, panel.y + panel.h * 0.3];
  let handsY = feetY - F * 0.62;
  const order = cast.map((m, i) => ({ m, i })).sort((a, b) => (staggered ? (a.i === 0 ? 1 : b.i === 0 ? -1 : 0) : 0));
  for (const { m, i } of order) {
    const x = xs[i] ?? x0;
    const mid = panel.x + panel.w / 2;
    const dir: 1 | -1 = n === 1 ? (x < mid ? 1 : -1) : x < (xs.reduce((a, b) => a + b, 0) / n) ? 1 : -1;
    const ward = wardrobe(c, i);
    let pose: Pose = m.pose === "pointing" ? "pointing" : "standing";
    if (i === 0 && (held || seated)) pose = "holding";
    const Fi = staggered && i > 0 ? F * 0.8 : i === 0 ? F : F * 0.96;
    const yi = staggered && i > 0 ? groundFor(stage, Fi) : feetY - (i === 0 ? 0 : F * 0.02);
    const a = drawFigure(pen, inks, {
      x,
      y: yi,
      height: Fi,
      dir,
      pose,
      traits: m.traits,
      shirt: ward.shirt,
      trousers: ward.trousers,
      hairTone: ward.hair,
      headTurn: n === 1 ? dir * 0.35 : dir * 0.65,
      shadow: false,
    });
    if (i === 0) {
      focus = [x, a.head[1] + F * 0.05];
      handsY = a.hands[1];
      if (held) holdProp(c, held, a, F, dir, true, true);
    }
  }
  if (seated || table) {
    // Behind a table: its edge just under the hands hides the lap.
    const ty = Math.min(panel.y + panel.h * 0.9, handsY + F * 0.02);
    pen.fillRect({ x: panel.x, y: ty, w: panel.w, h: panel.h }, inks.tone.t1);
    pen.line([panel.x, ty], [panel.x + panel.w, ty], inks.main, 0);
    pen.hatch(
      [
        [panel.x, ty + c.u],
        [panel.x + panel.w, ty + c.u],
        [panel.x + panel.w, panel.y + panel.h],
        [panel.x, panel.y + panel.h],
      ],
      -8,
      c.u * 1.2,
      inks.hatch,
    );
    if (table) {
      const away = x0 < panel.x + panel.w / 2 ? 1 : -1;
      const size = PROP_HEIGHT[table] * F * 1.1;
      const px = x0 + away * (F * 0.16 + size * PROP_ASPECT[table] * 0.5);
      drawProp(pen, inks, table, px, ty + c.u * 1.5, size, propOpts(c, (-away as 1 | -1), false, true));
    }
  }
  return focus;
}
