import { composeDiagramFrame } from "./diagrams/compose-diagram-frame";
import { lookInks, lookSpecOf } from "./looks/look-spec";
import type { AspectRatio, CameraMove, ShotType } from "@/lib/planner/schema";
import { OUTPUT_SIZES, type ImageInput } from "@/lib/providers/types";
import { drawCameraMove } from "./camera-arrows";
import { makeInks, type Inks } from "./inks";
import { fmt, lerp, Pen, type Pt, type Rect } from "./pen";
import { createRng, hashString } from "./rng";
import type { Ctx } from "./shot-kit";
import { closeUp, extremeCloseUp, insert, overTheShoulder, pov } from "./shots-close";
import { mediumShot, wideShot } from "./shots-wide";
import { castLooks, castTraits, creatureOf, type Look } from "./icons/cast-looks";
import { drawIconBackground, drawIconForeground, drawIconInsert, iconNouns, planIcons, SETTING_NOUNS, type IconLayer, type IconScene } from "./icons/compose-icons";
import { lookupNoun } from "./icons/icon-index";
import { readSceneNouns, type SceneNoun } from "./icons/scene-nouns";
import { drawSetting } from "./settings";
import { PROP_WORDS, readSceneWords, traitsOfCharacter, type PropKind, type SceneWords } from "./words";

// Lays out one storyboard panel: framing from the shot type, the world from the scene's words,
// the camera move on top. Pure: the same input always composes the same SVG string.

export type FrameLayout = {
  width: number;
  height: number;
  /** The drawing, inside the border. */
  panel: Rect;
  /** The caption strip under the panel. */
  strip: Rect;
  /** 1/100 of the panel's geometric mean side: line widths and small sizes scale with it. */
  u: number;
};

export function frameLayout(aspectRatio: AspectRatio): FrameLayout {
  const { width, height } = OUTPUT_SIZES[aspectRatio];
  const short = Math.min(width, height);
  const m = Math.round(short * 0.03);
  const ch = Math.round(Math.min(72, Math.max(36, short * 0.066)));
  const panel: Rect = { x: m, y: m, w: width - 2 * m, h: height - 2 * m - ch };
  return {
    width,
    height,
    panel,
    strip: { x: m, y: m + panel.h, w: panel.w, h: ch },
    u: Math.sqrt(panel.w * panel.h) / 100,
  };
}

export type SketchScene = {
  words: SceneWords;
  /** Every drawable noun the scene names (people included), in order of mention. */
  nouns: SceneNoun[];
  /** What the icon layer draws, by role. */
  icons: IconScene;
  /** Per figure (words.people order): names for `depicts`, clothing for consistency. */
  castNames: string[];
  looks: Look[];
  /** Each drawn character's own words (look, wardrobe), lower case: who "the keeper" is. */
  castLooksText: string[];
  descriptionLower: string;
  shot: ShotType;
  move: CameraMove;
  accent: string | undefined;
  seed: number;
};

