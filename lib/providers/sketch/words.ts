import type { Character } from "@/lib/planner/schema";

// Reads what the sketch needs out of a scene's words: where, when, who, doing what, with what.
// Plain keyword tables rather than an NLP pass: fast (≈0.1 ms), deterministic, and easy to extend.

export type SettingKind =
  | "city"
  | "interior"
  | "office"
  | "market"
  | "desert"
  | "mountains"
  | "forest"
  | "sea"
  | "road"
  | "space"
  | "studio";
export type TimeOfDay = "day" | "sunset" | "night";
export type PropKind =
  | "phone"
  | "box"
  | "bottle"
  | "car"
  | "horse"
  | "cup"
  | "laptop"
  | "pot"
  | "book"
  | "door"
  | "lamp"
  | "bike"
  | "sword"
  | "ball"
  | "tree";
export type Pose = "standing" | "walking" | "running" | "sitting" | "pointing" | "holding" | "riding" | "raising";
// "raising" (a cup to the lips, a phone to the ear) is chosen by the framing, never read from words.
export type Hair = "short" | "long" | "braid" | "bun" | "bald" | "curly";

export type FigureTraits = {
  female: boolean;
  child: boolean;
  old: boolean;
  hair: Hair;
  hat: boolean;
  beard: boolean;
  glasses: boolean;
  /** Dress, skirt, robe, long coat: a flared silhouette to the knees. */
  dress: boolean;
};

export type SceneWords = {
  setting: SettingKind;
  /** Steppe/field grass rather than sand dunes; kitchen/café counter rather than a living room. */
  grassland: boolean;
  /** Steppe, prairie, nomads: a yurt on the horizon rather than a lone tree. */
  steppe: boolean;
  counter: boolean;
  time: TimeOfDay;
  /** Props in order of first mention (description before prompt). */
  props: PropKind[];
  pose: Pose;
  people: FigureTraits[];
  direction: "left" | "right" | "up" | "down" | null;
  /** What an extreme close-up without a prop shows. */
  detail: "eye" | "hand";
  /** "pot" with plants is a flower pot, not a cooking pot. */
  plant: boolean;
  /** Steam, smoke: drawn over cups and pots. */
  steam: boolean;
  /** Rain streaks over the frame. */
  rain: boolean;
};

// Letter lookarounds rather than \b: JavaScript's \b treats "é" as a non-word character, so
// /\bcafé\b/ never matches "café ".
const words = (list: string): RegExp => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, "giu");

const SETTING_WORDS: Record<Exclude<SettingKind, "studio">, RegExp> = {
  space: words(
    "space|outer space|spaceship|spacecraft|space station|planets?|orbit(?:ing)?|astronauts?|galax(?:y|ies)|rockets?|asteroids?|cosmos|nebula|moon base|zero gravity",
  ),
  sea: words(
    "seas?|oceans?|beach(?:es)?|shores?|coast(?:line)?|waves?|harbou?rs?|boats?|ships?|sail(?:s|ing|boat)?|surf(?:ing|er)?|islands?|piers?|seaside|bay|lakes?|sand castle|lighthouse|ice shelf|ice floes?|icebergs?|rivers?|swim(?:s|ming)?",
  ),
  mountains: words("mountains?|peaks?|summit|cliffs?|alps|ridges?|glaciers?|snowy|mountain pass|valley|canyons?|slopes?|climb(?:s|ing)?|hik(?:e|es|ing|ers?)"),
  forest: words("forests?|woods|woodland|jungle|grove|pines?|clearing|thicket|trees|birch(?:es)?|oaks"),
  desert: words(
    "deserts?|dunes?|sand|sandy|steppes?|prairie|savann?ah?|plains?|grasslands?|meadows?|fields?|wasteland|tundra|pastures?|farm(?:land)?|countryside|yurts?|nomads?|hills|parks?|gardens?|lawns?|playground|orchards?",
  ),
  road: words("roads?|highway|freeway|motorway|route 66|road ?trip|driv(?:e|es|ing)|crossroads|asphalt|gas station"),
  market: words("markets?|bazaars?|stalls?|vendors?|souk|marketplace|fairs?|festivals?|merchants?|haggl(?:e|es|ing)|fruit stand"),
  office: words(
    "office|desks?|cubicles?|meetings?|conference|boardroom|workplace|coworkers?|co-workers?|colleagues?|startup|whiteboard|presentation|spreadsheets?|workspace|manager|dashboard|chart|analytics|inbox|emails?",
  ),
  interior: words(
    "rooms?|kitchen|living room|bedroom|home|house|apartment|flat|caf[eé]s?|coffee ?shop|restaurant|bar|indoors|inside|hallway|library|classroom|counter|table|sofa|couch|bed|window|fireplace|diner|cottage|hut|cabin|windowsills?|window ?sills?|attic",
  ),
  city: words(
    "city|cities|street|streets|downtown|urban|town|avenue|alley|sidewalk|pavement|skyline|buildings?|crosswalk|metropolis|village|square|plaza|rooftops?|traffic|neon|skyscrapers?|subway|bus stop",
  ),
};

