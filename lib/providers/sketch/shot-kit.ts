import type { ShotType } from "@/lib/planner/schema";
import type { FigureAnchors } from "./figures";
import type { Inks } from "./inks";
import type { Fill, Pen, Pt, Rect } from "./pen";
import type { PropOptions } from "./prop-kit";
import { drawProp, GROUND_PROPS, PROP_ASPECT, PROP_HEIGHT } from "./props";
import type { Rng } from "./rng";
import type { Stage } from "./stage";
import type { FigureTraits, Pose, PropKind, SceneWords } from "./words";

// What every framing shares: the drawing context, who is in the scene and what they wear, the
// hero prop, and small set pieces (seats, tables, a prop on a surface, a vignette).

export const HELD: ReadonlySet<PropKind> = new Set(["phone", "cup", "book", "sword", "box", "bottle", "ball"]);

export const TABLE: ReadonlySet<PropKind> = new Set(["laptop", "pot", "cup", "book", "box", "bottle", "phone"]);

export type Ctx = {
  pen: Pen;
  inks: Inks;
  panel: Rect;
  u: number;
  rng: Rng;
  words: SceneWords;
  shot: ShotType;
  night: boolean;
  /** Called right after each framing draws its setting: the icon layer's background pass. */
  onStage?: (stage: Stage) => void;
  /** Per cast member (in words.people order): wardrobe derived from the character, not its slot. */
  looks?: readonly { shirt: Fill; trousers: Fill; hair: Fill }[];
};

export type Cast = { traits: FigureTraits; pose: Pose; main: boolean };

export function castOf(c: Ctx): Cast[] {
  const w = c.words;
  return w.people.map((traits, i) => {
    let pose: Pose = i === 0 ? w.pose : "standing";
    if (i > 0 && (w.pose === "walking" || w.pose === "running")) pose = w.pose;
    if (i > 0 && w.pose === "sitting") pose = "sitting";
    if (i > 0 && w.pose === "riding") pose = "walking";
    return { traits, pose, main: i === 0 };
  });
}

export function wardrobe(c: Ctx, i: number): { shirt: Fill; trousers: Fill; hair: Fill } {
  const look = c.looks?.[i];
  if (look) return look;
  const t = c.inks.tone;
  if (i === 0) return { shirt: { color: c.inks.accent, opacity: 1 }, trousers: t.t3, hair: t.t4 };
  const shirts = [t.t1, t.t2, { color: "#e9e5dc", opacity: 1 }];
  const trousers = [t.t4, t.t2, t.t3];
  const hair = [{ color: "#6e6b65", opacity: 1 }, t.t4, { color: "#8d8a84", opacity: 1 }];
  return {
    shirt: shirts[(i - 1) % 3] ?? t.t1,
    trousers: trousers[(i - 1) % 3] ?? t.t3,
    hair: hair[(i - 1) % 3] ?? t.t4,
  };
}

export function heroProp(c: Ctx): PropKind | null {
  return c.words.props.find((p) => p !== "tree") ?? null;
}

/** What an insert or extreme close-up shows when the scene names no object. */
export function fallbackProp(w: SceneWords): PropKind {
  switch (w.setting) {
    case "office":
      return "laptop";
    case "interior":
      return w.counter ? "cup" : "book";
    case "market":
    case "studio":
      return "box";
    case "road":
    case "city":
      return "phone";
    case "sea":
      return "bottle";
    default:
      return "book";
  }
}

export function propOpts(c: Ctx, dir: 1 | -1, hero: boolean, detailed: boolean, moving = false): PropOptions {
  return {
    dir,
    hero,
    steam: c.words.steam || (c.words.props.includes("cup") && c.words.time !== "night" && c.rng.chance(0.5)),
    plant: c.words.plant,
    night: c.night,
    moving,
    detailed,
  };
}

export function stageFor(c: Ctx, horizonK: number, refY: number, refH: number, clear: [number, number], wide: boolean): Stage {
  const { panel } = c;
  return {
    panel,
    u: c.u,
    horizon: panel.y + panel.h * horizonK,
    vp: panel.x + panel.w * c.rng.range(0.42, 0.58),
    refY,
    refH,
    time: c.words.time,
    words: c.words,
    wide,
    keepClear: clear,
  };
}

