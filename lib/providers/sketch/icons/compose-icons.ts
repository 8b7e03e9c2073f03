import type { ShotType } from "@/lib/planner/schema";
import { drawReachingHand } from "../body-parts";
import type { Inks } from "../inks";
import { lerp, type Pen, type Pt, type Rect } from "../pen";
import type { Rng } from "../rng";
import { groundFor, heightAt, type Stage } from "../stage";
import type { SettingKind } from "../words";
import { drawIcon, type IconBox } from "./draw-icon";
import type { SceneNoun } from "./scene-nouns";

// Places the things a scene names (beyond the people and the built-in props) by the shot: an
// insert fills the frame with the prop, a wide stands the landmark in the setting with the
// figures small, a close-up keeps the prop in the foreground. Each placement is recorded so the
// frame can say what it drew.

/** Nouns the built-in prop drawings already draw well (hand-drawn, held in hands, ridden). */
const BUILTIN = new Set(
  (
    "phone,smartphone,cellphone,mobile,iphone,box,package,parcel,carton,gift,present,crate,bottle,flask,jar,perfume,soda,wine,car,taxi,sedan,jeep,automobile,convertible," +
    "horse,pony,mare,stallion,foal,steed,colt,cup,mug,coffee,tea,espresso,latte,cappuccino,teacup,laptop,computer,macbook,pot,saucepan,kettle,soup,stew,flowerpot," +
    "book,novel,diary,journal,letter,notebook,map,scroll,page,door,doorway,entrance,gate,lamp,flashlight,bike,bicycle,cycle,sword,blade,saber," +
    "sabre,katana,dagger,ball,football,soccer,basketball,volleyball,tree,oak,birch,willow,palm"
  ).split(","),
);

/** What each setting's drawing shows, so "beach" or "street" counts as drawn when the setting is. */
export const SETTING_NOUNS: Record<SettingKind, readonly string[]> = {
  sea: ["river", "ice", "ice shelf", "iceberg", "sea", "ocean", "beach", "shore", "coast", "coastline", "wave", "water", "harbour", "harbor", "bay", "surf", "seaside", "sand", "horizon", "lake", "tide"],
  city: ["city", "street", "building", "town", "avenue", "sidewalk", "pavement", "skyline", "alley", "skyscraper", "window", "rooftop", "roof", "village", "square", "plaza"],
  interior: ["room", "kitchen", "window", "wall", "floor", "table", "counter", "home", "house", "apartment", "shelf", "sofa", "couch", "bed", "cafe", "café", "restaurant", "diner", "cottage", "cabin", "hut"],
  office: ["office", "desk", "window", "chair", "monitor", "whiteboard", "cubicle", "screen", "wall"],
  market: ["market", "stall", "bazaar", "awning", "marketplace", "stand", "vendor", "crate", "fruit", "festival", "fair"],
  desert: ["desert", "dune", "sand", "steppe", "field", "grass", "meadow", "plain", "prairie", "hill", "pasture", "grassland", "farmland", "countryside", "park", "garden", "lawn"],
  mountains: ["mountain", "peak", "summit", "cliff", "ridge", "valley", "slope", "snow", "rock", "hill", "glacier", "canyon"],
  forest: ["forest", "wood", "woods", "tree", "pine", "woodland", "jungle", "grove", "clearing", "undergrowth"],
  road: ["road", "highway", "freeway", "motorway", "asphalt", "lane", "verge"],
  space: ["space", "planet", "star", "moon", "orbit", "galaxy", "cosmos", "asteroid", "nebula"],
  studio: ["backdrop", "studio", "background", "table", "surface"],
};

