import type { Character } from "@/lib/planner/schema";
import type { Fill } from "../pen";
import { hashString } from "../rng";
import type { FigureTraits, Hair } from "../words";
import { readSceneNouns, type SceneNoun } from "./scene-nouns";

// One look per character for the whole board: what its traits leave open (hair, hat, beard,
// glasses, clothing colours) is derived from its name, so Maya wears the same jacket in every
// frame whoever else is in it, and two characters of one scene never share a look.

export type Look = { shirt: Fill; trousers: Fill; hair: Fill };

// Coloured-pencil tones that stay apart in greyscale too (the 8×8 hashes see luminance only).
const SHIRTS = ["#4f7cac", "#6a8d4e", "#b08a3e", "#8a5a83", "#3f8f8a", "#a0522d", "#5b5b8f", "#c9a227"];
const TROUSERS = ["#4b4a47", "#5d6b7a", "#8e8b85", "#6b5a4a", "#3e4a3d"];
const HAIRS = ["#3b3632", "#6e6b65", "#8d6e4f", "#2b2a28", "#a08a6a", "#b9b2a6"];

const HAIR_WORDS = /\b(bald|braids?|braided|plaits?|pigtails?|bun|updo|topknot|curly|curls|afro|long hair|long[- ]haired|ponytail|short hair|crew cut|buzz|cropped|hair)\b/;
const HAT_WORDS = /\b(hat|cap|helmet|hood|hooded|headscarf|beanie|fedora|turban|crown|kerchief|toque|bare[- ]headed)\b/;

const textOf = (c: Character) => `${c.name} ${c.look} ${c.wardrobe}`.toLowerCase();

/**
 * A character that is an animal or a machine ("Seagull", "a ginger cat", "small round robot"):
 * the noun to draw it as, or null for a person.
 */
export function creatureOf(c: Character): SceneNoun | null {
  // The look decides ("lighthouse keeper, old man" is a man even if he is called Tom); the name
  // only when the look names neither ("the seagull", "a scruffy grey-white one").
  // "slight, quick-moving person…" is a person, whatever else the look names ("weathered skin").
  if (PERSON_LOOK.test(c.look.toLowerCase())) return null;
  const isBeing = (n: SceneNoun) => n.category === "person" || n.category === "animal" || (n.icon !== null && ROBOTS.has(n.noun));
  const first = readSceneNouns(c.look).find(isBeing) ?? readSceneNouns(c.name).find(isBeing);
  if (!first || first.category === "person" || !first.icon) return null;
  return { ...first, character: c.name };
}

const PERSON_LOOK = /^(?:[\p{L}'’-]+,?\s+){0,4}(person|people|human|man|woman|boy|girl|child|kid|teen|teenager|adult)\b|\b(in (his|her|their) (early |mid-|mid |late )?\p{L}+ies|(around|about|over|nearly|well past) (twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)|years old|his|her)\b/u;

const MALE_WORDS = /\b(man|men|he|his|him|boy|father|dad|grandfather|grandpa|husband|son|brother|uncle|king|prince|gentleman|guy|mr|monk|fisherman|old man)\b/;

const ROBOTS = new Set(["robot", "android", "robot vacuum", "automaton", "droid", "cyborg"]);

/** Traits with the open choices filled from the name (deterministic), then made unlike the others'. */
export function castTraits(chars: readonly Character[], base: readonly FigureTraits[]): FigureTraits[] {
  const out: FigureTraits[] = [];
  chars.forEach((c, i) => {
    const t = { ...(base[i] as FigureTraits) };
    const text = textOf(c);
    const h = hashString(c.name.trim().toLowerCase(), 77);
    if (!HAIR_WORDS.test(text) && !t.child) {
      const options: Hair[] = t.female ? ["long", "bun", "braid", "curly"] : ["short", "curly", "short", "bald"];
      t.hair = options[h % options.length] as Hair;
    }
    if (!HAT_WORDS.test(text) && !t.hat) t.hat = (h >>> 3) % 4 === 0;
    // A beard only for someone the text says is a man: "a nurse in their thirties" named Grace is not.
    if (!t.female && !t.child && MALE_WORDS.test(text) && !/\b(beard|bearded|moustache|mustache|stubble|clean[- ]shaven)\b/.test(text)) t.beard = t.beard || (h >>> 5) % 4 === 0;
    if (!/\b(glasses|spectacles|sunglasses|goggles)\b/.test(text)) t.glasses = t.glasses || (h >>> 7) % 6 === 0;
    // Two of a kind in one scene (two rival chefs): change the second's hair and headwear.
    for (const o of out) {
      if (o.hair === t.hair && o.hat === t.hat && o.beard === t.beard && o.female === t.female && o.child === t.child) {
        t.hat = !t.hat;
        if (!t.female) t.beard = !t.beard;
      }
    }
    out.push(t);
  });
  return out;
}

/** Clothing from the character's own words where they name a colour, else from its name. */
export function castLooks(chars: readonly Character[]): Look[] {
  const used = new Set<number>();
  const usedNamed = new Set<string>();
  return chars.map((c) => {
    const h = hashString(c.name.trim().toLowerCase(), 131);
    let si = h % SHIRTS.length;
    const named = namedColour(c.wardrobe.toLowerCase());
    // Distinct within the scene: step to the next free colour (stable order: the scene's cast order).
    while (used.has(si) && used.size < SHIRTS.length) si = (si + 1) % SHIRTS.length;
    used.add(si);
    // Two characters in the same named colour (two chefs in white): the second gets its own.
    const shirt = named && !usedNamed.has(named) ? named : (SHIRTS[si] as string);
    if (named) usedNamed.add(named);
    return {
      shirt: { color: shirt, opacity: 1 },
      trousers: { color: TROUSERS[(h >>> 4) % TROUSERS.length] as string, opacity: 1 },
      hair: { color: HAIRS[(h >>> 9) % HAIRS.length] as string, opacity: 1 },
    };
  });
}

const COLOURS: [RegExp, string][] = [
  [/\b(red|crimson|scarlet)\b/, "#b5473a"],
  [/\b(rust|orange|terracotta)\b/, "#c0663a"],
  [/\b(yellow|mustard|gold(?:en)?)\b/, "#c9a227"],
  [/\b(green|olive|khaki)\b/, "#6a8d4e"],
  [/\b(teal|turquoise)\b/, "#3f8f8a"],
  [/\b(blue|navy|denim|indigo)\b/, "#4f7cac"],
  [/\b(purple|violet|plum)\b/, "#8a5a83"],
  [/\b(brown|tan|leather)\b/, "#8b6a4a"],
  [/\b(white|cream)\b/, "#e9e5dc"],
  [/\b(black)\b/, "#3a3936"],
  [/\b(grey|gray|silver)\b/, "#9a968f"],
];

function namedColour(wardrobe: string): string | null {
  let best: { at: number; hex: string } | null = null;
  for (const [re, hex] of COLOURS) {
    const m = re.exec(wardrobe);
    if (m && (!best || m.index < best.at)) best = { at: m.index, hex };
  }
  return best?.hex ?? null;
}