/** What the renderer reads from an input, with the defaults for a scene-less prompt. */
export function sketchSceneOf(input: ImageInput): SketchScene {
  const sc = input.scene;
  const description = sc?.description ?? input.prompt;
  const prompt = sc ? input.prompt : "";
  const allChars = sc?.characters ?? [];
  // Animals and robots of the cast are drawn as what they are, not as a second person.
  const creatures = allChars.map((c) => ({ c, as: creatureOf(c) }));
  const people = creatures.filter((x) => !x.as).map((x) => x.c);
  const names = allChars.flatMap((c) => [c.name]);
  const nouns = readSceneNouns(description, prompt, names);
  // "The lighthouse keeper climbs the tower": the keeper's tower (or building) is the lighthouse.
  const kept = /\b(lighthouse|windmill|castle|church)\s+keeper/.exec(`${description} ${prompt}`.toLowerCase())?.[1];
  const keptEntry = kept ? lookupNoun(kept) : null;
  if (keptEntry?.icon) {
    for (const n of nouns) if (n.noun === "tower" || n.noun === "building") Object.assign(n, { noun: keptEntry.noun, icon: keptEntry.icon, category: "landmark" as const });
  }
  for (const { as } of creatures) {
    if (!as) continue;
    // "an old dog lies by the door" with a retriever in the cast: the description's dog is it
    // (same icon), not a second dog.
    const named = nouns.find((n) => n.inDescription && !n.character && n.category === "animal" && n.icon?.id === as.icon?.id) ?? nouns.find((n) => n.noun === as.noun);
    // "Pixel the cat hisses": the description's cat is the character.
    // A cast member is on screen whether or not the description repeats its species: the
    // prompt's "Cat: fat ginger tabby…" is the character, in this scene.
    if (named) Object.assign(named, { character: as.character, inDescription: true, at: Math.min(named.at, -1) });
    else nouns.push({ ...as, at: -1, inDescription: true });
  }
  nouns.sort((a, b) => a.at - b.at);
  const first = readSceneWords(description, prompt, people);
  const drawn = iconNouns(nouns, first.setting);
  const masked = drawn.map((n) => n.text);
  // A cargo bike or e-bike is the icon's; the built-in diamond-frame bicycle stays out.
  if (drawn.some((n) => /bike|bicycle|cycle/.test(n.noun))) masked.push("bike", "bicycle", "cycling", "cyclist");
  // Candles, lanterns and torches are the icons' (the built-in lamp is a standing lamp).
  if (drawn.some((n) => /^(candle|lantern|torch)$/.test(n.noun))) masked.push("candles", "candle", "lanterns", "lantern", "torch");
  // A lighthouse's lamp room is the lighthouse, not a lamp post beside it.
  if (drawn.some((n) => n.noun === "lighthouse")) masked.push("lamp room", "lamp");
  const words = drawn.length ? readSceneWords(description, prompt, people, masked) : first;
  // A scene that names only creatures has no people: the text's "he"/"she" were them.
  if (!people.length && creatures.some((x) => x.as)) words.people = [];
  if (people.length) words.people = castTraits(people.slice(0, 4), words.people);
  // No cast and no person the word tables know, but the index knows one ("a mechanic", "two
  // scientists"): draw them.
  const roleNouns = nouns.filter((n) => n.category === "person" && n.inDescription);
  // With the word tables' people ("the detective") but not all the index knows ("the suspect"),
  // the rest join them.
  const known = words.people.length;
  if (!people.length && roleNouns.length > known && !creatures.some((x) => x.as)) {
    for (const n of roleNouns.slice(known)) {
      const t = traitsOfCharacter({ name: n.noun, look: n.noun, wardrobe: "" });
      const count = n.plural || /^(two|a pair of|both)\s/.test(sc?.description.toLowerCase().slice(Math.max(0, n.at - 12), n.at + 1) ?? "") ? 2 : 1;
      for (let i = 0; i < count && words.people.length < 4; i++) words.people.push(t);
    }
  }
  const shot: ShotType = sc?.shotType ?? "medium";
  const icons = planIcons(drawn, shot, nouns);
  const move: CameraMove = sc?.cameraMove ?? "static";
  const seed = hashString([sc?.number ?? 0, description, shot, move, input.prompt].join("\u0001"), input.seed >>> 0);
  const personNouns = nouns.filter((n) => n.category === "person" && n.inDescription).map((n) => n.noun);
  const castNames = people.length ? people.slice(0, 4).map((c) => c.name) : personNouns.slice(0, Math.max(1, words.people.length));
  // "A queue of customers forms between the two trucks": people the cast isn't, as extras behind.
  if (people.length && (shot === "wide" || shot === "extreme-wide")) {
    const castText = people.map((c) => `${c.name} ${c.look}`.toLowerCase()).join(" ");
    for (const n of nouns) {
      if (n.category !== "person" || !n.inDescription || !n.plural || castText.includes(n.noun)) continue;
      while (words.people.length < 4) {
        words.people.push({ ...words.people[0]!, female: words.people.length % 2 === 0, hat: false, beard: false, child: false, old: false, hair: words.people.length % 2 === 0 ? "long" : "short", dress: false });
        castNames.push(n.noun);
      }
    }
  }
  // "keeps a frightened boy company": one person the cast isn't, named with an article, joins them
  // (a close framing has room for two).
  if (people.length && shot !== "insert" && shot !== "extreme-close-up" && shot !== "pov") {
    const castText = people.map((c) => `${c.name} ${c.look} ${c.wardrobe}`.toLowerCase()).join(" ");
    const room = shot === "close-up" || shot === "over-the-shoulder" ? 2 : 4;
    for (const n of nouns) {
      if (n.category !== "person" || !n.inDescription || n.plural || n.at < 0 || castText.includes(n.noun) || castNames.includes(n.noun)) continue;
      // Capitalised mid-sentence: a proper adjective or a name ("a snowed-in Alaskan town").
      if (/\p{Lu}/u.test(description.charAt(n.at))) continue;
      if (!/(?:^|\s)(a|an|the|his|her|their|its)\s+(?:[\p{L}-]+\s+)?$/u.test(description.toLowerCase().slice(Math.max(0, n.at - 24), n.at))) continue;
      if (words.people.length >= room || castNames.length >= room) break;
      words.people.push(traitsOfCharacter({ name: n.noun, look: n.noun, wardrobe: "" }));
      castNames.push(n.noun);
    }
  }
  return { words, nouns, icons, castNames, castLooksText: people.slice(0, 4).map((c) => `${c.name} ${c.look} ${c.wardrobe}`.toLowerCase()), descriptionLower: description.toLowerCase(), looks: people.length ? castLooks(people.slice(0, 4)) : [], shot, move, accent: sc?.style.palette[0], seed };
}