/** Heights relative to a standing adult, by noun; the category decides the rest. */
const SIZE: Record<string, number> = {
  cat: 0.24, kitten: 0.18, dog: 0.34, puppy: 0.22, seagull: 0.2, gull: 0.2, bird: 0.16, crow: 0.16, raven: 0.16, owl: 0.2, parrot: 0.2, pigeon: 0.14, duck: 0.2,
  chicken: 0.24, hen: 0.24, rooster: 0.28, rabbit: 0.2, mouse: 0.06, rat: 0.08, fox: 0.32, wolf: 0.45, bear: 0.9, sheep: 0.55, goat: 0.55, cow: 0.85, pig: 0.5,
  camel: 1.15, elephant: 1.8, lion: 0.6, tiger: 0.6, deer: 0.8, robot: 0.55, android: 0.9, dragon: 1.6, unicorn: 1.0, penguin: 0.4, turtle: 0.2, frog: 0.08,
  "cargo bike": 0.62, "cargo bicycle": 0.62, "electric bike": 0.58, scooter: 0.6, motorcycle: 0.62, truck: 1.55, "food truck": 1.6, van: 1.2, bus: 1.7, "school bus": 1.7,
  tractor: 1.2, ambulance: 1.4, "fire truck": 1.6, boat: 1.1, "fishing boat": 1.2, trawler: 1.4, ship: 2.6, ferry: 2.2, airplane: 1.2, helicopter: 1.1, train: 1.8,
  lighthouse: 5.2, yurt: 1.7, tent: 1.1, hospital: 3.6, school: 2.8, house: 2.4, hut: 1.7, cabin: 2.0, castle: 4.5, church: 4, mosque: 4, tower: 5, skyscraper: 6,
  windmill: 4, "wind turbine": 6, shop: 1.8, stall: 1.6, bazaar: 1.8, market: 1.8, stadium: 3, factory: 3, bridge: 2.2, fountain: 1.2, "ferris wheel": 5,
  kite: 0.5, balloon: 0.3, "hot air balloon": 2.5, umbrella: 0.55, backpack: 0.28, guitar: 0.45, chair: 0.5, desk: 0.45, bed: 0.5, bench: 0.45, wheelchair: 0.55,
  stethoscope: 0.14, syringe: 0.1, clipboard: 0.14, chart: 0.14, sandwich: 0.07, cake: 0.14, pizza: 0.05, net: 0.4, "fishing net": 0.4, anchor: 0.35, cauldron: 0.28,
  "magic pot": 0.24, coin: 0.04, coins: 0.05, gold: 0.06, bag: 0.22, crown: 0.1, treasure: 0.3, chest: 0.3, rope: 0.2, flower: 0.15, rocket: 3, "solar panel": 0.7,
};
const CATEGORY_SIZE: Record<string, number> = { animal: 0.4, vehicle: 1.1, landmark: 2.6, plant: 0.35, nature: 2.2, food: 0.08, prop: 0.2 };

const FLYERS = new Set(["seagull", "gull", "bird", "crow", "raven", "owl", "parrot", "pigeon", "eagle", "hawk", "kite", "balloon", "hot air balloon", "airplane", "plane", "helicopter", "butterfly", "bee", "dragon"]);

export const sizeOf = (n: SceneNoun): number => SIZE[n.noun] ?? CATEGORY_SIZE[n.category] ?? 0.3;

export type IconScene = {
  /** What an insert / extreme close-up shows. */
  hero: SceneNoun | null;
  landmark: SceneNoun | null;
  vehicles: SceneNoun[];
  animals: SceneNoun[];
  props: SceneNoun[];
  /** The scene puts its landmark on a hill, a rock, a cliff. */
  hill: boolean;
};

/** The nouns the icon layer draws (not the people, not what the setting or built-in props draw). */
export function iconNouns(nouns: readonly SceneNoun[], setting: SettingKind): SceneNoun[] {
  const scenery = new Set(SETTING_NOUNS[setting]);
  return nouns.filter((n) => n.icon && n.category !== "person" && !BUILTIN.has(n.noun) && !scenery.has(n.noun) && !(n.category === "nature" && !SIZE[n.noun]));
}