// Ties go to the earlier kind: specific places before generic ones.
const SETTING_ORDER: Exclude<SettingKind, "studio">[] = [
  "space",
  "office",
  "market",
  "sea",
  "mountains",
  "forest",
  "desert",
  "road",
  "city",
  "interior",
];

const STUDIO = words("studio|backdrop|white background|seamless|product shot|packshot|plain background|on white");

const NIGHT = words("night|nights|midnight|moon|moonlit|moonlight|stars|starry|starlight|nighttime|dark sky|after dark|neon|lantern-lit|candlelit");
const SUNSET = words("sunset|sunsets|dusk|evening|twilight|dawn|sunrise|golden hour|sundown|daybreak|first light|magic hour");

export const PROP_WORDS: Record<PropKind, RegExp> = {
  phone: words("apps?|phones?|smartphones?|cellphones?|mobile|iphone|texting|text message|notifications?|calls? (?:her|his|a|the)"),
  box: words("box(?:es)?|packages?|parcels?|products?|cartons?|gifts?|present|crates?|packaging|unboxing|delivery"),
  bottle: words("bottles?|flasks?|perfume|soda|wine|jar"),
  car: words("cars?|taxi|taxis|van|vehicles?|jeep|sedan|truck|automobile|convertible"),
  horse: words("horses?|pony|ponies|mare|stallion|foal|steed|colt|horseback"),
  cup: words("cups?|mugs?|coffee|tea|espresso|latte|cappuccino|teacup"),
  laptop: words("laptops?|computers?|macbook|notebook computer|pc"),
  pot: words("pots?|saucepan|cauldron|kettle|cooking|stew|soup|flowerpot|potted"),
  book: words("books?|novel|diary|journal|letters?|notebook|map|scroll|pages?"),
  door: words("doors?|doorway|entrance|gate"),
  lamp: words("lamps?|lanterns?|candles?|torch|flashlight"),
  bike: words("bikes?|bicycles?|cycling|cyclist|cycles"),
  sword: words("swords?|blade|saber|sabre|katana|dagger"),
  ball: words("balls?|football|soccer|basketball|volleyball"),
  tree: words("tree|trees|oak|birch|willow|palm"),
};

