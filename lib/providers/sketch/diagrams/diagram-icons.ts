import type { Diagram } from "@/lib/planner/schema";
import { iconById, type IconShape } from "../icons/icon-index";
import { readSceneNouns } from "../icons/scene-nouns";

// The things a diagram names, as icons to draw inside it: a leaf and a sun over photosynthesis
// steps, a bottle and a shirt in the recycling steps, a car on each side of "electric car vs
// petrol car", a piggy bank beside a savings curve. Each label gets at most one icon (the first
// thing it names); the scene's description adds the things no label names.
//
// Explainers speak a vocabulary the scene-noun index reads poorly ("starter" is an engine there,
// "eyes" a hole, "sunlight" nothing), so a short explainer lexicon is read first, and the index
// (readSceneNouns over the shipped WordNet / icon index) fills in the rest.

export type NamedIcon = { noun: string; icon: IconShape };

export type DiagramIcons = {
  /** Per label (same order as the diagram's labels): the icon its words name, or null. */
  perLabel: (NamedIcon | null)[];
  /** Things the description names that no label does, drawn in the diagram's free space. */
  extras: NamedIcon[];
};

/** Explainer words → icon id. A noun listed with "" names nothing drawable (skip it). */
const LEXICON: Record<string, string> = {
  sun: "gi:sun",
  sunlight: "gi:sun",
  "sun-hours": "gi:sun",
  leaf: "mdi:leaf",
  leaves: "mdi:leaf",
  bottle: "mdi:bottle-soda",
  "plastic bottle": "mdi:bottle-soda",
  jacket: "gi:shirt",
  "fleece jacket": "gi:shirt",
  fleece: "gi:shirt",
  "electric car": "mdi:car-side",
  "petrol car": "mdi:car-side",
  car: "mdi:car-side",
  starter: "gi:mason-jar",
  dough: "mdi:bowl-mix",
  bread: "mdi:baguette",
  savings: "mdi:piggy-bank",
  "piggy bank": "mdi:piggy-bank",
  interest: "gi:two-coins",
  coin: "gi:two-coins",
  money: "gi:two-coins",
  soap: "gi:soap",
  hand: "mdi:allergy",
  germ: "mdi:bacteria",
  bacteria: "mdi:bacteria",
  virus: "mdi:virus",
  vaccine: "gi:syringe",
  shot: "gi:syringe",
  water: "mdi:water",
  towel: "gi:towel",
  coffee: "mdi:coffee",
  "paper filter": "mdi:coffee",
  filter: "mdi:coffee",
  "solar panel": "mdi:solar-panel",
  home: "mdi:home",
  house: "mdi:home",
  electricity: "mdi:lightning-bolt",
  power: "mdi:lightning-bolt",
  heat: "mdi:fire",
  "heat pump": "mdi:fan",
  radiator: "mdi:radiator",
  notebook: "gi:notebook",
  chain: "mdi:link",
  computer: "mdi:laptop",
  fridge: "mdi:fridge",
  kettle: "mdi:kettle",
  oven: "gi:gas-stove",
  // Read wrongly by the index in explainers: never draw them as its sense.
  eye: "",
  cell: "",
  bubble: "",
  bin: "",
  chlorophyll: "",
  fabric: "",
  tap: "",
  sink: "",
  drop: "",
  charger: "",
  timer: "",
  bank: "",
  page: "",
  block: "",
  label: "",
  grid: "",
  nail: "",
  palm: "",
  round: "",
  first: "",
  growth: "",
  run: "",
  keep: "",
  wash: "",
  hole: "",
  flake: "",
  pore: "",
  wave: "",
  seal: "",
  copy: "",
  pattern: "",
  fingerprint: "",
  // The chart itself: never a picture of a chart inside the chart.
  chart: "",
  graph: "",
  diagram: "",
  timeline: "",
  curve: "",
};

/** Before an index noun: it is a thing ("the stem", "two carbon dioxide"), not a verb or an adjective. */
const DETERMINERS = new Set("a,an,the,his,her,their,its,my,our,your,this,that,these,those,some,every,each,one,two,three,four,five,six,no,another,empty,new,old,small,big,tiny,clean,green".split(","));

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** Plural folded the plain way ("bottles" → "bottle", "leaves" → "leaf"); the word itself first. */
function forms(w: string): string[] {
  const out = [w];
  if (w.endsWith("ies")) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("ves")) out.push(w.slice(0, -3) + "f");
  if (w.endsWith("es")) out.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) out.push(w.slice(0, -1));
  return out;
}