const isAnimalLike = (n: SceneNoun) => n.category === "animal" || n.character !== undefined;

export function planIcons(nouns: readonly SceneNoun[], shot: ShotType = "medium", all: readonly SceneNoun[] = nouns): IconScene {
  // Things as big as a building are placed as landmarks whatever WordNet files them under
  // ("windmill" is a machine there).
  const own = nouns.filter((n) => n.inDescription).map((n) => (n.category !== "landmark" && !n.character && (SIZE[n.noun] ?? 0) >= 1.5 && n.category !== "vehicle" && n.category !== "animal" ? { ...n, category: "landmark" as const } : n));
  // The idea's wider prompt lends its landmark when the scene names none ("…the lighthouse").
  const landmark = own.find((n) => n.category === "landmark") ?? nouns.find((n) => n.category === "landmark") ?? null;
  const vehicles = own.filter((n) => n.category === "vehicle" && !n.character).slice(0, 2);
  const animals = own.filter(isAnimalLike).slice(0, 3);
  const props = own.filter((n) => (n.category === "prop" || n.category === "food" || n.category === "plant") && !n.character).slice(0, 3);
  // The subject is what the scene names first ("The cheese sandwich…", "Pixel the cat hisses…"),
  // not an owner ("the cargo bike's battery"); close framings of a cast animal frame the animal.
  const things = own.filter((n) => n.category !== "person" && n !== landmark && n.category !== "nature");
  const castAnimal = shot === "close-up" || shot === "medium" || shot === "over-the-shoulder" ? things.find((n) => n.character) : undefined;
  const hero = castAnimal ?? things.find((n) => !n.owner) ?? things[0] ?? (landmark?.inDescription ? landmark : null);
  const hill = all.some((n) => /^(hill|hilltop|mound|cliff|headland|rock|crag|island|promontory|knoll)$/.test(n.noun));
  return { hero, landmark, vehicles, animals, props, hill };
}

export type IconLayer = {
  pen: Pen;
  inks: Inks;
  panel: Rect;
  u: number;
  rng: Rng;
  shot: ShotType;
  plan: IconScene;
  /** Nouns placed so far (the frame's `depicts`). */
  placed: Set<string>;
  /** Set by the stage hook: where the world's ground is and who stands where. */
  stage: Stage | null;
  /** How many people the shot draws. */
  castSize: number;
  /** Where each placed noun was drawn (before the push-in), to tell what stays in frame. */
  boxes: Map<string, IconBox>;
  /** The push-in applied to the whole shot afterwards. */
  view: { k: number; ax: number; ay: number };
};

function place(l: IconLayer, n: SceneNoun, cx: number, bottom: number, height: number, o: { flip?: boolean; hero?: boolean; far?: boolean; hatch?: number } = {}): IconBox | null {
  if (!n.icon || height < l.u * 1.2) return null;
  const box = drawIcon(l.pen, l.inks, n.icon, {
    cx,
    bottom,
    height,
    flip: o.flip,
    hero: o.hero,
    far: o.far,
    hatch: o.hatch,
    tone: n.category === "landmark" || n.category === "nature" ? l.inks.tone.paper : o.hero ? { color: "#e6e0d3", opacity: 1 } : l.inks.tone.t1,
    seed: l.rng.int(1, 1_000_000),
  });
  // What stays mostly in the panel after the push-in counts as drawn (decided at the end); of a
  // flock, the biggest one.
  const prev = l.boxes.get(n.noun);
  if (!prev || prev.h < box.h) l.boxes.set(n.noun, box);
  l.placed.add(n.noun);
  return box;
}