const POSE_WORDS: [Pose, RegExp][] = [
  ["riding", words("rid(?:e|es|ing)|rode|riders?|gallops?|galloping|on horseback|on (?:a|the|her|his|their) (?:horse|bike|bicycle|pony)|mounted|cycling|pedal(?:s|ing)?")],
  ["running", words("run|runs|running|ran|sprint(?:s|ing)?|race(?:s)?|racing|chas(?:e|es|ing)|flee(?:s|ing)?|rush(?:es|ing)?|dash(?:es|ing)?|jump(?:s|ing)?|leap(?:s|ing)?")],
  ["pointing", words("point(?:s|ing)?|show(?:s|ing)?|present(?:s|ing)|gestur(?:e|es|ing)|explain(?:s|ing)?|wav(?:e|es|ing)|introduc(?:e|es|ing)|demonstrat(?:e|es|ing)|teach(?:es|ing)?|pitch(?:es|ing)?")],
  ["sitting", words("sit|sits|sitting|sat|seated|rest(?:s|ing)?|kneel(?:s|ing)?|crouch(?:es|ing)?|lounging|typing|types|works at")],
  ["holding", words("hold(?:s|ing)?|holds up|carr(?:y|ies|ying)|drink(?:s|ing)?|sip(?:s|ping)?|grab(?:s|bing)?|lift(?:s|ing)?|offer(?:s|ing)?|hand(?:s)? over|read(?:s|ing)?|open(?:s|ing)?|unbox(?:es|ing)?|check(?:s|ing)?|scroll(?:s|ing)?|reach(?:es|ing)?|pick(?:s|ing)? up|pour(?:s|ing)?|cook(?:s|ing)?|stir(?:s|ring)?|brandish(?:es|ing)?|draws? (?:a|her|his|the) sword")],
  ["walking", words("walk(?:s|ing)?|stroll(?:s|ing)?|wander(?:s|ing)?|arriv(?:e|es|ing)|enter(?:s|ing)?|approach(?:es|ing)?|cross(?:es|ing)?|step(?:s|ping)?|leav(?:e|es|ing)|head(?:s|ing)? (?:to|toward|towards|home|out)|journey(?:s|ing)?|travel(?:s|ing|ling)?|march(?:es|ing)?|hik(?:e|es|ing)")],
];

type PersonWord = { re: RegExp; traits: Partial<FigureTraits>; many?: boolean };

const PERSON_WORDS: PersonWord[] = [
  { re: words("girls?|daughter|princess"), traits: { female: true, child: true, hair: "braid" } },
  { re: words("boys?|son|prince"), traits: { child: true } },
  { re: words("kids?|child|children"), traits: { child: true } },
  { re: words("grandmother|grandma|granny|old woman|babushka|crone"), traits: { female: true, old: true, hair: "bun" } },
  { re: words("grandfather|grandpa|old man|elder|wizard|hermit"), traits: { old: true, beard: true } },
  { re: words("wom[ae]n|lady|ladies|mother|mom|mum|queen|wife|her|she"), traits: { female: true, hair: "long" } },
  { re: words("m[ae]n|father|dad|king|husband|guy|gentleman|him|he"), traits: {} },
  { re: words("barista|chef|cook|waiter|waitress|baker"), traits: { hat: false } },
  { re: words("farmers?|cowboys?|riders?|horsem[ae]n|nomad|shepherd|herder|knight|warrior|hunter|soldier"), traits: { hat: true } },
  { re: words("astronauts?|pilots?|drivers?|cyclists?|runners?|athletes?|hero|heroine|travell?ers?|strangers?|hikers?|climbers?|walkers?|surfers?|explorers?|tourists?|players?|kids|dancers?|musicians?|soldiers"), traits: {} },
  { re: words("customers?|shoppers?|clients?|users?|workers?|employees?|students?|teacher|doctor|nurse|engineer|designer|founder|boss|manager|detective|officer|colleagues?|coworkers?|friends?|couple|partners?|person|someone|character|protagonist|owner|seller|vendor|merchant|villagers?"), traits: {} },
  { re: words("people|crowd|team|family|group|audience|passengers|everyone|villagers|townsfolk"), traits: {}, many: true },
];

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 4, six: 4, pair: 2, both: 2, couple: 2 };

export const DEFAULT_TRAITS: FigureTraits = {
  female: false,
  child: false,
  old: false,
  hair: "short",
  hat: false,
  beard: false,
  glasses: false,
  dress: false,
};

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

function firstIndex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? m.index : -1;
}