export function wash(c: Ctx, k: number): void {
  c.pen.fillRect(c.panel, { color: c.inks.paper, opacity: k });
}

export function holdProp(c: Ctx, kind: PropKind, a: FigureAnchors, F: number, dir: 1 | -1, twoHands: boolean, detailed: boolean): void {
  const size = PROP_HEIGHT[kind] * F * (kind === "sword" ? 1 : 1.15);
  const [hx, hy] = a.hands;
  const bottomY = kind === "sword" ? hy + size * 0.18 : hy + size * (twoHands ? 0.45 : 0.4);
  drawProp(c.pen, c.inks, kind, hx, bottomY, size, propOpts(c, dir, false, detailed));
}

export function seatAt(c: Ctx, x: number, y: number, F: number, dir: 1 | -1): void {
  const { pen, inks } = c;
  const w = F * 0.24;
  const top = y - F * 0.26;
  const seat: Pt[] = [
    [x - w / 2, top],
    [x + w / 2, top],
    [x + w / 2, top + F * 0.04],
    [x - w / 2, top + F * 0.04],
  ];
  pen.fillPoly(seat, inks.tone.t2);
  pen.poly(seat, inks.light, true);
  pen.line([x - w * 0.4, top + F * 0.04], [x - w * 0.4, y], inks.light, 0);
  pen.line([x + w * 0.4, top + F * 0.04], [x + w * 0.4, y], inks.light, 0);
  // Chair back behind the sitter.
  pen.line([x - (dir * w) / 2, top], [x - (dir * w) / 2 - dir * F * 0.02, top - F * 0.32], inks.light, 0);
}

export function tableAt(c: Ctx, x: number, y: number, F: number, width = F * 0.8): void {
  const { pen, inks } = c;
  const top = y - F * 0.42;
  const slab: Pt[] = [
    [x - width / 2, top],
    [x + width / 2, top],
    [x + width / 2 + F * 0.05, top + F * 0.05],
    [x - width / 2 - F * 0.05, top + F * 0.05],
  ];
  pen.fillPoly(slab, inks.tone.t1);
  pen.poly(slab, inks.main, true);
  for (const sx of [-0.45, 0.45]) pen.line([x + width * sx, top + F * 0.05], [x + width * sx, y], inks.light, 0);
}

/** A prop centred on a surface, large (inserts, and medium shots with nobody in them). */
export function propCentre(c: Ctx, kind: PropKind, size: number): Pt {
  const { panel, pen, inks } = c;
  const maxW = panel.w * 0.62;
  const s = Math.min(size, maxW / PROP_ASPECT[kind]);
  const cx = panel.x + panel.w / 2;
  const by = panel.y + panel.h * (GROUND_PROPS.has(kind) ? 0.86 : 0.78);
  drawProp(pen, inks, kind, cx, by, s, propOpts(c, 1, true, true));
  return [cx, by - s / 2];
}

/**
 * Darkened corners, the way a pencil does it: hatching that thickens into cross-hatching toward
 * each corner. (A radial gradient or stacked translucent rings cost rsvg 10–25 ms a frame; these
 * aliased hatch strokes cost about 1 ms.)
 */
export function vignette(c: Ctx): void {
  const { panel, pen, inks, u } = c;
  const x0 = panel.x;
  const y0 = panel.y;
  const x1 = panel.x + panel.w;
  const y1 = panel.y + panel.h;
  const ink = { ...inks.hatch, color: "#2b2a28", opacity: 0.5 };
  const corners: [Pt, number, number][] = [
    [[x0, y0], 1, 1],
    [[x1, y0], -1, 1],
    [[x1, y1], -1, -1],
    [[x0, y1], 1, -1],
  ];
  for (const [[cx, cy], sx, sy] of corners) {
    for (const [k, angle] of [
      [1, sx * sy > 0 ? -45 : 45],
      [0.62, sx * sy > 0 ? 45 : -45],
      [0.36, 0],
    ] as const) {
      pen.hatch(
        [
          [cx, cy],
          [cx + sx * panel.w * 0.3 * k, cy],
          [cx, cy + sy * panel.h * 0.5 * k],
        ],
        angle,
        u * 0.9,
        ink,
      );
    }
  }
}