/** A rocky headland or mound for a landmark at sea, so a lighthouse doesn't stand in the water. */
function mound(l: IconLayer, cx: number, y: number, w: number): void {
  const pts: Pt[] = [
    [cx - w * 0.75, y + w * 0.1],
    [cx - w * 0.5, y - w * 0.04],
    [cx - w * 0.2, y - w * 0.09],
    [cx + w * 0.25, y - w * 0.08],
    [cx + w * 0.55, y - w * 0.02],
    [cx + w * 0.8, y + w * 0.12],
  ];
  l.pen.fillCurve(pts, l.inks.tone.t2);
  l.pen.curve(pts, l.inks.main);
  l.pen.hatch(pts, 35, l.u * 0.9, l.inks.hatch);
}

/** The free side of the stage: away from where the subject stands. */
function freeSide(s: Stage, rng: Rng): 1 | -1 {
  const [c0, c1] = s.keepClear;
  const left = c0 - s.panel.x;
  const right = s.panel.x + s.panel.w - c1;
  if (Math.abs(left - right) < s.panel.w * 0.08) return rng.pick([-1, 1] as const);
  return right > left ? 1 : -1;
}

/**
 * Background pass, called right after the setting is drawn (before the figures): the landmark,
 * vehicles and big animals on the stage's ground, in its perspective.
 */
export function drawIconBackground(l: IconLayer, s: Stage): void {
  l.stage = s;
  const { panel, rng, plan } = l;
  const close = l.shot === "close-up" || l.shot === "over-the-shoulder" || l.shot === "medium";
  const side = freeSide(s, rng);
  const [c0, c1] = s.keepClear;
  const freeX0 = side > 0 ? c1 : panel.x;
  const freeX1 = side > 0 ? panel.x + panel.w : c0;
  const bottomY = panel.y + panel.h;

  if (plan.landmark) {
    const lm = plan.landmark;
    const horizonRoom = s.horizon - panel.y;
    // Stand it a little behind the subject's ground line; never taller than the sky above it.
    const y = close ? Math.min(bottomY - panel.h * 0.05, s.horizon + panel.h * rng.range(0.04, 0.1)) : lerp(s.horizon, s.refY, rng.range(0.12, 0.35));
    const perspective = close ? panel.h * 0.6 : heightAt(s, y) * sizeOf(lm);
    const maxH = (y - panel.y) * rng.range(0.78, 0.92);
    // With nobody in the scene the landmark is its subject: big enough to read at thumbnail size.
    const minH = l.castSize === 0 && lm.inDescription ? panel.h * 0.5 : Math.min(panel.h * 0.3, horizonRoom * 1.2);
    const h = Math.max(Math.min(perspective, maxH, panel.h * 0.9), Math.min(minH, maxH));
    const w = h * ((lm.icon?.w ?? 100) / (lm.icon?.h ?? 100));
    const x = Math.min(Math.max(lerp(freeX0, freeX1, rng.range(0.35, 0.65)), panel.x + w * 0.3), panel.x + panel.w - w * 0.3);
    if (s.words.setting === "sea" || s.words.setting === "mountains" || plan.hill) {
      mound(l, x, y, Math.max(w, h * 0.45));
      for (const k of ["headland", "rock", "cliff", "promontory", "hill", "hilltop", "mound", "knoll", "crag"]) l.placed.add(`@${k}`);
    }
    if (lm.plural && !close) {
      // "Tents along the edge": a row of them along the far ground, not one giant.
      const rh = Math.min(h, panel.h * 0.2);
      const rw = rh * ((lm.icon?.w ?? 100) / (lm.icon?.h ?? 100));
      const ry = lerp(s.horizon, s.refY, 0.15);
      for (let j = 0; j < 4; j++) place(l, lm, panel.x + rw * 0.7 + j * rw * 1.25 + (side < 0 ? panel.w - rw * 6.4 : 0), ry + j * panel.h * 0.005, rh * (1 - j * 0.06), { flip: j % 2 === 1, hatch: 0.4 });
    } else place(l, lm, x, y, h, { flip: rng.chance(0.5), far: !close && h < panel.h * 0.25, hatch: 0.45 });
    // A bird named with a landmark circles it.
    const flyer = plan.animals.find((a) => FLYERS.has(a.noun));
    if (flyer && !close) {
      const fh = Math.max(panel.h * 0.06, h * 0.12);
      place(l, flyer, x + (side > 0 ? -1 : 1) * w * rng.range(0.5, 0.8), y - h * rng.range(0.75, 0.95), fh, { flip: side < 0, hatch: 0.3 });
    }
  }

  if (l.shot === "close-up" || l.shot === "over-the-shoulder") return;
  // Vehicles: on the subject's ground beside the group (a medium: some way behind them); with
  // nobody in the scene the vehicle is the subject and stands where they would.
  plan.vehicles.forEach((v, i) => {
    if (l.placed.has(v.noun)) return;
    const alone = l.castSize === 0 && i === 0;
    const y = l.shot === "medium" ? groundFor(s, s.refH * 0.34) : alone ? s.refY : lerp(s.horizon, s.refY, 0.8 - i * 0.2);
    const h = Math.max(heightAt(s, y) * sizeOf(v) * (alone ? 1.6 : 1), alone ? panel.h * 0.22 : 0);
    const w = h * ((v.icon?.w ?? 100) / (v.icon?.h ?? 100));
    const x = alone
      ? (c0 + c1) / 2
      : side > 0
        ? Math.min(c1 + w * 0.55 + i * w * 0.4, panel.x + panel.w - w * 0.35)
        : Math.max(c0 - w * 0.55 - i * w * 0.4, panel.x + w * 0.35);
    place(l, v, x, y, h, { flip: side < 0, hatch: 0.5 });
    // "Two food trucks": the second one facing it.
    if (v.plural && alone) place(l, v, x - side * w * 1.05, y - panel.h * 0.01, h * 0.95, { flip: side > 0, hatch: 0.5 });
  });
}