/** Traits of a planned character from its look, wardrobe and name. */
export function traitsOfCharacter(c: Character): FigureTraits {
  const text = `${c.name} ${c.look} ${c.wardrobe}`.toLowerCase();
  const t: FigureTraits = { ...DEFAULT_TRAITS };
  for (const p of PERSON_WORDS) {
    if (p.many) continue;
    if (count(p.re, text) > 0) {
      Object.assign(t, p.traits);
      break;
    }
  }
  if (/\b(female|feminine|she|her|woman|girl|lady)\b/.test(text)) t.female = true;
  if (/\b(male|man|boy|he|his|bearded)\b/.test(text) && !/\b(female|woman|girl|she|her)\b/.test(text)) t.female = false;
  const age = /\b(\d{1,2})[- ]?(?:year|yr)s?[- ]old\b/.exec(text);
  if (age?.[1]) {
    const n = Number(age[1]);
    t.child = n < 14;
    t.old = n >= 65;
  }
  if (/\b(child|kid|little|young girl|young boy|teen(?:ager)?)\b/.test(text)) t.child = true;
  if (/\b(old|elderly|aged|grey[- ]haired|gray[- ]haired|white[- ]haired|wrinkled|senior)\b/.test(text)) t.old = true;
  if (/\bbald\b/.test(text)) t.hair = "bald";
  else if (/\b(braids?|braided|plaits?|pigtails?)\b/.test(text)) t.hair = "braid";
  else if (/\b(bun|updo|topknot)\b/.test(text)) t.hair = "bun";
  else if (/\b(curly|curls|afro)\b/.test(text)) t.hair = "curly";
  else if (/\b(long hair|long[- ]haired|ponytail|flowing hair|shoulder-length)\b/.test(text)) t.hair = "long";
  else if (/\b(short hair|crew cut|buzz|cropped)\b/.test(text)) t.hair = "short";
  else if (t.female && t.hair === "short") t.hair = "long";
  t.hat = /\b(hat|cap|helmet|hood|hooded|headscarf|beanie|fedora|turban|crown|kerchief)\b/.test(text) || t.hat;
  t.beard = /\b(beard|bearded|moustache|mustache|stubble)\b/.test(text) || (t.beard && !t.female);
  t.glasses = /\b(glasses|spectacles|sunglasses|goggles)\b/.test(text);
  t.dress = /\b(dress|skirt|robe|gown|kimono|sarafan|tunic|cloak|cape|trench ?coat|long coat|apron|deel)\b/.test(text);
  if (t.female && t.child && !/\b(jeans|trousers|pants|shorts)\b/.test(text)) t.dress = true;
  return t;
}

function peopleFromText(text: string): FigureTraits[] {
  const found: { at: number; traits: FigureTraits; n: number }[] = [];
  for (const p of PERSON_WORDS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      const w = m[0].toLowerCase();
      // Pronouns only count when nobody else is named.
      if (/^(he|she|her|him)$/.test(w)) {
        found.push({ at: m.index + 10_000, traits: { ...DEFAULT_TRAITS, ...p.traits }, n: 1 });
        continue;
      }
      const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      const numWord = /(\w+)\s+(?:\w+\s+)?$/.exec(before)?.[1] ?? "";
      let n = NUMBER_WORDS[w] ?? NUMBER_WORDS[numWord] ?? (/^\d$/.test(numWord) ? Math.min(4, Number(numWord)) : 0);
      if (!n) n = p.many ? 3 : /s$/.test(w) && !/(ss|ous)$/.test(w) && w !== "his" ? 2 : 1;
      const traits: FigureTraits = { ...DEFAULT_TRAITS, ...p.traits };
      if (/\bold\s+$/.test(before)) traits.old = true;
      if (/\b(little|young|small)\s+$/.test(before)) traits.child = true;
      if (traits.female && traits.hair === "short") traits.hair = "long";
      if (traits.female && traits.child) traits.dress = true;
      found.push({ at: m.index, traits, n });
    }
    p.re.lastIndex = 0;
  }
  found.sort((a, b) => a.at - b.at);
  const named = found.filter((f) => f.at < 10_000);
  const use = named.length ? named : found.slice(0, 1);
  const out: FigureTraits[] = [];
  for (const f of use) for (let i = 0; i < f.n && out.length < 4; i++) out.push(f.traits);
  return out;
}

/**
 * `drawnElsewhere`: noun phrases another layer draws (the icon layer's "food truck", "cargo
 * bike"); they are blanked before the built-in props are read, so a food truck is not a sedan.
 */