/** The lexicon entry for a phrase, by any of its plural forms. */
function lexicon(phrase: string): { noun: string; id: string } | null {
  const words = phrase.split(" ");
  const last = words.pop()!;
  for (const f of forms(last)) {
    const key = [...words, f].join(" ");
    if (Object.hasOwn(LEXICON, key)) return { noun: key, id: LEXICON[key]! };
  }
  return null;
}

/**
 * The index maps many words to their nearest icon by meaning, which in an explainer is often the
 * wrong sense ("skin" → an eye, "nail" → a hammer's nail): a chart draws only icons named for
 * the thing ("towel" → gi:towel, "solar panel" → mdi:solar-panel); the lexicon covers the rest.
 */
function namedFor(noun: string, id: string): boolean {
  const parts = id.replace(/^\w+:/, "").split("-");
  const head = noun.split(" ").pop()!;
  return parts.some((p) => p.length >= 3 && (p.startsWith(head.slice(0, 4)) || head.startsWith(p)));
}

/** The drawable things a text names, in order of mention, each once; `bare`: a label that is a name, not a sentence. */
export function namedIcons(text: string, opts: { bare?: boolean } = {}): NamedIcon[] {
  const toks = [...text.toLowerCase().matchAll(WORD)].map((m) => ({ w: m[0].replace(/['’]s$/, ""), at: m.index }));
  const out: NamedIcon[] = [];
  const seen = new Set<string>();
  const ids = new Set<string>();
  const blocked = new Set<string>();
  const add = (noun: string, icon: IconShape | null) => {
    if (!icon || seen.has(noun) || ids.has(icon.id)) return;
    seen.add(noun);
    ids.add(icon.id);
    out.push({ noun, icon });
  };
  const at: { at: number; item: NamedIcon }[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (const n of [3, 2, 1]) {
      if (i + n > toks.length) continue;
      const hit = lexicon(toks.slice(i, i + n).map((t) => t.w).join(" "));
      if (!hit) continue;
      for (const t of toks.slice(i, i + n)) for (const f of forms(t.w)) blocked.add(f);
      const icon = hit.id ? iconById(hit.id) : null;
      if (icon) at.push({ at: toks[i]!.at, item: { noun: hit.noun, icon } });
      i += n - 1;
      break;
    }
  }
  // The index's reading of the rest: things only (people are figures, not diagram icons).
  for (const n of readSceneNouns(text)) {
    if (!n.icon || n.category === "person" || n.noun.split(" ").some((w) => blocked.has(w))) continue;
    const before = toks.findLast((t) => t.at < n.at);
    // A bare name ("Laptop", "Solar panels") is a thing; in a sentence, only after a determiner.
    if (!(opts.bare || (before && DETERMINERS.has(before.w))) || !namedFor(n.noun, n.icon.id)) continue;
    at.push({ at: n.at, item: { noun: n.noun, icon: n.icon } });
  }
  at.sort((a, b) => a.at - b.at);
  for (const { item } of at) add(item.noun, item.icon);
  return out;
}

/** Icons for a diagram: one per label that names something, then up to `maxExtras` from the description. */
export function diagramIcons(d: Diagram, description: string, maxExtras = 2): DiagramIcons {
  const used = new Set<string>();
  const perLabel = d.labels.map((l) => {
    const named = namedIcons(l, { bare: l.trim().split(/\s+/).length <= 2 });
    // Prefer a thing no earlier label shows; two sides of a comparison may both be cars.
    const hit = named.find((n) => !used.has(n.icon.id)) ?? named[0] ?? null;
    if (hit) used.add(hit.icon.id);
    return hit;
  });
  // A title names the subject too ("From bottle to fleece"), after the description's own words.
  const extras = [...namedIcons(description), ...namedIcons(d.title)]
    .filter((n) => !used.has(n.icon.id) && (used.add(n.icon.id), true))
    .slice(0, maxExtras);
  return { perLabel, extras };
}