/**
 * Foreground pass, after the figures: what the shot holds up to the camera (props, small
 * animals), and for framings with no stage hook, everything.
 */
export function drawIconForeground(l: IconLayer, focus: Pt): void {
  const { panel, rng, plan } = l;
  const s = l.stage;
  const bottomY = panel.y + panel.h;
  const awayX = focus[0] < panel.x + panel.w / 2 ? 1 : -1;
  const wide = l.shot === "wide" || l.shot === "extreme-wide" || l.shot === "pov";

  if (wide && s) {
    // Animals at the group's feet, or in the sky for birds with no landmark to circle.
    let cursor: number | null = null;
    plan.animals.forEach((a, i) => {
      if (l.placed.has(a.noun)) return;
      if (FLYERS.has(a.noun)) {
        // "Hundreds of kites": a sky full, near ones big; one bird: one, up and away.
        const n = a.plural ? 7 : 1;
        for (let j = 0; j < n; j++) {
          const k = a.plural ? rng.range(0.35, 1) : 1;
          const h = Math.max(panel.h * 0.05, heightAt(s, s.refY) * (a.plural ? 0.5 : 0.25)) * k;
          place(l, a, panel.x + panel.w * rng.range(0.08, 0.92), panel.y + panel.h * rng.range(0.06, 0.26) + h, h, { flip: rng.chance(0.5), hatch: 0.2, far: k < 0.5 });
        }
        return;
      }
      const y = Math.min(bottomY - panel.h * 0.02, s.refY + panel.h * (0.02 + i * 0.03));
      const h = heightAt(s, y) * sizeOf(a);
      const w = h * ((a.icon?.w ?? 100) / (a.icon?.h ?? 100));
      // Side by side, never on top of each other: each one starts past the last one's box.
      const gap = heightAt(s, y) * 0.12;
      const x = cursor === null ? focus[0] + awayX * (heightAt(s, y) * (l.castSize ? 0.35 : 0) + w / 2) : cursor + awayX * (gap + w / 2);
      const cx = Math.min(Math.max(x, panel.x + w * 0.5), panel.x + panel.w - w * 0.5);
      const box = place(l, a, cx, y, h, { flip: awayX > 0, hatch: 0.5 });
      if (box) cursor = awayX > 0 ? box.x + box.w : box.x;
      // "Penguins", "two cows": a few of them, a little further back.
      if (a.plural && box) {
        for (let j = 1; j <= 2; j++) {
          const yj = y - panel.h * 0.025 * j;
          const hj = heightAt(s, yj) * sizeOf(a);
          const xj = Math.min(Math.max(cx - awayX * (w * 0.7 * j), panel.x + w * 0.5), panel.x + panel.w - w * 0.5);
          place(l, a, xj, yj, hj, { flip: j % 2 === 1 ? awayX < 0 : awayX > 0, hatch: 0.4 });
        }
      }
    });
    // Flying things named as props (kites, balloons) go up; the rest at the group's feet.
    plan.props.filter((p) => FLYERS.has(p.noun)).forEach((p) => {
      const n = p.plural ? 7 : 1;
      for (let j = 0; j < n; j++) {
        const k = p.plural ? rng.range(0.35, 1) : 1;
        const h = panel.h * (p.plural ? 0.16 : 0.2) * k;
        const x = p.plural ? panel.x + panel.w * rng.range(0.08, 0.92) : focus[0] + awayX * panel.w * rng.range(0.12, 0.25);
        place(l, p, x, panel.y + panel.h * rng.range(0.06, 0.22) + h, h, { flip: rng.chance(0.5), hatch: 0.3, far: k < 0.5 });
      }
    });
    plan.props.filter((p) => !FLYERS.has(p.noun)).forEach((p, i) => {
      const y = Math.min(bottomY - panel.h * 0.03, s.refY + panel.h * 0.03);
      const h = Math.max(heightAt(s, y) * sizeOf(p) * 1.6, panel.h * 0.09);
      const x = focus[0] - awayX * heightAt(s, y) * (0.3 + i * 0.25);
      place(l, p, Math.min(Math.max(x, panel.x + h), panel.x + panel.w - h), y, h, { hatch: 0.4 });
    });
    return;
  }

  // Over the shoulder of someone talking to an animal (or a robot): it is the one facing us.
  if (l.shot === "over-the-shoulder" && l.castSize < 2) {
    const listener = plan.animals.find((a) => a.character) ?? plan.animals[0];
    if (listener && !l.placed.has(listener.noun)) {
      const h = panel.h * Math.min(0.62, 0.3 + sizeOf(listener) * 0.6) * rng.range(0.92, 1.08);
      const x = panel.x + panel.w * (focus[0] < panel.x + panel.w / 2 ? 0.4 : 0.6);
      place(l, listener, x, panel.y + panel.h * 0.86, h, { flip: x > panel.x + panel.w / 2, hero: true, hatch: 0.5 });
    }
  }
  // Medium, close-up, over-the-shoulder: props and animals up front, big, cropped by the bottom.
  const items = [...plan.props, ...plan.animals, ...plan.vehicles].filter((n) => !l.placed.has(n.noun)).slice(0, 3);
  const k = l.shot === "medium" ? 0.42 : l.shot === "over-the-shoulder" ? 0.36 : 0.48;
  items.forEach((n, i) => {
    const h = panel.h * k * (i === 0 ? 1 : i === 1 ? 0.7 : 0.55) * rng.range(0.9, 1.1);
    const w = h * ((n.icon?.w ?? 100) / (n.icon?.h ?? 100));
    const sideX = i === 1 ? -awayX : awayX;
    // The third goes further out on the first one's side.
    const x = focus[0] + sideX * (panel.w * (l.shot === "close-up" ? 0.3 : 0.24) + w * 0.2) + (i === 2 ? awayX * panel.w * 0.2 : 0);
    // Animals sit up in the frame, whole; things are cropped by the bottom edge as if held.
    const animal = n.category === "animal" || n.character !== undefined;
    const cx = Math.min(Math.max(x, panel.x + w * (animal ? 0.55 : 0.4)), panel.x + panel.w - w * (animal ? 0.55 : 0.4));
    const bottom = animal ? bottomY - panel.h * 0.02 : bottomY + h * rng.range(0.04, 0.14);
    place(l, n, cx, bottom, animal ? h * 1.15 : h, { flip: sideX < 0, hero: i === 0, hatch: 0.55 });
  });
}