/** Push-in factor and the point it pushes in on (share of the panel). */
const FRAMINGS: readonly (readonly [number, number, number])[] = [
  // No two share a push-in and height, so no pair is the other's mirror image.
  [1, 0.5, 0.5],
  [1.24, 0.3, 0.42],
  [1.38, 0.68, 0.62],
  [1.5, 0.5, 0.3],
  [1.16, 0.4, 0.76],
  [1.3, 0.76, 0.36],
];

export type ComposedFrame = {
  /** SVG markup of the whole frame except caption text. */
  svg: string;
  /** The nouns actually drawn (people, props, animals, landmarks, the setting's own things). */
  depicts: string[];
  /** Centre of attention, px (dolly frames centre on it). */
  focus: Pt;
};

export function composeFrame(input: ImageInput, layout: FrameLayout, captionSvg = ""): ComposedFrame {
  // An explainer's diagram scene is a chart on a clean sheet, not a shot of a place.
  if (input.scene?.diagram) return composeDiagramFrame(input, input.scene.diagram, layout, captionSvg);
  const scene = sketchSceneOf(input);
  const rng = createRng(scene.seed);
  const inks = lookInks(makeInks(layout.u, scene.accent), lookSpecOf(input.scene?.style.preset));
  const pen = new Pen(rng.fork("pen"), layout.u);
  const { panel } = layout;
  const ctx: Ctx = {
    pen,
    inks,
    panel,
    u: layout.u,
    rng: rng.fork("layout"),
    words: scene.words,
    shot: scene.shot,
    night: scene.words.time === "night",
    looks: scene.looks.length ? scene.looks : undefined,
  };
  const layer: IconLayer = {
    pen,
    inks,
    panel,
    u: layout.u,
    rng: rng.fork("icons"),
    shot: scene.shot,
    plan: scene.icons,
    placed: new Set(),
    stage: null,
    castSize: scene.words.people.length,
    boxes: new Map(),
    view: { k: 1, ax: 0, ay: 0 },
  };
  ctx.onStage = (stage) => drawIconBackground(layer, stage);

  pen.def(`<clipPath id="panel"><rect x="${fmt(panel.x)}" y="${fmt(panel.y)}" width="${fmt(panel.w)}" height="${fmt(panel.h)}"/></clipPath>`);
  pen.raw(`<g clip-path="url(#panel)">`);
  // The camera's own choice of framing, one of six push-ins picked by the seed itself (not its
  // hash): consecutive seeds never share one, so a regenerate reframes the shot instead of
  // mirroring it; a random new seed lands on another framing five times in six. It pushes in
  // toward the shot's centre of attention, which stays in frame.
  const reframe = rng.fork("reframe");
  // An edited prompt moves to another framing too (five times in six).
  const family = ((input.seed >>> 0) + (input.scene?.number ?? 0) + (hashString(input.prompt) % FRAMINGS.length)) % FRAMINGS.length;
  const [fk, fx, fy] = FRAMINGS[family] as [number, number, number];
  const from = pen.checkpoint();
  const drawnFocus = drawFramed(ctx, layer, scene);
  const ax = lerp(drawnFocus[0], panel.x + panel.w * fx, 0.45);
  const ay = lerp(drawnFocus[1], panel.y + panel.h * fy, 0.45);
  // Never push in so far that a named thing leaves the frame: back off until all stay in.
  let k = fk === 1 ? 1 : fk + reframe.range(-0.04, 0.04);
  const all = layer.placed.size;
  for (const step of [k, (k + 1) / 2, (k + 3) / 4, 1]) {
    k = step;
    layer.view = { k, ax, ay };
    if (visiblePlaced(layer).size === all) break;
  }
  if (k > 1) pen.wrap(from, `<g transform="translate(${fmt(ax * (1 - k))} ${fmt(ay * (1 - k))}) scale(${k.toFixed(3)})">`, `</g>`);
  const focus: Pt = [ax + (drawnFocus[0] - ax) * k, ay + (drawnFocus[1] - ay) * k];
  if (scene.words.rain) rain(ctx);
  drawCameraMove(pen, inks, panel, scene.move, scene.words.direction, focus);
  pen.raw(`</g>`);
  border(pen, inks, panel);

  const body = pen.toString();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<rect width="100%" height="100%" fill="${inks.paper}"/>` +
    body +
    captionSvg +
    `</svg>`;
  return { svg, focus, depicts: depictsOf(scene, pen.drawn, visiblePlaced(layer)) };
}

/** The shot, with the icon layer: an insert of a named thing is the icon's; others add to the shot. */
function drawFramed(c: Ctx, layer: IconLayer, scene: SketchScene): Pt {
  const hero = scene.icons.hero;
  const builtinHero = c.words.props.find((p) => p !== "tree");
  const cast = c.words.people.length;
  // An extreme close-up of two of the cast, or of someone with a cast animal, is a tight shot of
  // them (a two-shot; an eye with the animal up front), not the object alone.
  const tightOnCast = c.shot === "extreme-close-up" && (cast > 1 || (cast > 0 && hero?.character !== undefined));
  const iconInsert = hero && !tightOnCast && (c.shot === "insert" || c.shot === "extreme-close-up" || (!cast && (c.shot === "close-up" || c.shot === "medium")));
  // A built-in prop the scene names first keeps its own hand-drawn insert.
  const builtinFirst = builtinHero && hero && firstMention(scene, builtinHero) < hero.at;
  if (iconInsert && !builtinFirst) {
    const sleeve = cast ? (scene.looks[0]?.shirt ?? { color: c.inks.accent, opacity: 1 }) : null;
    backdrop(c);
    // What the scene names next, in its own order ("offers Pixel a ball of yarn").
    const others = [...scene.icons.animals, ...scene.icons.props, ...scene.icons.vehicles].filter((n) => n !== hero && n.inDescription).sort((a, b) => a.at - b.at);
    return drawIconInsert(layer, hero, c.shot === "extreme-close-up", sleeve, others);
  }
  const focus = drawShot(c);
  drawIconForeground(layer, focus);
  return focus;
}

/** A soft version of the scene's setting behind an insert. */
function backdrop(c: Ctx): void {
  const { panel } = c;
  const horizon = panel.y + panel.h * 0.35;
  const refY = panel.y + panel.h * 2.2;
  const stage = { panel, u: c.u, horizon, vp: panel.x + panel.w * c.rng.range(0.4, 0.6), refY, refH: (refY - horizon) * 1.1, time: c.words.time, words: c.words, wide: false, keepClear: [panel.x + panel.w * 0.3, panel.x + panel.w * 0.7] as [number, number] };
  drawSetting(c.pen, c.inks, stage);
  c.pen.fillRect(panel, { color: c.inks.paper, opacity: 0.72 });
}

function firstMention(scene: SketchScene, kind: PropKind): number {
  const re = PROP_WORDS[kind];
  re.lastIndex = 0;
  const m = re.exec(scene.nouns.length ? scene.descriptionLower : "");
  re.lastIndex = 0;
  return m ? m.index : Infinity;
}

const PARTS_DRAWN: Record<string, readonly string[]> = {
  lighthouse: ["lamp", "lantern", "gallery", "beacon", "lamp room", "tower"],
  "food truck": ["hatch", "counter", "window", "awning"],
  "fishing boat": ["deck", "bow", "wheelhouse", "mast", "cabin"],
  yurt: ["door", "felt"],
  "cargo bike": ["box", "wheel", "seat", "battery"],
  hospital: ["window", "ward"],
};

/** What the icon layer placed that is still mostly in the panel after the push-in. */
function visiblePlaced(l: IconLayer): Set<string> {
  const out = new Set<string>();
  const { k, ax, ay } = l.view;
  const p = l.panel;
  for (const key of l.placed) {
    const box = l.boxes.get(key);
    if (!box) {
      out.add(key);
      continue;
    }
    const x0 = ax + (box.x - ax) * k;
    const y0 = ay + (box.y - ay) * k;
    const w = box.w * k;
    const h = box.h * k;
    const vw = Math.min(x0 + w, p.x + p.w) - Math.max(x0, p.x);
    const vh = Math.min(y0 + h, p.y + p.h) - Math.max(y0, p.y);
    if (vw > w * 0.35 && vh > h * 0.35) out.add(key);
  }
  return out;
}

function depictsOf(scene: SketchScene, drawn: readonly string[], placed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    const k = w.trim();
    if (k && !out.includes(k)) out.push(k);
  };
  const figures = drawn.filter((d) => d === "figure").length;
  // Over the shoulder: the near one is the shoulder in the foreground, the far one the figure;
  // an insert's reaching hand is the main character's.
  const hand = placed.has("@hand") ? 1 : 0;
  const shown = scene.shot === "over-the-shoulder" && scene.castNames.length ? figures + 1 : Math.max(figures, hand);
  if (shown > 0) for (const n of scene.castNames.slice(0, shown)) add(n);
  // People named by role ("the keeper") are the figures when a drawn character is one (its look
  // says "lighthouse keeper"); "a queue of customers" nobody drew is not.
  if (shown > 0) {
    for (const n of scene.nouns) {
      if (n.category !== "person" || !n.inDescription) continue;
      if (!scene.castLooksText.length || scene.castLooksText.slice(0, shown).some((t) => t.includes(n.noun))) add(n.noun);
    }
  }
  for (const n of scene.nouns) {
    if (!placed.has(n.noun)) continue;
    add(n.noun);
    // A cast animal or robot is its character too ("Pixel" is the cat drawn).
    if (n.character) add(n.character);
  }
  for (const n of scene.nouns) if (placed.has(`@${n.noun}`)) add(n.noun);
  // Parts drawn as part of a placed thing's icon ("the lamp room" of the lighthouse).
  for (const [whole, parts] of Object.entries(PARTS_DRAWN)) {
    if (!placed.has(whole)) continue;
    for (const n of scene.nouns) if (parts.includes(n.noun)) add(n.noun);
  }
  // Built-in props: report the scene's own word for them ("coffee" drawn as a cup).
  const kinds = new Set(drawn.filter((d) => d !== "figure"));
  for (const kind of kinds) {
    const words = scene.nouns.filter((n) => PROP_WORDS[kind as PropKind] && testWord(PROP_WORDS[kind as PropKind], n.text));
    if (words.length) for (const w of words) add(w.noun);
    else add(kind);
  }
  // What the setting itself draws and the scene names ("beach", "street", "desk"), and the sky's.
  const scenery = new Set([
    ...SETTING_NOUNS[scene.words.setting],
    ...(scene.words.time === "night" ? ["moon", "star"] : ["sun"]),
    // The storm sky and rain streaks.
    ...(scene.words.rain ? ["storm", "rain", "thunderstorm", "downpour"] : []),
  ]);
  for (const n of scene.nouns) if (n.inDescription && scenery.has(n.noun)) add(n.noun);
  // Setting words the noun index doesn't hold or skips ("village", "café", "water").
  for (const w of scenery) if ((!lookupNoun(w) || /^(water|square|plaza|ice)$/.test(w)) && new RegExp(`(?<!\\p{L})${w}s?(?!\\p{L})(?!\\s+(?:white|black|grey|gray|backdrop|background))`, "iu").test(scene.descriptionLower)) add(w);
  return out;
}

function testWord(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const ok = re.test(text);
  re.lastIndex = 0;
  return ok;
}

function border(pen: Pen, inks: Inks, p: Rect): void {
  const corners: Pt[] = [
    [p.x, p.y],
    [p.x + p.w, p.y],
    [p.x + p.w, p.y + p.h],
    [p.x, p.y + p.h],
  ];
  pen.poly(corners, inks.bold, true);
}

function rain(c: Ctx): void {
  let d = "";
  const r = c.rng.fork("rain");
  for (let i = 0; i < 160; i++) {
    const x = c.panel.x + r.next() * c.panel.w;
    const y = c.panel.y + r.next() * c.panel.h;
    const l = c.u * r.range(1.5, 3.5);
    d += `M${fmt(x)} ${fmt(y)}l${fmt(-l * 0.25)} ${fmt(l)}`;
  }
  c.pen.strokePath(d, { ...c.inks.faint, opacity: 0.45 });
}

function drawShot(c: Ctx): Pt {
  switch (c.shot) {
    case "extreme-wide":
      return wideShot(c, true);
    case "wide":
      return wideShot(c, false);
    case "medium":
      return mediumShot(c);
    case "close-up":
      return closeUp(c);
    case "extreme-close-up":
      return extremeCloseUp(c);
    case "over-the-shoulder":
      return overTheShoulder(c);
    case "pov":
      return pov(c);
    case "insert":
      return insert(c);
  }
}