export function readSceneWords(description: string, prompt: string, characters: readonly Character[], drawnElsewhere: readonly string[] = []): SceneWords {
  const desc = description.toLowerCase();
  const all = `${desc} ${prompt.toLowerCase()}`;
  const blank = (t: string) => drawnElsewhere.reduce((acc, w) => (w ? acc.split(w).join(" ".repeat(w.length)) : acc), t);
  const propDesc = drawnElsewhere.length ? blank(desc) : desc;
  const propAll = drawnElsewhere.length ? blank(all) : all;

  let setting: SettingKind = "studio";
  let best = 0;
  for (const kind of SETTING_ORDER) {
    const re = SETTING_WORDS[kind];
    const score = count(re, desc) * 2 + count(re, prompt.toLowerCase());
    if (score > best) {
      best = score;
      setting = kind;
    }
  }
  if (count(STUDIO, desc) * 2 >= best && count(STUDIO, desc) > 0) setting = "studio";
  // People in a place the tables don't know ("Lisbon, vast and still"): a town, not the product studio.
  else if (best === 0 && characters.length) setting = "city";

  const nightScore = count(NIGHT, desc) * 2 + count(NIGHT, all);
  const sunsetScore = count(SUNSET, desc) * 2 + count(SUNSET, all);
  const time: TimeOfDay = nightScore === 0 && sunsetScore === 0 ? "day" : nightScore > sunsetScore ? "night" : "sunset";

  const props = (Object.keys(PROP_WORDS) as PropKind[])
    .map((k) => {
      const d = firstIndex(PROP_WORDS[k], propDesc);
      const p = d >= 0 ? d : firstIndex(PROP_WORDS[k], propAll);
      return { k, at: d >= 0 ? d : p >= 0 ? 100_000 + p : -1 };
    })
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.k);

  let pose: Pose = "standing";
  let poseAt = Infinity;
  for (const [p, re] of POSE_WORDS) {
    const i = firstIndex(re, desc);
    if (i >= 0 && i < poseAt) {
      poseAt = i;
      pose = p;
    }
  }
  if (poseAt === Infinity) {
    for (const [p, re] of POSE_WORDS) {
      if (firstIndex(re, all) >= 0) {
        pose = p;
        break;
      }
    }
  }
  if (pose === "riding" && !props.includes("horse") && !props.includes("bike")) pose = "walking";
  // Parks and gardens have trees even when nobody says so.
  if (/\b(parks?|gardens?|orchards?)\b/.test(all) && !props.includes("tree")) props.push("tree");
  // "the product" is a box only when nothing more specific is named.
  if (props.includes("box") && !/\b(box(?:es)?|packages?|parcels?|cartons?|gifts?|crates?|packaging|unboxing)\b/.test(all)) {
    if (props.some((p) => p === "bottle" || p === "phone" || p === "cup" || p === "laptop" || p === "book" || p === "ball")) {
      props.splice(props.indexOf("box"), 1);
    }
  }

  const people = characters.length
    ? characters.slice(0, 4).map(traitsOfCharacter)
    : peopleFromText(desc).length
      ? peopleFromText(desc)
      : [];

  const dir = /\b(left|leftward)\b/.test(desc)
    ? "left"
    : /\b(right|rightward)\b/.test(desc)
      ? "right"
      : /\b(up|upward|rises?|rising|ascend\w*|above|sky)\b/.test(desc)
        ? "up"
        : /\b(down|downward|descend\w*|below|lowers?)\b/.test(desc)
          ? "down"
          : null;

  return {
    setting,
    grassland: /\b(steppes?|prairie|savann?ah?|grass\w*|meadows?|fields?|pastures?|farm\w*|countryside|plains?|yurts?|nomads?|tundra|hills|parks?|gardens?|lawns?|playground|orchards?)\b/.test(all),
    steppe: /\b(steppes?|yurts?|nomad\w*|prairie|savann?ah?|tundra)\b/.test(all),
    counter: /\b(kitchen|caf[eé]s?|coffee ?shop|counter|bar|diner|restaurant|bakery)\b/.test(all),
    time,
    props,
    pose,
    people,
    direction: dir,
    detail: /\b(hands?|fingers?|grip|touch(?:es|ing)?)\b/.test(desc) ? "hand" : "eye",
    plant: /\b(plants?|flowers?|potted|flowerpot|seedlings?|sprouts?)\b/.test(all),
    steam: /\b(steam\w*|hot|smok\w*|brew\w*|boil\w*|fresh(?:ly)? (?:brewed|made))\b/.test(all),
    rain: /\b(rain\w*|storm\w*|drizzle)\b/.test(all),
  };
}