/** An insert or extreme close-up of a named thing: it fills the frame. */
export function drawIconInsert(l: IconLayer, n: SceneNoun, extreme: boolean, handSleeve: { color: string; opacity: number } | null, others: readonly SceneNoun[] = []): Pt {
  const { panel, pen, inks, rng } = l;
  const ground = n.category === "vehicle" || n.category === "landmark" || n.category === "animal" || n.category === "nature";
  const aspect = (n.icon?.w ?? 100) / (n.icon?.h ?? 100);
  const k = extreme ? rng.range(1.05, 1.3) : rng.range(0.66, 0.8);
  const h = Math.min(panel.h * k, (panel.w * (extreme ? 1.2 : 0.8)) / aspect);
  const cx = panel.x + panel.w * (extreme ? rng.range(0.4, 0.6) : rng.range(0.42, 0.58));
  const surfaceY = panel.y + panel.h * (ground ? 0.9 : rng.range(0.8, 0.88));
  const bottom = extreme ? panel.y + panel.h * rng.range(0.95, 1.12) : surfaceY;
  if (!ground) {
    // The tabletop it stands on, grain lines receding.
    const ty = surfaceY - h * 0.06;
    pen.fillRect({ x: panel.x, y: ty, w: panel.w, h: panel.y + panel.h - ty }, { color: "#e2dccd", opacity: 1 });
    for (let i = 0; i < 5; i++) {
      const y = lerp(ty, panel.y + panel.h, (i + 0.5) / 5);
      pen.line([panel.x, y], [panel.x + panel.w, y + rng.jitter(l.u)], inks.faint);
    }
    pen.line([panel.x, ty], [panel.x + panel.w, ty], inks.main, 0);
  }
  // What else the scene names shares the surface, smaller, on the roomier side (not in an
  // extreme close-up, which is about one thing).
  const heroW = h * aspect;
  {
    const side = cx < panel.x + panel.w / 2 ? 1 : -1;
    // An extreme close-up keeps one other thing, big and cropped ("a bee on a sunflower").
    others.slice(0, extreme ? 1 : 2).forEach((o, i) => {
      const oa = (o.icon?.w ?? 100) / (o.icon?.h ?? 100);
      const oh = Math.min(h * (extreme ? 0.5 : i === 0 ? 0.55 : 0.4), (panel.w * 0.3) / oa);
      const ox = cx + side * (heroW / 2 + (oa * oh) / 2 + l.u * 2) * (i === 0 ? 1 : -1);
      const clamped = Math.min(Math.max(ox, panel.x + (oa * oh) / 2), panel.x + panel.w - (oa * oh) / 2);
      place(l, o, clamped, surfaceY + l.u * (1 + i), oh, { flip: rng.chance(0.5), hatch: 0.5 });
    });
  }
  const box = place(l, n, cx, bottom, h, { hero: true, flip: rng.chance(0.5), hatch: 0.6 });
  if (handSleeve && box && !ground) {
    const side = rng.pick([-1, 1] as const);
    const grip: Pt = [cx + side * box.w * 0.38, box.y + box.h * 0.55];
    drawReachingHand(pen, inks, [panel.x + panel.w * (0.5 + side * 0.55), panel.y + panel.h * 1.1], grip, h * 0.45, handSleeve);
    l.placed.add("@hand");
  }
  return [cx, bottom - h / 2];
}

