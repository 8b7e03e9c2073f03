import type { Diagram, Form, NarrativeRole } from "../schema";
import { explainerBeats } from "./explainer-beats";
import { explainerContent } from "./explainer-content";
import { beatTemplate } from "../timing";
import { toPresent } from "./find-action";
import { benefitLine } from "./find-product";
import { capitalise } from "./idea-text";
import type { IdeaAnalysis, IdeaCharacter, IdeaSentence } from "./idea-types";
import nlp from "compromise";
import { PLACE_NOUNS, ROLE_NOUNS } from "./lexicon";
import { storyClauses, type Clause } from "./clauses";
import { rngFrom, type Rng } from "./prng";
import type { Focus } from "./shots";

// Beats: what happens in each frame. A paragraph's own sentences become the scenes' content, in
// order; whatever frames are left are written from role templates that reuse the idea's own
// subject, place, time, characters and objects — never "Opening scene: <prompt>".

export interface Beat {
  role: NarrativeRole;
  focus: Focus;
  /** The storyboard beat note. */
  text: string;
  /** What the image shows: subject, action, place — no supers, no dialogue. */
  visual: string;
  /** Names (IdeaCharacter.name) of who is in frame. */
  characters: string[];
  dialogue: string | null;
  notes: string | null;
  /** Came from the idea's own sentences (vs. a template). */
  fromIdea: boolean;
  /** The frame is somewhere of its own (or before the setting appears): do not add the setting. */
  ownPlace: boolean;
  /** The chart or step diagram the frame shows (explainers). */
  diagram?: Diagram | null;
}

interface Ctx {
  idea: IdeaAnalysis;
  form: Form;
  rng: Rng;
  hero: IdeaCharacter | null;
  /** "Aigerim" / "the old fisherman" / "the cat". */
  h: string;
  H: string;
  his: string;
  he: string;
  ally: IdeaCharacter | null;
  place: string | null;
  /** As the idea moves through it: " across the frozen steppe". */
  pp: string;
  /** Where someone stays put: " on the frozen steppe". */
  pin: string;
  /** The hero plus a companion they own: "Aigerim and her grey mare". */
  hh: string;
  companion: IdeaCharacter | null;
  goalVerb: string | null;
  goalTarget: string | null;
  /** The idea's own sentences already state the goal; templates must not repeat it. */
  goalStated: boolean;
  /** Text of the idea's sentences placed on feature frames: extracted features they cover are not drawn twice. */
  featureText: string;
  /** The idea's place is open country a journey can cross. */
  landscape: boolean;
  /** The beat before the one being written. */
  prev: Beat | null;
  objectUses: number;
  /** " at dawn" */
  t: string;
  object: string | null;
  atmos: string[];
  product: { name: string; benefit: string | null; descriptor: string | null; audience: string | null; features: Feature[] } | null;
  topic: { clause: string; subject: string; object: string | null; question: string; kind: "clause" | "activity" | "thing" } | null;
  /** The idea implies danger or struggle (storm, chase, escape…): only then do setbacks and "all is lost" beats fit. */
  conflict: boolean;
  /** The hero is a small group ("two kids"): verbs agree in the plural. */
  plural: boolean;
}

interface Feature {
  text: string;
  /** "charges in four hours" (vp), "creamy enough for latte art" (adj), "recycled soles" (np). */
  kind: "vp" | "adj" | "np";
}

function featureKind(f: string): Feature["kind"] {
  const first = f.split(/\s+/)[0] ?? "";
  const tags = (nlp(first).json() as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms[0]?.tags ?? [];
  if (/s$/.test(first) && tags.includes("Verb") && !tags.includes("Plural")) return "vp";
  if (f.split(/\s+/).length > 1 && (tags.includes("Adjective") || tags.includes("PastTense")) && !/^(recycled|all-day|carbon|solar)$/i.test(first) && /\b(enough|in|for|by|to|with|than)\b/.test(f)) return "adj";
  return "np";
}

interface Draft {
  text: string;
  visual: string;
  focus: Focus;
  cast?: "hero" | "all" | "none" | "ally";
  /** Exactly these names in frame (overrides `cast`). */
  castNames?: string[];
  dialogue?: string | null;
  notes?: string | null;
}

type Template = (c: Ctx, k: number) => Draft | null;

export function buildBeats(idea: IdeaAnalysis, form: Form, count: number): Beat[] {
  const roles = beatTemplate(form, count);
  if (form === "explainer") {
    const content = explainerContent(idea.text, idea.topic);
    if (content) return explainerBeats(content, roles, idea);
  }
  const ctx = makeCtx(idea, form);
  const sheet = form === "story" ? clauseSheet(idea, ctx, roles) : null;
  const units = sheet ? [] : contentUnits(idea, form, roles.length);
  const slots = sheet ?? assignUnits(units, roles, form);
  ctx.featureText = slots
    .filter((u, i): u is Unit => !!u && roles[i] === "feature")
    .map((u) => u.text.toLowerCase())
    .join(" ");
  const used = new Set<string>();
  let step = 0;

  const beats: Beat[] = [];
  roles.forEach((role, i) => {
    const unit = slots[i];
    ctx.prev = beats[i - 1] ?? null;
    if (unit) beats.push(fromUnit(unit, role, i, ctx, roles.length));
    else {
      if (role === "how") step++;
      beats.push(fromTemplate(role, i, ctx, used, step, roles.length));
    }
  });
  return distinct(beats);
}

// ---------------------------------------------------------------- context

const TIME_PHRASE: Record<string, string> = {
  dawn: " at dawn",
  morning: " in the morning",
  midday: " at midday",
  afternoon: " in the afternoon",
  dusk: " at dusk",
  evening: " in the evening",
  night: " at night",
};

const ATMOS: Record<string, readonly string[]> = {
  snow: ["breath steaming in the cold", "snow hissing low across the ground", "frost crusting every edge"],
  rain: ["rain streaking through the light", "puddles throwing the light back", "water running off every surface"],
  fog: ["fog swallowing the distance", "shapes dissolving into the mist"],
  heat: ["heat shimmer bending the horizon", "dust hanging in the still air"],
  autumn: ["leaves skittering across the ground", "a thin gold light through bare branches"],
  dawn: ["first light bleeding over the horizon", "the sky paling from indigo to rose"],
  morning: ["long fresh shadows", "the day just waking up"],
  midday: ["the sun straight overhead", "hard light and short shadows"],
  afternoon: ["slanting warm light", "dust turning in the sun"],
  dusk: ["the sun low and orange behind", "the last light going amber"],
  evening: ["windows lighting up one by one", "the sky gone deep blue"],
  night: ["a single light burning somewhere far off", "moonlight silvering the edges"],
  none: ["wind moving through everything", "dust turning in a shaft of light", "everything very still"],
};

const ROUTINE: Record<string, string> = {
  fisherman: "mending nets on the shingle",
  fisherwoman: "mending nets on the shingle",
  cat: "dozing in a square of sun",
  kitten: "batting at a loose thread",
  dog: "nosing along the fence line",
  puppy: "chewing on a shoe",
  detective: "working late over a cold coffee",
  astronaut: "running the same systems check again",
  chef: "prepping the line before service",
  baker: "kneading dough under a bare bulb",
  knight: "hammering a dent out of old armour",
  king: "brooding alone on the throne",
  queen: "reading dispatches by candlelight",
  witch: "stirring something that smokes over the fire",
  wizard: "squinting at a crumbling book",
  robot: "sweeping the same patch of floor again",
  farmer: "walking the fence line",
  shepherd: "counting the flock against the hillside",
  girl: "playing alone, absorbed in her own game",
  boy: "playing alone, absorbed in his own game",
  runner: "lacing up in the half-light",
  student: "half-asleep over a stack of notes",
  scientist: "peering at a sample under a lamp",
  grandmother: "shelling peas at a worn kitchen table",
  grandfather: "fixing a clock at a worn kitchen table",
  keeper: "polishing the great lens at the top of the stairs",
  courier: "checking the day's drops on a cracked phone",
  kid: "kicking a ball about after school",
  fox: "nosing through the long grass",
  nurse: "charting at the nurses' station",
  teacher: "wiping down the blackboard",
};

function makeCtx(idea: IdeaAnalysis, form: Form): Ctx {
  const rng = rngFrom(`${idea.seed}/beats`);
  const hero = idea.hero;
  const h = hero ? hero.ref : form === "ad" ? "people" : form === "explainer" ? "people" : "a lone figure";
  const his = hero?.plural ? "their" : hero?.gender === "f" ? "her" : hero?.gender === "m" ? "his" : hero && hero.kind !== "person" ? "its" : "their";
  const he = hero?.plural ? "they" : hero?.gender === "f" ? "she" : hero?.gender === "m" ? "he" : hero && hero.kind !== "person" ? "it" : "they";
  const companion = hero ? idea.characters.find((c) => c !== hero && c.owner === hero.name && c.kind !== "person") ?? null : null;
  // Someone who only exists in the goal ("to find her lost brother") turns up at the climax, not before.
  const inGoal = (c: IdeaCharacter) => !!idea.goal && c.keys.some((k) => idea.goal!.toLowerCase().includes(k)) && c.mentions === 1;
  const ally = idea.characters.find((c) => c !== hero && c !== companion && !inGoal(c)) ?? null;
  const habitat = hero?.role?.habitat ?? audienceHabitat(idea);
  const place = idea.setting ?? habitat ?? null;
  const pp = idea.settingPhrase ? ` ${idea.settingPhrase}` : place ? ` in ${place}` : "";
  const t = idea.timeOfDay && !(idea.settingPhrase ?? "").includes(idea.timeOfDay) ? TIME_PHRASE[idea.timeOfDay] ?? "" : "";
  const atmos = [...(idea.weather ? ATMOS[idea.weather] ?? [] : []), ...(idea.timeOfDay ? ATMOS[idea.timeOfDay] ?? [] : []), ...(ATMOS.none ?? [])];
  // Only a concrete, singular thing can be looked at or held ("three wishes" cannot).
  const firstObject = idea.objects.find((o) => !/^(\d+|two|three|four|five|six|seven|eight|nine|ten|many|some|every|each|all)\b/i.test(o));
  const objectNp = firstObject ? definite(firstObject).replace(/\b(same|very|other|whole)\s+/i, "") : null;
  // "sandwich" alone reads as a fragment ("eyes going to sandwich"): a bare noun gets its article.
  const object = objectNp && !/^(the|a|an|his|her|their|its|my|our|your)\b/i.test(objectNp) && !/^\p{Lu}/u.test(objectNp) ? `the ${objectNp}` : objectNp;
  const product = idea.product
    ? {
        name: idea.product.generic ? `the ${idea.product.name}` : idea.product.name,
        benefit: benefitLine(idea.product),
        descriptor: idea.product.descriptor,
        audience: idea.product.audience,
        features: idea.product.features.map((f) => ({ text: f, kind: featureKind(f) })),
      }
    : null;
  const pin = place ? ` ${OPEN_LAND.test(place) ? "on" : AT_PLACE.test(place) ? "at" : "in"} ${place}` : "";
  const hh = companion ? `${h} and ${his} ${companion.name.toLowerCase()}` : h;
  const goal = idea.goal ? /^(\w+)(?:\s+(?:for|to|up|out))?\s+(.+)$/.exec(idea.goal) : null;
  const goalStated = !!idea.goal && idea.sentences.some((x) => x.text.includes(idea.goal ?? ""));
  return {
    idea, form, rng, hero, h, H: capitalise(h), his, he, ally, place, pp, pin, hh, companion, t, object, atmos, product,
    topic: topicOf(idea),
    goalVerb: goal?.[1]?.toLowerCase() ?? null,
    goalTarget: goalTargetOf(goal?.[2] ?? null, object),
    goalStated,
    featureText: "",
    landscape: !!place && (LANDSCAPE.test(place) || JOURNEY.test(idea.text)),
    conflict: CONFLICT.test(idea.text),
    plural: !!hero?.plural,
    prev: null,
    objectUses: 0,
  };
}

const LANDSCAPE = /\b(steppe|desert|sea|ocean|mountains?|forest|woods|tundra|valley|plains?|prairie|coast|savanna|canyon|glacier|dunes|moor|hills|jungle|wasteland|ice|island|fields?|river|lake)\b/i;
const WATER = /\b(sea|ocean|lake|river|bay|harbou?r)$/i;
const AT_PLACE = /\b(stop|corner|station|desk|counter|window|door|doorstep|gate|bar|table|crossroads|bench)$/i;
const OPEN_LAND = /\b(windowsill|sill|table|bed|sofa|couch|steppe|plains?|fields?|ice|tundra|prairie|savanna|beach|shore|coast|road|street|moor|hills?|mountain|glacier|deck|roof|rooftop|bridge|pier|dock|island|trail|path|track|stage|sea|ocean|lake|river|moon|mars)$/i;

function audienceHabitat(idea: IdeaAnalysis): string | null {
  const a = idea.product?.audience?.toLowerCase();
  if (!a) return null;
  const singular = a.replace(/s$/, "");
  return ROLE_NOUNS[singular]?.habitat ?? null;
}

function topicOf(idea: IdeaAnalysis): Ctx["topic"] {
  const topic = idea.topic;
  if (!topic) return null;
  // "why is the sky blue" → "the sky is blue"; "how do bees make honey" → "bees make honey".
  let clause = topic.replace(/^(how|why|what)\s+(to\s+)?/i, "").trim();
  const inverted = /^(is|are|was|were|can|will|does|do|did)\s+((?:the|a|an|our|your|their)\s+\S+|\S+)\s+(.+)$/i.exec(clause);
  if (inverted) {
    const aux = (inverted[1] ?? "").toLowerCase();
    clause = /^(does|do|did)$/.test(aux) ? `${inverted[2]} ${inverted[3]}` : `${inverted[2]} ${aux} ${inverted[3]}`;
  }
  const subject = idea.objects[0] ?? clause.split(/\s+/).slice(0, 2).join(" ");
  const object = idea.objects[1] ?? null;
  return {
    clause: /^to\s/i.test(topic.replace(/^how\s+/i, "")) ? topic : clause,
    subject: /^(the|your|our|their)\s/i.test(subject) ? subject : /s$/.test(bare(subject)) ? bare(subject) : `the ${bare(subject)}`,
    object: object ? definite(object) : null,
    question: asQuestion(topic),
    kind: /^\w+ing\b/i.test(clause) ? "activity" : /^(how|why|what|when|where)\b/i.test(topic) ? "clause" : "thing",
  };
}

const AUX_Q = /^(is|are|was|were|can|could|will|would|should|must|has|have|does|do|did)$/i;

/** "how vaccines train the immune system" → "How do vaccines train the immune system?" */
export function asQuestion(topic: string): string {
  const gerund = /^(\w+ing)\b(.*)$/i.exec(topic.trim());
  if (gerund?.[1]) {
    const inf = nlp(gerund[1]).verbs().toInfinitive().text() || gerund[1];
    return `How do you ${inf.toLowerCase()}${gerund[2] ?? ""}?`;
  }
  const m = /^(how|why|what|when|where)\s+(.+)$/i.exec(topic.trim());
  if (!m) return `What is ${topic.replace(/^(the\s+)?/i, "the ").trim()}?`.replace(/^What is the the /, "What is the ");
  const wh = capitalise((m[1] ?? "").toLowerCase());
  const rest = m[2] ?? "";
  if (/^to\s/i.test(rest)) return `${wh} do you ${rest.slice(3)}?`;
  if (/^(do|does|is|are|can|will|did|should)\s/i.test(rest)) return `${wh} ${rest}?`;
  const terms = (nlp(rest).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>)[0]?.terms ?? [];
  const vi = terms.findIndex((t, i) => i > 0 && t.tags.includes("Verb"));
  if (vi < 0) return `${wh} ${rest}?`;
  const subject = terms.slice(0, vi).map((t) => t.text).join(" ");
  const verb = terms[vi]!;
  const after = terms.slice(vi + 1).map((t) => t.text).join(" ");
  if (AUX_Q.test(verb.text)) return `${wh} ${verb.text.toLowerCase()} ${subject}${after ? ` ${after}` : ""}?`;
  const singularSubject = verb.tags.includes("PresentTense") && /s$/i.test(verb.text) && !/ss$/i.test(verb.text);
  const past = verb.tags.includes("PastTense");
  const inf = nlp(verb.text).verbs().toInfinitive().text() || verb.text;
  const aux = past ? "did" : singularSubject ? "does" : "do";
  return `${wh} ${aux} ${subject} ${inf}${after ? ` ${after}` : ""}?`;
}

/** "it before her oxygen runs out" → the thing "it" is ("the wedding ring"); the deadline is not a target. */
function goalTargetOf(raw: string | null, object: string | null): string | null {
  if (!raw) return null;
  const t = raw.replace(/\s+(before|after|when|until|while|because|if|so that|as soon as|in time)\b.*$/i, "").trim();
  if (/^(it|them|this|that)$/i.test(t)) return object;
  return t || null;
}

function definite(np: string): string {
  return np.replace(/^(a|an|one)\s+/i, "the ");
}

function bare(np: string): string {
  return np.replace(/^(a|an|the|one)\s+/i, "");
}

// ---------------------------------------------------------------- idea sentences → slots

interface Unit {
  sentences: IdeaSentence[];
  text: string;
  cta: boolean;
}

const MAX_UNIT_CHARS = 320;

/** The idea's own content, in order, as many units as it naturally has (at most `n`). */
function contentUnits(idea: IdeaAnalysis, form: Form, n: number): Unit[] {
  let sentences = idea.sentences.filter((s) => !s.meta || s.text.length > 160);
  // The explainer's own question is the premise the problem frame asks, not a step.
  if (form === "explainer") sentences = sentences.filter((s) => !/^(how|why|what)\b.*\?$/i.test(s.text.trim()) && !(idea.topic && s.text.includes(idea.topic)));
  if (form !== "story") sentences = sentences.filter((s) => !/^(explain|show|make)\b/i.test(s.text) || s.text.split(" ").length > 14);
  // A one-liner gives one unit; short non-English ideas get their clauses as units too, because
  // without a parser the clauses are all we have to keep the idea's own words on screen.
  if (!idea.english && sentences.length < n) {
    const split: IdeaSentence[] = [];
    for (const s of sentences) {
      const pieces = s.text.split(/[,，、;；:：]\s*|\s+(?:y|und|и|және|et|e|and)\s+/u).map((p) => p.trim());
      // Short pieces ("Por la noche") stay attached to what follows them.
      const parts: string[] = [];
      let carry = "";
      for (const p of pieces) {
        const joined = carry ? `${carry}, ${p}` : p;
        if (joined.length < 16 && !CJK.test(joined)) carry = joined;
        else {
          parts.push(joined);
          carry = "";
        }
      }
      if (carry && parts.length > 0) parts[parts.length - 1] += `, ${carry}`;
      else if (carry) parts.push(carry);
      if (parts.length > 1 && split.length + parts.length <= n + sentences.length) for (const p of parts) split.push({ ...s, text: p });
      else split.push(s);
    }
    sentences = split;
  }
  // "a cat" is a subject, not a beat: leave every frame to the templates.
  if (idea.english && sentences.length === 1 && !idea.action && (sentences[0]?.text.split(/\s+/).length ?? 0) <= 5) return [];
  if (sentences.length <= n) return sentences.map((s) => ({ sentences: [s], text: s.text, cta: s.cta }));
  // More sentences than frames: contiguous, evenly sized groups.
  const out: Unit[] = [];
  for (let g = 0; g < n; g++) {
    const from = Math.round((g * sentences.length) / n);
    const to = Math.round(((g + 1) * sentences.length) / n);
    const group = sentences.slice(from, to);
    // Long groups keep what fits; the last frame keeps the group's end, where the ending is.
    const ordered = g === n - 1 ? [...group].reverse() : group;
    const kept: IdeaSentence[] = [];
    let len = 0;
    for (const s of ordered) {
      if (kept.length > 0 && len + s.text.length + 1 > MAX_UNIT_CHARS) break;
      kept.push(s);
      len += s.text.length + 1;
    }
    if (g === n - 1) kept.reverse();
    let text = kept.map((s) => s.text).join(" ");
    if (text.length > MAX_UNIT_CHARS) text = clipSentence(text, MAX_UNIT_CHARS);
    out.push({ sentences: group, text, cta: group.some((s) => s.cta) });
  }
  return out;
}

function assignUnits(units: Unit[], roles: NarrativeRole[], form: Form): Array<Unit | undefined> {
  const n = roles.length;
  const slots: Array<Unit | undefined> = new Array(n).fill(undefined);
  let pool = [...units];
  // The last frame of an ad/explainer is a CTA: only a sentence that reads like one goes there.
  const endsOnCta = roles[n - 1] === "cta";
  if (endsOnCta) {
    const ctaAt = pool.findIndex((u, i) => u.cta && i === pool.length - 1);
    if (ctaAt >= 0) {
      slots[n - 1] = pool[ctaAt];
      pool = pool.filter((_, i) => i !== ctaAt);
    }
  }
  const open = roles.map((_, i) => i).filter((i) => slots[i] === undefined && !(endsOnCta && i === n - 1));
  if (pool.length === 0) return slots;
  if (form === "explainer") {
    const hows = open.filter((i) => roles[i] === "how");
    if (hows.length > 0 && pool.length > 1 && pool.length <= hows.length * 3) {
      // Steps belong on the "how" frames; more steps than frames share them, in order.
      hows.forEach((slot, g) => {
        const from = Math.round((g * pool.length) / hows.length);
        const to = Math.round(((g + 1) * pool.length) / hows.length);
        const group = pool.slice(from, to);
        if (group.length > 0) slots[slot] = { sentences: group.flatMap((u) => u.sentences), text: group.map((u) => u.text).join(" "), cta: false };
      });
      return slots;
    }
  }
  if (pool.length >= open.length) {
    open.forEach((slot, k) => (slots[slot] = pool[k]));
    return slots;
  }
  // Fewer sentences than frames. Stories keep frame 1 for the establishing beat and spread the
  // sentences over the rest, so a one-liner lands on the inciting beat; ads keep the hook and
  // intro for the product and spread over the features.
  let targets = open;
  if (form === "story" && pool.length >= 2) {
    // A story's own ending is the resolution, the beat before it the climax; the first sentence
    // is the inciting incident (frame 1 stays the establishing beat) and the rest rise between.
    const climax = roles.indexOf("climax");
    const last = n - 1;
    const inciting = roles.indexOf("inciting") >= 0 ? roles.indexOf("inciting") : 1;
    const rest = [...pool];
    slots[last] = rest.pop();
    if (rest.length >= 2 && climax > inciting) slots[climax] = rest.pop();
    const first = rest.shift();
    if (first) slots[inciting] = first;
    const rising = roles.map((r, i) => i).filter((i) => slots[i] === undefined && i > inciting && i < last && (roles[i] === "rising" || i !== climax));
    rest.forEach((u, j) => {
      const at = rest.length === 1 ? 0 : Math.round((j * (rising.length - 1)) / (rest.length - 1));
      const slot = rising[Math.min(at, rising.length - 1)];
      if (slot !== undefined && slots[slot] === undefined) slots[slot] = u;
    });
    return slots;
  }
  if (form === "story" && targets.length > pool.length) targets = targets.slice(1);
  if (form === "ad") {
    // A sentence that presents the product ("Introducing Volt, …") is the intro; the rest are features.
    const intro = roles.indexOf("intro");
    const first = pool[0];
    if (intro >= 0 && first && targets.includes(intro) && /\b(introducing|meet|presenting|this is|new)\b/i.test(first.text)) {
      slots[intro] = first;
      pool = pool.slice(1);
      targets = targets.filter((i) => i !== intro);
      if (pool.length === 0) return slots;
    }
    const features = targets.filter((i) => roles[i] === "feature");
    if (features.length >= pool.length) targets = features.slice(0, Math.max(pool.length, 1)).length === pool.length ? features.slice(0, pool.length) : features;
  }
  const m = pool.length;
  pool.forEach((u, j) => {
    const at = m === 1 ? 0 : Math.round((j * (targets.length - 1)) / (m - 1));
    const slot = targets[at];
    if (slot !== undefined) slots[slot] = u;
  });
  return slots;
}

// ---------------------------------------------------------------- beats from the idea

const FOCUS_BY_ROLE: Record<NarrativeRole, Focus> = {
  hook: "place",
  intro: "reveal",
  feature: "product",
  cta: "packshot",
  setup: "place",
  inciting: "reveal",
  rising: "character",
  climax: "emotion",
  resolution: "place",
  problem: "place",
  solution: "reveal",
  how: "detail",
  benefit: "character",
};

const EMOTION = /\b(cr(y|ies|ied)|tears?|weeps?|smiles?|laughs?|afraid|fear|scream\w*|realis\w+|realiz\w+|love\w*|kiss\w*|hug\w*|embrace\w*|angry|furious|alone|heart|face|eyes|whisper\w*)\b/i;
const JOURNEY = /\b(walks?|runs?|rides?|leads?|travels?|crosses|climbs?|flees?|drives?|sails?|races?|chases?|journeys?|sets? out|follows?|wanders?|marches?)\b/i;
const SPEECH = /\b(says?|said|asks?|asked|tells?|told|shouts?|whispers?|begs?|replies?|warns?|promises?)\b/i;

function fromUnit(unit: Unit, role: NarrativeRole, i: number, c: Ctx, n: number): Beat {
  const english = c.idea.english;
  // Storyboard notes are present tense; ad copy and taglines are left exactly as written.
  const raw = unit.text.replace(META_PREFIX, "");
  let text = capitalise(english ? resolvePronouns(c.form === "story" ? presentTense({ ...unit, text: raw }) : raw, c, unit) : raw);
  text = ensurePeriod(text);
  const lower = text.toLowerCase();
  let focus: Focus = FOCUS_BY_ROLE[role];
  if (i > 0 && i < n - 1 && role !== "climax") {
    if (EMOTION.test(lower)) focus = "emotion";
    else if (unit.sentences.some((s) => s.quotes.length > 0) || SPEECH.test(lower)) focus = "dialogue";
    else if (JOURNEY.test(lower)) focus = "journey";
  }
  // Someone named only in the goal ("to find her lost brother") is not in the frame yet.
  const goal = c.idea.goal;
  const characters = castOf(goal && role !== "resolution" ? text.replace(goal, "") : text, c);
  if (characters.length === 0 && c.hero && (c.form === "story" || (c.form === "ad" && !(c.product && raw.toLowerCase().startsWith(c.product.name.toLowerCase()))))) {
    characters.push(c.hero.name);
  }
  if (english && /\b(they|their|them|together)\b/i.test(text)) {
    // "They" are people the story has already introduced, the hero first.
    const upTo = Math.max(...unit.sentences.map((x) => x.index));
    const known = c.idea.characters.filter((p) => p.kind === "person" && Math.min(...p.inSentences) <= upTo);
    for (const p of [...known].sort((a, b) => (a === c.hero ? -1 : b === c.hero ? 1 : 0))) {
      if (characters.length < 4 && !characters.includes(p.name) && (!c.idea.goal || !c.idea.goal.includes(p.keys[1] ?? p.name))) characters.push(p.name);
    }
  }

  const quotes = unit.sentences.flatMap((s) => s.quotes);
  let dialogue: string | null = null;
  if (quotes.length > 0) {
    const speaker = characters[0];
    dialogue = quotes.map((q) => (speaker ? `${speaker.toUpperCase()}: "${q}"` : `"${q}"`)).join(" / ").slice(0, 1000);
  }
  let notes: string | null = null;
  let staged = text;
  const atmos = c.atmos[i % c.atmos.length] ?? "";
  if ((role === "setup" || (i <= 1 && focus === "journey")) && english && !hasAtmos(text)) staged = `${text} ${capitalise(atmos)}.`;
  if (role === "climax" && c.hero && english) staged = `${text} Hold on ${possessiveOf(c.hero.ref)} ${c.plural ? "faces" : "face"}.`;
  if (role === "resolution" && english && i === n - 1 && !/frame holds/i.test(text)) staged = `${text} Pull back and let the frame go still.`;
  if (role === "cta") {
    notes = `Super: "${superLine(unit.text, c)}"`;
    if (c.form === "ad") {
      staged = `Packshot: ${packshotRef(c)} centred on a clean field, logo lockup. The line lands: "${shortSuper(raw)}."`;
      focus = "packshot";
    }
  }
  if (role === "feature" && c.product && raw.toLowerCase().includes(c.product.name.toLowerCase()) && raw.length <= 90) notes = `Super: "${shortSuper(raw)}"`;
  if (role === "intro" && c.product) notes = `Super: "${capitalise(c.product.benefit ?? c.product.name)}"`;
  if (role === "how") {
    const step = c.prev?.role === "how" ? (c.prev.notes?.match(/Step (\d+)/)?.[1] ?? "1") : "0";
    notes = `Lower third: "Step ${Number(step) + 1}: ${shortSuper(unit.text.replace(/^(first|then|next|finally|after that|now|second|third)\b,?\s*/i, ""))}"`;
  }
  if (!english && i === 0) staged = `${text} (Establishing.)`;
  let visual = role === "how" && english ? stepVisual(text) : stripQuotes(text);
  let cast = characters;
  if (role === "cta" && c.form === "ad") {
    visual = `${productRef(c)} centred on a clean seamless background, packshot, logo lockup`;
    cast = [];
  }
  const firstSentence = unit.sentences[0]?.index ?? 0;
  const ownPlace = firstSentence < c.idea.settingSentence || PLACE_WORD.test(text) || role === "cta";
  return { role, focus, text: staged, visual, characters: cast, dialogue, notes, fromIdea: true, ownPlace };
}

const META_PREFIX = /^(product launch|launch spot|launch|ad|commercial|spot|promo|explainer|story|tale|tagline|slogan|super)\s*:\s*/i;

/** "First, heat the water. Then rinse the filter." → "hands heating the water, then rinsing the filter". */
function stepVisual(text: string): string {
  const steps = text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/^(first|then|next|finally|after that|now|second|third)\b,?\s*/i, "").replace(/[.!?]+$/, "").trim())
    .filter(Boolean);
  const parts = steps.map((step) => {
    const [verb = "", ...rest] = step.split(/\s+/);
    // Steps are imperatives: the first word is the verb unless it is plainly not one.
    if (!/^[a-z]+$/i.test(verb) || /^(the|a|an|your|this|that|it|in|on|at|if|when|to|and|or|you|we|i)$/i.test(verb)) return step;
    const v = verb.toLowerCase();
    const gerund = /ing$/.test(v) ? v : /ie$/.test(v) ? `${v.slice(0, -2)}ying` : /[^e]e$/.test(v) ? `${v.slice(0, -1)}ing` : `${v}ing`;
    return [gerund, ...rest].join(" ");
  });
  return parts.length > 0 && parts[0] !== steps[0] ? `hands ${parts.join(", then ")}` : stripQuotes(text);
}

function presentTense(unit: Unit): string {
  return unit.sentences.some((s) => s.pastTense) ? toPresent(unit.text) : unit.text;
}

/** "His greedy wife…" after a sentence about Tomas → "Tomas's greedy wife…". */
function resolvePronouns(text: string, c: Ctx, unit: Unit): string {
  const first = unit.sentences[0];
  if (!first || first.index === 0) return text;
  const prev = c.idea.sentences[first.index - 1]?.text ?? "";
  const m = /^(He|She|His|Her|They|Their)\b/.exec(text);
  if (!m) return text;
  const word = m[1] ?? "";
  const gender = /^(he|his)$/i.test(word) ? "m" : /^(she|her)$/i.test(word) ? "f" : "n";
  void prev;
  // The most recently mentioned person who fits (a name with no known gender fits either).
  const before = (ch: IdeaCharacter) => Math.max(-1, ...ch.inSentences.filter((x) => x < first.index));
  const candidates = c.idea.characters
    .filter((ch) => ch.kind === "person" && (ch.gender === gender || ch.gender === "n") && before(ch) >= 0)
    .sort((a, b) => before(b) - before(a) || (a.gender === gender ? -1 : 1));
  const who = candidates[0];
  if (!who || gender === "n") return text;
  const ref = capitalise(who.ref);
  if (/^(His|Her)$/.test(word)) {
    // "Her" is also an object pronoun; only rewrite when a noun follows, as in "Her brother…".
    if (/^Her\s+(is|was|and)\b/.test(text)) return text;
    return text.replace(/^(His|Her)\b/, `${possessiveOf(ref)}`);
  }
  return text.replace(/^(He|She)\b/, ref);
}

const PLACE_WORD = new RegExp(`\\b(${[...PLACE_NOUNS].filter((w) => !/^(car|bus|train|party|home|space|track|stage)$/.test(w)).join("|")})\\b`, "i");
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function castOf(text: string, c: Ctx): string[] {
  const out: string[] = [];
  for (const ch of c.idea.characters) {
    const hit = ch.keys.some((k) =>
      CJK.test(k) ? text.includes(k) : k.length > 1 && new RegExp(`(^|[^\\p{L}])${escapeRe(k)}($|[^\\p{L}])`, "iu").test(text),
    );
    if (hit) out.push(ch.name);
  }
  return out.slice(0, 6);
}

// ---------------------------------------------------------------- beats from templates

function fromTemplate(role: NarrativeRole, i: number, c: Ctx, used: Set<string>, step: number, n: number): Beat {
  // Templates are listed in narrative order (set out → push on → setback → doubt…) and the
  // first one the idea can fill wins, so variety comes from the idea, not from dice.
  const list = TEMPLATES[role];
  let draft: Draft | null = null;
  for (let idx = 0; idx < list.length && !draft; idx++) {
    const id = `${role}/${idx}`;
    if (used.has(id)) continue;
    let d = list[idx]?.(c, role === "how" ? step : i);
    // A gentle idea gets gentle beats: no stumbles, no "all is lost".
    if (d && !c.conflict && c.form === "story" && TENSE_BEAT.test(d.text)) d = null;
    if (d && c.plural) d = { ...d, text: agreePlural(d.text, c), visual: agreePlural(d.visual, c) };
    if (d) {
      used.add(id);
      draft = d;
    }
  }
  // Past the template bank (only at 10–12 frames): coverage of the idea's own words.
  draft ??= (() => {
    const word = c.idea.keywords[(i + used.size) % Math.max(1, c.idea.keywords.length)] ?? c.h;
    const angle = ["from low down", "from high above", "in silhouette", "through a doorway", "in reflection", "from behind"][i % 6];
    return { text: `Coverage: ${c.h} and ${word}, ${angle}${c.pin} — ${at(c, i)}.`, visual: `${c.h}, ${word}, ${angle}${c.pin}`, focus: FOCUS_BY_ROLE[role] };
  })();
  if (c.object && draft.text.includes(c.object)) c.objectUses++;
  const cast = draft.cast ?? (c.form === "story" ? "hero" : "none");
  const characters = draft.castNames
    ? draft.castNames
    : cast === "none"
      ? castOf(draft.text, c)
      : cast === "hero"
        ? unique([...(c.hero ? [c.hero.name] : []), ...castOf(draft.text, c), ...(c.companion && draft.text.includes(c.hh) ? [c.companion.name] : [])])
        : cast === "ally"
          ? unique([...(c.hero ? [c.hero.name] : []), ...(c.ally ? [c.ally.name] : [])])
          : c.idea.characters.map((x) => x.name);
  void n;
  return {
    role,
    focus: draft.focus,
    text: clipSentence(draft.text, 1000),
    visual: draft.visual,
    characters: characters.slice(0, 6),
    dialogue: draft.dialogue ?? null,
    notes: draft.notes ?? null,
    fromIdea: false,
    ownPlace: draft.focus === "card" || draft.focus === "packshot",
  };
}

/** "his wife" rather than "Tomas's wife" when the hero is the one looking. */
function refFromHero(x: IdeaCharacter, c: Ctx): string {
  if (c.hero && x.owner === c.hero.name && x.roleNoun) return `${c.his} ${x.roleNoun}`;
  return x.ref;
}

const at = (c: Ctx, k: number) => c.atmos[k % c.atmos.length] ?? "everything very still";
const placeCap = (c: Ctx) => (c.place ? capitalise(c.place) : null);
const routine = (c: Ctx) => ROUTINE[c.hero?.roleNoun ?? ""] ?? (c.hero && c.hero.kind !== "person" ? "wandering alone" : "going about an ordinary day");
// The idea's key object anchors a few beats, not every one: after two it rests.
const obj = (c: Ctx) => (c.objectUses < 2 ? c.object : null);
const objOr = (c: Ctx, fallback: string) => obj(c) ?? fallback;
const limbs = (c: Ctx) => (c.hero?.kind === "animal" ? "paws" : c.hero?.kind === "machine" ? "grippers" : "hands");
const allyRef = (c: Ctx) => c.ally?.ref ?? null;

const TEMPLATES: Record<NarrativeRole, readonly Template[]> = {
  // ---- story
  setup: [
    (c, k) =>
      c.place && c.landscape
        ? {
            // "at the edge of the steppe", but "at the lighthouse".
            text: `${capitalise(at(c, k))}: ${c.hero ? c.hh : "a lone figure"}${LANDSCAPE.test(c.place) ? ` at the edge of ${c.place}` : c.pin}${c.t}.`,
            visual: `${c.place}${c.t}, ${at(c, k)}, ${c.hh} small in the distance`,
            focus: "place",
          }
        : null,
    (c, k) => ({
      text: `${c.H}${c.pin}${c.t}, ${routine(c)}; ${at(c, k + 1)}. Nothing has happened yet.`,
      visual: `${c.h} ${routine(c)}${c.pin}${c.t}, ${at(c, k + 1)}`,
      focus: "place",
    }),
  ],
  inciting: [
    (c) => (c.idea.action && c.hero ? { text: `${c.H} ${c.idea.action}.`, visual: `${c.h} ${c.idea.action}`, focus: "reveal" } : null),
    (c) =>
      obj(c)
        ? { text: `Something breaks the routine: ${obj(c)}. ${capitalise(c.he)} cannot look away.`, visual: `${c.h} staring at ${obj(c)}${c.pin}`, focus: "reveal" }
        : null,
    (c) => ({ text: `A sound, a shape, a chance: ${c.h} notices what no one else has, and ${c.his} world tilts.`, visual: `${c.h} turning sharply towards something off-frame${c.pin}`, focus: "reveal" }),
  ],
  rising: [
    (c) =>
      c.idea.goal && !c.goalStated
        ? { text: `${c.H} sets out${c.pp} to ${c.idea.goal}, ${c.his} shadow long on the ground.`, visual: `${c.hh} setting out${c.pp}${c.t}, long shadows`, focus: "journey" }
        : null,
    (c) => {
      // Coverage between two of the idea's own beats: the reaction a board artist would draw.
      if (!c.prev?.fromIdea || !c.hero || c.prev.role === "setup") return null;
      const other = c.prev.characters.find((n) => n !== c.hero?.name);
      const otherChar = other ? c.idea.characters.find((x) => x.name === other) : undefined;
      const otherRef = otherChar ? refFromHero(otherChar, c) : other ?? null;
      return {
        text: otherRef
          ? `Reaction: ${c.h} takes in ${otherRef} — says nothing, ${c.his} eyes going to ${obj(c) ?? c.place ?? "the floor"}. A long beat.`
          : `Reaction: ${c.h} alone with what just happened, ${c.his} eyes going to ${obj(c) ?? c.place ?? "the distance"}. A long beat.`,
        visual: `${possessiveOf(c.h)} face in silent reaction${otherRef ? `, ${otherRef} soft in the background` : ""}${c.pin}`,
        focus: "emotion",
        castNames: [c.hero.name, ...(other ? [other] : [])],
      };
    },
    (c, k) =>
      c.landscape && c.place && WATER.test(c.place)
        ? { text: `${c.H} rows out further across ${c.place}; ${at(c, k + 2)}, and the shore falls away.`, visual: `${c.h} in a small boat far out on ${c.place}, ${at(c, k + 2)}`, focus: "journey" }
        : c.landscape
          ? { text: `${capitalise(c.hh)} push${c.companion ? "" : "es"} on${c.pp}; ${at(c, k + 2)}, and every step costs more.`, visual: `${c.hh} pushing on${c.pp}, ${at(c, k + 2)}`, focus: "journey" }
          : null,
    (c) =>
      c.ally
        ? { text: `${c.H} and ${allyRef(c)} face each other; neither gives ground.`, visual: `${c.h} facing ${allyRef(c)}${c.pin}, tension between them`, focus: "dialogue", cast: "ally" }
        : null,
    (c) =>
      c.place && !c.landscape && c.hero && (c.hero.kind === "animal" || c.hero.role?.age === "child")
        ? { text: `Through ${possessiveOf(c.h)} eyes: ${c.place}, every detail suddenly huge and strange.`, visual: `${c.place} seen from very low down, everything looming, ${possessiveOf(c.h)} eye line`, focus: "pov" }
        : null,
    (c, k) =>
      c.place && c.landscape
        ? { text: `Through ${possessiveOf(c.h)} eyes: ${c.place} stretches ahead, ${at(c, k + 1)}.`, visual: `${c.place} stretching ahead, ${at(c, k + 1)}, seen from ${possessiveOf(c.h)} eye line`, focus: "pov" }
        : null,
    (c) =>
      obj(c)
        ? {
            text: `A setback: ${c.h} stumbles, and ${obj(c)} slips out of reach. For a moment it is all lost.`,
            visual: `${c.h} fallen${c.pin}, reaching for ${obj(c)}`,
            focus: "emotion",
          }
        : {
            text: `A setback: ${c.h} misjudges it and falls short; for a moment it looks hopeless.`,
            visual: `${c.h} fallen short${c.pin}, picking ${c.hero?.kind === "person" || !c.hero ? "themselves" : "itself"} up`,
            focus: "emotion",
          },
    (c) =>
      obj(c)
        ? { text: `${c.H} turns ${obj(c)} over in ${c.his} hands, weighing what it will cost.`, visual: `${possessiveOf(c.h)} hands turning ${obj(c)} over`, focus: "detail" }
        : null,
    (c) => ({ text: `${c.H} stops and listens. Something moves at the edge of the frame.`, visual: `${c.h} frozen mid-step, listening${c.pin}`, focus: "character" }),
    (c) =>
      c.ally
        ? { text: `${capitalise(allyRef(c) ?? "")} watches ${c.h} from a distance, unseen.`, visual: `${allyRef(c)} in the foreground, watching ${c.h} far off${c.pin}`, focus: "character", cast: "ally" }
        : null,
    (c) => ({
      text: `Time passes: ${c.hh} rest${c.companion ? "" : "s"}${c.pin}, exhausted, ${c.goalTarget ?? objOr(c, "the road ahead")} never far from ${c.his} thoughts.`,
      visual: `${c.hh} resting, exhausted${c.pin}`,
      focus: "character",
    }),
    (c) => ({ text: `The doubt sets in: ${c.h} alone with it, the way back still open.`, visual: `${c.h} alone, lost in thought${c.pin}`, focus: "emotion" }),
    (c) => ({ text: `${c.H} tries again, differently this time — and it almost works.`, visual: `${c.h} trying again, focused${c.pin}`, focus: "character" }),
    (c) => ({
      text: `Detail: ${possessiveOf(c.h)} ${limbs(c)}, ${at(c, 3)}. Small movements, a lot riding on them.`,
      visual: `close detail of ${possessiveOf(c.h)} ${limbs(c)}${c.pin}, ${at(c, 3)}`,
      focus: "detail",
    }),
    (c) =>
      c.idea.timeOfDay !== "night"
        ? { text: `Night falls${c.pin}: ${c.h} keeps at it by what light is left, ${at(c, 4)}.`, visual: `${c.h}${c.pin} at nightfall, last light`, focus: "journey" }
        : { text: `Deep in the night${c.pin}: ${c.h} keeps going by what light there is.`, visual: `${c.h}${c.pin} deep in the night`, focus: "journey" },
    (c) => ({ text: `${c.H}, tiny against everything still to come${c.pin}.`, visual: `${c.h} tiny in the frame${c.pin}, ${at(c, 5)}`, focus: "place" }),
    (c) => ({ text: `Someone — or something — is watching ${c.h}${c.pin}. ${capitalise(c.he)} ${c.he === "they" ? "do" : "does"} not see it yet.`, visual: `${c.h} seen from a hidden vantage point${c.pin}`, focus: "pov" }),
    (c) => ({ text: `A small victory: ${c.h} gets one thing right, and for a beat it feels possible.`, visual: `${c.h} with a flicker of hope${c.pin}`, focus: "emotion" }),
    (c) => ({ text: `The point of no return: ${c.h} crosses it without looking back.`, visual: `${c.h} stepping across a threshold${c.pin}, not looking back`, focus: "journey" }),
    (c) => ({ text: `${c.H} remembers how this started — a flash of the first frame — then back to now, harder.`, visual: `${possessiveOf(c.h)} face, lost in memory${c.pin}`, focus: "emotion" }),
  ],
  climax: [
    (c) => {
      if (!c.goalVerb || !c.goalTarget) return null;
      const target = c.goalTarget;
      const v = c.goalVerb;
      if (/^(find|search|look|seek|meet|see)/.test(v))
        return { text: `Close on ${c.h}: there, at last — ${target}. Everything the search cost is in ${c.his} eyes.`, visual: `${possessiveOf(c.h)} face, eyes wet, as ${target} appears`, focus: "emotion" };
      if (/^(save|rescue|protect|help|free|heal)/.test(v))
        return { text: `Close on ${c.h}, reaching for ${target} as everything gives way — now or never.`, visual: `${c.h} reaching out desperately towards ${target}`, focus: "emotion" };
      if (/^(return|deliver|bring|carry|take)/.test(v))
        return { text: `Close on ${c.h}, ${definite(target)} in hand, at the threshold — the last few steps of a long way.`, visual: `${c.h} holding ${definite(target)}, at a threshold`, focus: "emotion" };
      if (/^(reach|get|go|climb|cross|come)/.test(v))
        return { text: `Close on ${c.h} as ${target} finally comes into view — the last few steps.`, visual: `${possessiveOf(c.h)} face lit by the sight of ${target}`, focus: "emotion" };
      if (/^(win|beat|defeat|stop|catch|fight)/.test(v))
        return { text: `Close on ${c.h} at the decisive moment: ${v} ${target}, or lose everything.`, visual: `${possessiveOf(c.h)} face at the decisive moment, jaw set`, focus: "emotion" };
      return { text: `Close on ${c.h} as the moment comes: ${c.idea.goal}, now or never.`, visual: `${possessiveOf(c.h)} face at the moment of truth`, focus: "emotion" };
    },
    (c) =>
      obj(c)
        ? { text: `It all comes down to ${obj(c)}: ${c.h} makes the choice, and there is no taking it back.`, visual: `${c.h} and ${obj(c)}, the decisive moment`, focus: "emotion" }
        : null,
    (c) => ({ text: `Close on ${c.h}: everything narrows to this one moment, and ${c.he} ${c.he === "they" ? "commit" : "commits"}.`, visual: `${possessiveOf(c.h)} face, everything narrowing to one moment`, focus: "emotion" }),
  ],
  resolution: [
    (c) =>
      c.goalTarget && /^(find|search|look|seek|save|rescue|meet|free|help)/.test(c.goalVerb ?? "")
        ? {
            text: `Pull back: ${c.h} and ${c.goalTarget} together${c.pin}${laterPhrase(c)}. The frame holds, quiet.`,
            visual: `${c.hh} with ${c.goalTarget}${c.pin}${laterPhrase(c)}, small in a wide frame, calm at last`,
            focus: "place",
            cast: "all",
          }
        : null,
    (c) =>
      !c.conflict && c.hero && c.form === "story"
        ? {
            text: `${placeCap(c) ?? "The world"}${laterPhrase(c) || ", the light going gold"}: ${c.hh}${obj(c) ? ` and ${obj(c)}` : ""}, small in a wide frame, the day's work done.`,
            visual: `${c.hh}${obj(c) ? ` with ${obj(c)}` : ""}${c.pin}, small in a wide frame, warm low light`,
            focus: "place",
          }
        : null,
    (c) => obj(c) ? ({
      text: `${placeCap(c) ?? "The world"}${laterPhrase(c)}, quiet again. ${c.H} with ${obj(c)}, changed.`,
      visual: `${c.place ?? "a quiet open space"}${laterPhrase(c)}, ${c.h} with ${obj(c)}`,
      focus: "place",
    }) : null,
    (c) => ({
      text: `Pull back: ${c.hh}${c.pin}${laterPhrase(c)}, changed. The frame holds, quiet.`,
      visual: `${c.hh} small in the frame${c.pin}${laterPhrase(c)}, calm after everything`,
      focus: "place",
    }),
  ],
  // ---- ad
  hook: [
    (c) => {
      const p = adProblem(c);
      // The problem names its own place (the school gate, the café), so no habitat in front of it.
      return p ? { text: `Hook${c.idea.setting ? c.pin : ""}${c.t}: ${p.problem}`, visual: p.problemVisual, focus: "place", cast: "hero" } : null;
    },
    (c) =>
      c.hero || c.product?.audience
        ? {
            text: `Cold open${c.pin}${c.t}: ${audienceOf(c)} mid-routine, making do${productKind(c) ? ` without ${productKind(c)}` : ""} — a beat of silence before the music hits.`,
            visual: `${audienceOf(c)} mid-routine${c.pin}${c.t}, making do`,
            focus: "place",
            cast: "hero",
          }
        : null,
    (c, k) => ({
      text: `Cold open${c.pin}${c.t}: the world before ${productRef(c)} — ordinary, a little grey, ${at(c, k)}. A beat of silence before the music hits.`,
      visual: `an ordinary, slightly grey everyday scene${c.pin}${c.t}, ${at(c, k)}`,
      focus: "place",
    }),
    (c, k) => ({
      text: `Open${c.pin}${c.t}, ${at(c, k)}. One small frustration everyone knows, played a beat too long.`,
      visual: `${c.place ?? "an everyday scene"}${c.t}, ${audienceOf(c)} mid-frustration`,
      focus: "place",
      cast: "hero",
    }),
  ],
  intro: [
    (c) =>
      c.product
        ? {
            text: `Reveal: ${c.product.name}${c.product.descriptor ? `, ${c.product.descriptor},` : ""} slides into frame and takes the light.`,
            visual: `${c.product.name}${c.product.descriptor ? `, ${c.product.descriptor},` : ""} hero-lit${c.pp}`,
            focus: "reveal",
            notes: `Super: "${capitalise(c.product.benefit ?? c.product.name)}"`,
          }
        : null,
    (c) => ({ text: `Meet the answer: ${productRef(c)}, front and centre${c.pp}.`, visual: `${productRef(c)} front and centre${c.pp}`, focus: "reveal" }),
  ],
  feature: [
    (c) => useBeat(c),
    (c) => featureBeat(c, 0),
    (c) => featureBeat(c, 1),
    (c) => featureBeat(c, 2),
    (c) => featureBeat(c, 3),
    (c) => proofBeat(c),
    // An insert names the thing it shows: "Hush, the noise-cancelling headphones", not just a brand.
    (c) => ({ text: `Insert: ${packshotRef(c).replace(/,$/, "")}${/,[^,]+$/.test(packshotRef(c).replace(/,$/, "")) ? "," : ""} up close — every seam and edge, turning under a single light.`, visual: `${packshotRef(c).replace(/,$/, "")} filling the frame, close detail`, focus: "product" }),
    (c) => {
      const p = adProblem(c);
      return p ? { text: `Proof: ${p.solved}`, visual: p.solvedVisual, focus: "emotion", cast: "hero" } : null;
    },
    (c) => ({
      text: `In use${c.pin}: ${audienceOf(c)} ${c.hero ? "puts" : "put"} ${productRef(c)} to work, and it simply does its job.`,
      visual: `${audienceOf(c)} using ${productRef(c)}${c.pp}${c.t}`,
      focus: "character",
      cast: "hero",
    }),
    (c) => ({ text: `Reaction: a small, private grin as ${productRef(c)} earns its place.`, visual: `a delighted face, ${productRef(c)} in the foreground${c.pp}`, focus: "emotion", cast: "hero" }),
    (c) => ({ text: `Quick cuts: ${productRef(c)} in three different hands, three different moments of the day.`, visual: `${productRef(c)} in different hands through the day`, focus: "journey" }),
    (c) => ({ text: `Seen over a shoulder: ${productRef(c)} in its natural habitat${c.pin}, exactly where it belongs.`, visual: `${productRef(c)}${c.pin}, seen over a shoulder`, focus: "dialogue", cast: "hero" }),
    (c) => ({ text: `Side by side: life without ${productRef(c)} on the left, with it on the right.`, visual: `split screen, without and with ${productRef(c)}`, focus: "character" }),
    (c) => ({ text: `Slow motion: ${productRef(c)} in action${c.pin}, every detail crisp.`, visual: `${productRef(c)} in action${c.pin}, slow motion, crisp detail`, focus: "product" }),
    (c) => ({ text: `Top-down: ${productRef(c)} laid out neatly beside everything it replaces.`, visual: `top-down flat lay of ${productRef(c)} beside the clutter it replaces`, focus: "detail" }),
    (c) => ({ text: `A friend asks about ${productRef(c)}; ${audienceOf(c)} just ${c.hero ? "hands" : "hand"} it over.`, visual: `${audienceOf(c)} handing ${productRef(c)} to a curious friend${c.pin}`, focus: "dialogue", cast: "hero" }),
    (c) => ({ text: `Night falls${c.pin}; ${productRef(c)} keeps going.`, visual: `${productRef(c)}${c.pin} at night, still going`, focus: "place" }),
    (c) => ({ text: `The sound-design beat: a satisfying click as ${productRef(c)} snaps into place.`, visual: `${productRef(c)} snapping into place, macro`, focus: "product" }),
  ],
  cta: [
    (c) =>
      c.form === "explainer"
        ? {
            text: `End card: "${titleOf(c)}" — one line to remember: ${c.topic ? c.topic.clause : c.idea.keywords.slice(0, 3).join(", ")}.`,
            visual: `clean end card with a simple icon of ${c.topic?.subject ?? c.idea.keywords[0] ?? "the idea"}`,
            focus: "card",
            notes: `Super: "${capitalise(c.topic?.clause ?? titleOf(c))}." Then: "Learn more"`,
          }
        : {
            text: `Packshot: ${packshotRef(c)} centred on a clean field, logo lockup and tagline. Hold.`,
            visual: `${productRef(c)} centred on a clean seamless background, packshot`,
            focus: "packshot",
            dialogue: `VO: "${capitalise(productRef(c))}.${c.product?.benefit ? ` ${c.product.benefit}.` : c.product?.descriptor ? ` ${capitalise(c.product.descriptor)}.` : ""}"`,
            notes: `Super: "${superLine(null, c)}"`,
          },
  ],
  // ---- explainer
  problem: [
    (c) => ({
      text: `Open on the question${c.topic ? `: ${c.topic.question}` : "."} Everyday life${c.pin}, where it matters long before anyone thinks about it.`,
      visual: `everyday people${c.pp}, ${c.topic?.subject ?? "the subject"} present but unnoticed`,
      focus: "place",
      notes: c.topic ? `Super: "${c.topic.question}"` : null,
    }),
  ],
  solution: [
    (c) => ({
      text: `The answer in one picture: ${c.topic?.clause ?? c.idea.keywords.slice(0, 4).join(", ")}. A simple diagram builds on screen.`,
      visual: `simple clear diagram: ${c.topic?.clause ?? c.idea.keywords.slice(0, 4).join(", ")}`,
      focus: "reveal",
    }),
  ],
  how: [
    (c, k) => ({
      text: `Step ${k}: inside ${c.topic?.subject ?? "it"} — a cutaway, each part labelled as it lights up.`,
      visual: `labelled cutaway diagram of ${c.topic?.subject ?? "the mechanism"}`,
      focus: "detail",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: ${c.topic?.subject ?? "the idea"} in action — the exchange shown as a clean, labelled diagram.`,
      visual: `${c.topic?.subject ?? "the idea"} in action, clean labelled diagram${c.topic?.object ? ` with ${c.topic.object}` : ""}`,
      focus: "detail",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: side by side — without ${c.topic?.subject ?? "it"} on the left, with ${c.topic?.subject ?? "it"} on the right.`,
      visual: `split-screen comparison, without and with ${c.topic?.subject ?? "it"}`,
      focus: "character",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: the effect builds over time — a counter ticks up as the diagram fills in.`,
      visual: `diagram filling in over time, a counter in the corner, ${c.topic?.subject ?? "the subject"}`,
      focus: "detail",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: over a learner's shoulder, trying it for real — ${c.topic?.clause ?? "the idea"}, in practice.`,
      visual: `over-the-shoulder view of someone trying it, ${c.topic?.subject ?? "the subject"} in hand`,
      focus: "dialogue",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: the one detail people miss about ${c.topic?.subject ?? "it"}, circled and magnified.`,
      visual: `magnified detail of ${c.topic?.subject ?? "the subject"}, circled`,
      focus: "product",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: a real-world example — ${c.topic?.subject ?? "it"} at work in an ordinary kitchen, street or office.`,
      visual: `${c.topic?.subject ?? "the subject"} at work in an everyday setting, annotated`,
      focus: "character",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: what goes wrong without it — the same diagram, one piece missing, everything stalls.`,
      visual: `diagram with one piece missing, ${c.topic?.subject ?? "the subject"} greyed out`,
      focus: "detail",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: the numbers — a simple chart rises as the narrator counts it out.`,
      visual: `simple bar chart about ${c.topic?.subject ?? "the subject"}, bold and clean`,
      focus: "detail",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: zoom back out — every part from the earlier steps, connected in one picture.`,
      visual: `zoomed-out overview diagram connecting every part of ${c.topic?.subject ?? "the idea"}`,
      focus: "place",
      notes: `Lower third: "Step ${k}"`,
    }),
    (c, k) => ({
      text: `Step ${k}: a myth, crossed out — what people often get wrong about ${c.topic?.subject ?? "it"}.`,
      visual: `a common myth about ${c.topic?.subject ?? "the subject"}, crossed out in red`,
      focus: "product",
      notes: `Lower third: "Step ${k}"`,
    }),
  ],
  benefit: [
    (c) => ({
      text: `What changes: back out to real life${c.pin} — ${
        c.topic?.kind === "clause" ? `because ${c.topic.clause}, ` : c.topic?.kind === "activity" ? `${c.topic.clause} mastered, ` : c.topic ? `${c.topic.clause} understood, ` : ""
      }people get on with their day.`,
      visual: `people getting on with their day${c.pp}, relaxed and confident`,
      focus: "character",
    }),
  ],
};

/** The claim, shown rather than said: ice still clinking after a day, steam still curling. */
function proofBeat(c: Ctx): Draft | null {
  const claim = c.product?.features.map((f) => f.text).join(" ") ?? "";
  const dur = /\b(\d+|twenty-four|twelve|all-day)[\s-]*(hours?|h|days?|minutes?)\b/i.exec(claim)?.[0] ?? null;
  const name = productRef(c);
  const who = c.hero ? c.h : "a hand";
  let text: string | null = null;
  if (/\b(cold|ice|chill|cool)\b/i.test(claim)) text = `Insert: ${who === "a hand" ? "a hand tips" : `${who} tips`} ${name} after ${dur ? `${dur} out` : "a long day"} — ice still clinking, beads of condensation running down the side.`;
  else if (/\b(hot|warm|heat)\b/i.test(claim)) text = `Insert: ${name} opened after ${dur ?? "a long day"} — steam still curling up into the cold air.`;
  else if (/\brain\b/i.test(claim)) text = `The first drops hit the pavement${c.pin}; ${c.hero ? `${c.h} is already under ${name}` : `${name} is already open`}, dry.`;
  else if (/\b(charge|charges|battery|power)\b/i.test(claim)) text = `Insert: ${name}'s battery light still glowing${dur ? ` after ${dur}` : ""}, deep into the night.`;
  if (!text) return null;
  return { text, visual: text.replace(/^Insert:\s*/, ""), focus: "detail", cast: "hero", notes: dur ? `Super: a clock ticks to "${dur.replace(/\s*hours?$/i, " h")}"` : null };
}

/** "for parents who do the school run" → the parent doing the school run with the product: the proof in use. */
function useBeat(c: Ctx): Draft | null {
  const detail = c.idea.product?.audienceDetail?.replace(/^(who|that)\s+/i, "");
  if (!detail || !c.hero || c.hero.kind !== "person" || !c.product) return null;
  // "who worry when their cat goes out": a worry is the hook's problem, not a use.
  if (WORRY.test(detail)) return null;
  const [verb = "", ...rest] = detail.split(/\s+/);
  const does = `${conj3(verb)} ${rest.join(" ")}`.trim();
  const p = adProblem(c);
  return {
    text: `In use: ${c.h} ${does} with ${c.product.name}${p?.withIt ? ` — ${p.withIt}` : ""}.`,
    visual: `${c.h} ${does} with ${c.product.name}${p?.withIt ? `, ${p.withIt}` : ""}`,
    focus: "character",
    cast: "hero",
  };
}

const WORRY = /^(worry|worries|hate|hates|struggle|struggles|forget|forgets|lose|loses|miss|misses|fear|fears|can't|cannot|never)\b/i;

interface AdProblem {
  problem: string;
  problemVisual: string;
  withIt: string;
  solved: string;
  solvedVisual: string;
}

/** The everyday problem the ad's audience has, drawn from what the idea says the product is for. */
function adProblem(c: Ctx): AdProblem | null {
  const text = `${c.idea.text} ${c.product?.name ?? ""}`.toLowerCase();
  const h = c.h;
  const P = c.product?.name ?? "it";
  const row = AD_PROBLEMS.find(([re]) => re.test(text));
  if (row) return row[1](h, P);
  // The audience's own worry is the problem: "cat owners who worry when their cat goes out at night".
  const detail = c.idea.product?.audienceDetail?.replace(/^(who|that)\s+/i, "");
  if (detail && WORRY.test(detail) && c.hero?.kind === "person") {
    const [verb = "", ...rest] = detail.split(/\s+/);
    const line = `${h} ${conj3(verb)} ${rest.join(" ")}`.trim();
    return { problem: `${line}.`, problemVisual: line, withIt: `${h} checking the phone, calm`, solved: `${h} glances at the phone, smiles, and turns the light off — no more worry.`, solvedVisual: `${h} smiling at a phone at night` };
  }
  return null;
}

const AD_PROBLEMS: ReadonlyArray<readonly [RegExp, (h: string, p: string) => AdProblem]> = [
  [/school run|school/, (h, p) => ({ problem: `the school run, the old way — ${h} hauls two kids, a scooter and three bags through stalled traffic.`, problemVisual: `${h} with two kids and bags stuck in traffic outside a school`, withIt: "two kids in the front, gliding past the queue of cars", solved: `at the school gate on time, the two kids hop out of ${p} and wave.`, solvedVisual: `two kids waving at a school gate beside ${p}, ${h} smiling` })],
  [/loud|noise|caf[eé]s?\b|stud(y|ies|ents?)/, (h, p) => ({ problem: `a loud café — the espresso machine shrieks, a table laughs, and ${h} reads the same line of notes four times.`, problemVisual: `${h} in a crowded loud café, notes and a coffee cup on the table`, withIt: "the café's noise falling away to nothing", solved: `the café still roars around ${h}, who turns a page, calm, ${p} on.`, solvedVisual: `${h} calmly studying in a busy café wearing ${p}` })],
  [/\bold dogs?\b|\bdogs?\b/, (h, p) => ({ problem: `an old dog lies by the door, the lead on its hook, a long walk feeling longer every week.`, problemVisual: "an old dog lying by a door, a lead hanging on a hook", withIt: "the old dog's bowl licked clean", solved: `the old dog tugs at the lead, tail going, after a bowl of ${p}.`, solvedVisual: `an old dog pulling happily on a lead in a park, a bowl of ${p} at home` })],
  [/\bsav(e|es|ing|ings)\b|\bbudget|\bmoney\b|\bpurchase/, (h, _p) => ({ problem: `receipts spread across the kitchen table; ${h} stare at an empty savings jar.`, problemVisual: `${h} at a kitchen table covered in receipts, an empty savings jar`, withIt: "every purchase rounded up, the change dropping into savings", solved: `the savings jar on the shelf, nearly full; ${h} look at a flat listing on the phone.`, solvedVisual: `a nearly full savings jar and a phone showing a flat listing, ${h}` })],
  [/\broof|\bfarmhouses?\b|\bpower cuts?\b/, (h, p) => ({ problem: `dusk at the farmhouse: the power cuts out again and a paraffin lamp sputters on the table.`, problemVisual: "a farmhouse at dusk with dark windows, a paraffin lamp on a table", withIt: "sunlight on the roof all day", solved: `night falls and every window of the farmhouse glows, ${p} on the roof.`, solvedVisual: `a farmhouse at night, windows lit, ${p} on the roof` })],
  [/\bstations?\b|\btea\b|\bchai\b/, (h, p) => ({ problem: `the morning rush at the station — cold hands, a train to catch; ${h} lights the stove and sets out the cups.`, problemVisual: "a crowded railway station platform in the morning rush", withIt: "steam rising from a small clay cup", solved: `commuters crowd the stall, cups of ${p} in hand, the train doors opening behind them.`, solvedVisual: `commuters holding cups of tea at a station stall, a train behind` })],
  [/stroller|pram|buggy/, (h, p) => ({ problem: `a baby on one arm, ${h} wrestles an old stroller that will not fold.`, problemVisual: `${h} holding a baby and struggling with a folding stroller`, withIt: "one hand, one click, folded", solved: `${h} folds ${p} with one hand, the baby still asleep on the other arm.`, solvedVisual: `${h} folding a light stroller with one hand, holding a sleeping baby` })],
  [/library|teen/, (h, _p) => ({ problem: `after dark, ${h} sits alone on a bench, headphones in, nowhere to go.`, problemVisual: `${h} alone on a park bench at night`, withIt: "the lights on and the doors open late", solved: `the reading room at night, full of teenagers — ${h} among them, laughing over a book.`, solvedVisual: "a library reading room at night full of teenagers with books" })],
  [/stadium|game nights?|food truck|hungry/, (h, p) => ({ problem: `the final whistle: the crowd pours out of the stadium, hungry, every stall already shuttered.`, problemVisual: "a hungry crowd leaving a stadium at night", withIt: "the hatch open and the grill sizzling", solved: `a queue snakes from ${p} to the stadium gate, tacos passed out of the hatch.`, solvedVisual: `a long queue at a food truck outside a stadium at night, tacos` })],
  [/\bcamp(ers?|ing|site)?\b|\blantern|\btent\b/, (h, p) => ({ problem: `the campsite after sunset: a dying torch, ${h} fumbling for the tent zip in the dark.`, problemVisual: `${h} at a dark campsite with a dying torch and a tent`, withIt: "the tent glowing from inside", solved: `the whole campsite gathered in the glow of ${p}.`, solvedVisual: `campers around a glowing lantern at night by a tent` })],
  [/\brain|umbrella|commut/, (h, p) => ({ problem: `${h} at the bus stop, soaked, the rain alert arriving a minute too late.`, problemVisual: `${h} soaked at a bus stop in the rain, phone in hand`, withIt: "dry under it as the first drops fall", solved: `everyone at the stop is soaked — except ${h}, dry under ${p}.`, solvedVisual: `${h} dry under an umbrella among soaked commuters at a bus stop` })],
];

function featureBeat(c: Ctx, k: number): Draft | null {
  const f = c.product?.features.filter((x) => !c.featureText.includes(x.text.toLowerCase()) && !/^(with|for|in|on|at|by|to|from|so)\s/i.test(x.text))[k];
  if (!f || !c.product) return null;
  const name = c.product.name;
  if (c.hero && f.kind === "vp") {
    // A claim is a person's moment with the product, not a packshot.
    const where = c.pin || (c.hero.role?.habitat ? ` on ${c.hero.role.habitat.replace(/^(a|an)\s+/i, "a ")}` : "");
    return {
      text: `${k === 0 ? "In use" : "Later"}${where}${k === 0 ? c.t : ""}: ${c.h} reaches for ${name} — it ${f.text}.`,
      visual: `${c.h} using ${name}${where}${c.t}`,
      focus: k % 2 === 0 ? "character" : "detail",
      cast: "hero",
      notes: `Super: "${capitalise(f.text)}"`,
    };
  }
  const tail = [" — turning slowly in the light", " — flexed, twisted, put through its paces", " — in motion, then a hard freeze-frame", " — the detail nobody else bothers with"][k % 4];
  const text =
    f.kind === "vp" ? `Close on ${name}: it ${f.text}.` : f.kind === "adj" ? `Close on ${name}: ${f.text}.` : `Close on ${possessiveOf(name)} ${f.text}${tail}.`;
  return {
    text,
    visual: f.kind === "vp" ? `${name} that ${f.text}` : f.kind === "adj" ? `${name}, ${f.text}, close detail` : `${possessiveOf(name)} ${f.text}, close detail`, focus: k % 2 === 0 ? "product" : "detail", notes: `Super: "${capitalise(f.text)}"` };
}

/** The packshot names what the product is, so a 3-frame spot still shows "Hush, the headphones". */
function packshotRef(c: Ctx): string {
  const kind = productKind(c);
  const name = productRef(c);
  return kind && !name.toLowerCase().includes(kind.replace(/^an?\s+/i, "").toLowerCase()) ? `${name}, ${kind.replace(/^an?\s+/i, "the ")},` : name;
}

function productRef(c: Ctx): string {
  // No product parsed ("a public service ad inviting teenagers to the new library"): the thing the idea is about.
  const thing = c.idea.objects.find((o) => !/^(every|each|all|some|public|service|ad|video)\b/i.test(o)) ?? c.idea.setting;
  return c.product?.name ?? (thing ? definite(thing) : null) ?? c.idea.keywords[0] ?? "the product";
}

function productKind(c: Ctx): string | null {
  const d = c.product?.descriptor;
  if (d) return d.replace(/^the\s+/i, "a ").replace(/\s+for\s+.*$/i, "");
  return null;
}

function audienceOf(c: Ctx): string {
  if (c.hero) return c.h;
  return c.product?.audience ?? "people";
}

function superLine(sentence: string | null, c: Ctx): string {
  const name = productRef(c);
  if (sentence) return shortSuper(sentence);
  if (c.product?.benefit) return `${c.product.benefit}. ${capitalise(name.replace(/^the\s+/i, ""))}. Available now.`;
  const d = c.product?.descriptor ? capitalise(c.product.descriptor.replace(/^(a|an|the)\s+/i, "")) : null;
  return d ? `${capitalise(name)} — ${d}. Available now.` : `${capitalise(name)}. Available now.`;
}

function shortSuper(text: string): string {
  const first = (text.replace(META_PREFIX, "").split(/(?<=[.!?。！？])\s/u)[0] ?? text).replace(/["“”«»]/g, "").replace(/[.!?。！？]+$/u, "");
  return capitalise(clipSentence(first, 80));
}

function titleOf(c: Ctx): string {
  return c.idea.topic ? capitalise(c.idea.topic) : capitalise(c.idea.keywords.slice(0, 3).join(" "));
}

function laterPhrase(c: Ctx): string {
  switch (c.idea.timeOfDay) {
    case "dawn":
      return ", the sun finally clear of the horizon";
    case "night":
    case "evening":
      return ", the first grey of morning coming up";
    case "dusk":
      return ", the last light gone blue";
    default:
      return c.idea.timeOfDay ? ", the light changed" : "";
  }
}

// ---------------------------------------------------------------- text helpers

/** "Tomas's", "the campers'". */
export function possessiveOf(ref: string): string {
  return /^[a-z].*s$/.test(ref.split(" ").pop() ?? "") && /^(the|these|those|our|their)\s/i.test(ref) ? `${ref}'` : `${ref}'s`;
}

function hasAtmos(text: string): boolean {
  return text.length > 160;
}

function ensurePeriod(s: string): string {
  const t = s.trim();
  return /[.!?…。！？"”»]$/u.test(t) ? t : `${t}.`;
}

function stripQuotes(s: string): string {
  return s.replace(/["“«„「『][^"“”«»„「」『』]*["”»」』]/gu, "").replace(/\s{2,}/g, " ").trim() || s;
}

function clipSentence(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const stop = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("。"), cut.lastIndexOf("! "), cut.lastIndexOf("? "));
  if (stop > max * 0.5) return cut.slice(0, stop + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Descriptions must differ pairwise; a repeat (two identical sentences) gets an angle note. */
function distinct(beats: Beat[]): Beat[] {
  const seen = new Set<string>();
  return beats.map((b, i) => {
    let text = b.text;
    if (seen.has(text.toLowerCase())) text = `${text} (Frame ${i + 1}: reverse angle.)`;
    seen.add(text.toLowerCase());
    return { ...b, text };
  });
}

// ---------------------------------------------------------------- a one-line story as a beat sheet

const CONFLICT = /\b(storms?|stormy|chase[sd]?|chasing|lost|loses|fights?|fighting|escapes?|escaping|race[sd]?|racing|flee[sd]?|flood\w*|danger\w*|steals?|stole|stolen|thief|war|monsters?|attack\w*|fire|burning|trap\w*|hunt\w*|runs? away|victim|kill\w*|murder\w*|rescue\w*|save[sd]?|survive\w*|last|before the|against|deadline|missing|cross(es|ing)? the desert|blizzard|haunt\w*|threat\w*)\b/i;
/** Template beats that only fit an idea with conflict in it. */
const TENSE_BEAT = /stumbles|all lost|hopeless|neither gives ground|doubt sets in|point of no return|unseen|or something|every step costs more|Something moves|lose everything|now or never|no taking it back|what it will cost|misjudges|falls short/i;

/** "the two kids pushes on" → "the two kids push on". */
function agreePlural(text: string, c: Ctx): string {
  const refs = [c.h, c.H, c.hh, capitalise(c.hh), "they", "They"].filter(Boolean).map(escapeRe).join("|");
  return text
    .replace(new RegExp(`\\b(${refs})\\s+(is|has|does|was)\\b`, "g"), (_, who: string, v: string) => `${who} ${({ is: "are", has: "have", does: "do", was: "were" } as Record<string, string>)[v] ?? v}`)
    .replace(new RegExp(`\\b(${refs})\\s+([a-z]+s)\\b`, "g"), (m, who: string, v: string) => {
      const inf = lemma(v);
      return inf && inf !== v ? `${who} ${inf}` : m;
    });
}

const lemmaMemo = new Map<string, string>();
function lemma(v: string): string {
  const hit = lemmaMemo.get(v);
  if (hit !== undefined) return hit;
  const terms = (nlp(`she ${v}`).json() as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms ?? [];
  const isVerb = terms[1]?.tags.includes("Verb") ?? false;
  const inf = isVerb ? (nlp(`she ${v}`).verbs().toInfinitive().text().replace(/^she\s+/i, "") || v) : v;
  lemmaMemo.set(v, inf);
  return inf;
}

interface SheetItem {
  text: string;
  /** Clauses of the idea itself are 10; invented coverage lower, dropped first when frames are few. */
  priority: number;
  sentence: number;
}

const BIRDS = /^(seagull|gull|crow|raven|pigeon|owl|eagle|parrot|duck|goose|chicken|hen|rooster|penguin|sparrow|robin|magpie)$/;
const READABLE = /\b(message|letter|note|map|diary|postcard|photo|photograph|book|journal|card|scroll|poem|list)\b/i;
const SKY = /\b(clouds?|sky|stars?|wind|weather|tides?|waves?|birds?)\b/i;
const HOLDS = /\b(raft|boat|kite|rocket|plane|cart|bridge|treehouse|sled|go-kart|glider|canoe|fort|hut)\b/i;

/** Says a verb for the clause's subject: v(k, "points", "point"). */
function verbFor(k: Clause, singular: string, plural: string): string {
  return k.plural ? plural : singular;
}

function pronouns(who: IdeaCharacter | null, plural: boolean): { he: string; his: string } {
  if (plural || !who) return { he: "they", his: "their" };
  if (who.kind !== "person" && who.gender === "n") return { he: "it", his: "its" };
  return who.gender === "f" ? { he: "she", his: "her" } : who.gender === "m" ? { he: "he", his: "his" } : { he: "they", his: "their" };
}

/** Coverage a board artist would draw around one of the idea's own actions. */
function scriptFor(k: Clause, next: Clause | undefined, c: Ctx): { before: SheetItem[]; after: SheetItem[]; resolution?: string } {
  const S = k.subject;
  const { he, his } = pronouns(k.who, k.plural);
  const item = (text: string, priority: number): SheetItem => ({ text: capitalise(text), priority, sentence: k.sentence });
  const before: SheetItem[] = [];
  const after: SheetItem[] = [];
  let resolution: string | undefined;
  const O = k.object;
  const hands = k.who?.kind === "animal" ? "jaws" : "hands";
  switch (k.verb) {
    case "find":
    case "discover":
    case "uncover":
    case "dig":
      if (O && READABLE.test(O)) {
        const by = /\b((?:written|signed|drawn|addressed|left|sent) by [^,.;]+)/i.exec(k.vp)?.[1];
        after.push(item(`Insert: ${his} hands unroll ${O.replace(/\s+(in|from|inside)\s+.*$/i, "")}${by ? ` — ${by}` : ""}. ${capitalise(he)} ${verbFor(k, "reads", "read")} it once, then again.`, 6));
      } else if (O && !k.target) after.push(item(`Insert: ${O} in ${his} ${hands}, turned slowly to the light.`, 5));
      break;
    case "climb":
      if (O) after.push(item(`From the top of ${O}, ${S} ${verbFor(k, "looks", "look")} out over ${c.place && /lighthouse|coast|cliff|harbou?r|beach|sea/i.test(c.place) ? "the sea" : c.place ?? "everything below"}${c.conflict ? ", the sky bruising on the horizon" : ""}.`, 5));
      break;
    case "teach":
    case "show":
    case "help": {
      const P = k.target?.ref ?? (O && !/^(the|a|an)\s/i.test(O) ? O : null);
      const skill = k.complement;
      if (!P || !skill) break;
      const pupil = pronouns(k.target, !!k.target?.plural);
      const thing = /\b(?:the|a|an|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?$/i.exec(skill)?.[0] ?? null;
      const sky = SKY.test(skill);
      const [sv = "", ...rest] = skill.split(" ");
      const does = `${lemma(sv) === sv ? conj3(sv) : sv} ${rest.join(" ")}`.trim();
      after.push(item(`${S} ${verbFor(k, "points", "point")} ${thing ? `at ${thing}` : "the way"}; ${P} ${k.target?.plural ? "squint" : "squints"}, following ${his} finger.`, 7));
      after.push(item(`${P} ${k.target?.plural ? "try" : "tries"} — a first wrong guess. ${capitalise(S)} ${verbFor(k, "shakes", "shake")} ${his} head, smiling.`, 6));
      if (sky) after.push(item(`The ${thing ? thing.replace(/^(the|a|an|his|her|their)\s+/i, "") : "sky"} ${/s$/.test(thing ?? "") ? "thicken and darken" : "thickens and darkens"}${c.pin ? ` over ${c.place}` : ""}.`, 4));
      after.push(item(`${P} ${does} on ${pupil.his} own${sky ? " — and sees the weather turning" : ""}; ${S} ${verbFor(k, "nods", "nod")}, proud.`, 9));
      resolution = `${capitalise(S)} and ${P} head home together${sky ? " ahead of the weather" : ""}${laterPhrase(c)}. The frame holds, quiet.`;
      break;
    }
    case "build":
    case "make":
    case "craft":
    case "fix":
    case "repair":
      if (O) {
        after.push(item(`Montage: ${S} ${verbFor(k, "measures, hammers and lashes", "measure, hammer and lash")}${c.place && WATER.test(c.place) ? ` on the bank of ${c.place}` : c.pin} — ${O} taking shape, ${at(c, 2)}.`, 6));
        if (HOLDS.test(O) && next) after.push(item(`${S} ${verbFor(k, "tests", "test")} ${O}: it wobbles, then holds.`, 5));
      }
      break;
    case "steal":
    case "grab":
    case "snatch":
    case "take":
    case "pinch":
    case "nick": {
      if (!O) break;
      // "steals his sandwich": whose it was is the other character, and their reaction is the joke.
      const owner = /^(his|her|their)\s/i.test(k.vp.split(" ").slice(1).join(" ")) ? c.idea.characters.find((x) => x !== k.who && x.kind === "person") ?? null : k.target;
      const thing = owner ? O.replace(/^(his|her|their|the)\s+/i, `${possessiveOf(owner.ref)} `) : O;
      const bare = O.replace(/^(his|her|their|the|a|an)\s+/i, "");
      const grip = BIRDS.test(k.who?.roleNoun ?? "") ? "beak" : k.who?.kind === "animal" ? "jaws" : "hands";
      const perch = BIRDS.test(k.who?.roleNoun ?? "") ? "the railing" : k.who?.kind === "animal" ? "the wall" : "the corner";
      after.push(item(`Insert: the ${bare} in ${possessiveOf(S)} ${grip}.`, 8));
      if (owner) {
        after.push(item(`${capitalise(owner.ref)} turns back — the ${bare} is gone; ${S} sits on ${perch}, the ${bare} dangling.`, 9));
        after.push(item(`${capitalise(owner.ref)} chases ${S}${c.place ? ` around ${c.place}` : ""}, waving both arms; ${S} stays one hop ahead.`, 7));
        resolution = c.idea.tone === "comedy" || c.idea.tone === "tender"
          ? `Dusk on ${perch}: ${owner.ref} and ${S} side by side, sharing a new ${bare} — a truce.`
          : `${capitalise(owner.ref)}, alone, watches ${S} go with the ${bare}${laterPhrase(c)}.`;
      } else after.push(item(`${S} ${verbFor(k, "bolts", "bolt")}, ${thing} clamped in ${his} ${grip}.`, 6));
      break;
    }
    case "outwit":
    case "trick":
    case "fool":
    case "cheat":
    case "con":
    case "dupe":
    case "outsmart": {
      const T = k.target?.ref ?? O;
      if (!T) break;
      after.push(item(`${S} ${verbFor(k, "spins", "spin")} ${T} a tall tale; ${T} leans in, eyes shining with greed.`, 8));
      after.push(item(`Close on ${T}: the penny drops — too late. ${S} ${verbFor(k, "is", "are")} already walking away.`, 9));
      resolution = `${capitalise(S)} strolls off grinning${laterPhrase(c)}; behind ${k.plural ? "them" : pronouns(k.who, false).he === "she" ? "her" : pronouns(k.who, false).he === "he" ? "him" : "them"}, ${T} fumes and the crowd laughs.`;
      break;
    }
    case "win":
    case "give":
    case "bring": {
      const forWhom = /\bfor (?:a|an|the)\s+([\w\s-]+)$/i.exec(k.vp)?.[1];
      const Y = forWhom ? c.idea.characters.find((x) => x.keys.some((key) => forWhom.toLowerCase().includes(key))) : null;
      const prize = O?.replace(/\s+for\s+.*$/i, "") ?? null;
      if (Y && prize) {
        after.push(item(`Insert: ${prize} changing hands.`, 7));
        resolution = `${capitalise(Y.ref)} wraps up in ${prize.replace(/^an?\s/i, "the ")}, warm at last; ${S} ${verbFor(k, "winks", "wink")} and ${verbFor(k, "walks", "walk")} on${laterPhrase(c)}.`;
      }
      break;
    }
    case "compete":
    case "race":
    case "duel":
    case "battle":
    case "fight": {
      // "in Lisbon", "at the night market".
      const arena = c.place ? (/^\p{Lu}/u.test(c.place) && !/^(The|A|An)\s/.test(c.place) ? ` in ${c.place}` : ` at ${c.place}`) : "";
      after.push(item(`Neck and neck${arena}: ${S} ${verbFor(k, "glances", "glance")} sideways — neither gives an inch.`, 8));
      after.push(item(k.verb === "race" ? `The finish rushes up; one is ahead, then the other.` : `The judges lean in and taste; a long, silent moment.`, 7));
      resolution = `${capitalise(S)} side by side, out of breath, laughing despite ${k.plural || his === "their" ? "themselves" : `${his}self`}${laterPhrase(c)}.`;
      break;
    }
    case "rescue":
    case "save": {
      const T = k.target?.ref ?? O;
      if (!T) break;
      before.push(item(`${capitalise(T)}, trapped, ${c.conflict ? "the danger closing in" : "out of reach"}.`, 7));
      after.push(item(`${S} ${verbFor(k, "reaches", "reach")} ${T} — a grab, a lurch, and ${verbFor(k, "holds", "hold")} on.`, 8));
      resolution = `Safe: ${S} and ${T}, exhausted, the danger behind them${laterPhrase(c)}.`;
      break;
    }
    case "chase":
    case "follow":
    case "pursue":
    case "hunt":
      if (k.target) {
        after.push(item(`The chase: ${k.target.ref} ${k.target.plural ? "weave" : "weaves"}${c.pp ? c.pp : ""}, ${S} a step behind — ${at(c, 1)}.`, 7));
        after.push(item(`Cornered at last: ${k.target.ref} and ${S} face each other, breathing hard.`, 8));
        resolution = `${placeCap(c) ?? "The street"}, quiet again${laterPhrase(c)}: ${k.target.ref} and ${S}, both out of breath${obj(c) ? `, ${obj(c)} between them` : ""}. The frame holds, quiet.`;
      }
      break;
    case "deliver":
    case "bring":
    case "carry":
      if (O) before.push(item(`Insert: ${O}, still intact, shielded in ${possessiveOf(S)} arms${c.conflict ? " as the water rises" : ""}.`, 5));
      break;
    case "cross":
      if (O && c.conflict) before.push(item(`Halfway across ${O}, ${S} ${verbFor(k, "holds", "hold")} on as the current pulls.`, 5));
      else if (O) before.push(item(`${S} ${verbFor(k, "pushes", "push")} off; the far bank of ${O.replace(/^the\s+/i, "the ")} edges closer.`, 5));
      break;
    default:
      break;
  }
  return { before, after, resolution };
}

function conj3(v: string): string {
  return nlp(v).verbs().toPresentTense().text() || `${v}s`;
}

/**
 * A story told in one or two sentences: its clauses become successive beats, in the idea's own
 * order, with coverage drawn from what each clause does (a found letter is read; a raft is
 * built, then tested). Returns null when the idea is long enough to carry the frames itself.
 */
function clauseSheet(idea: IdeaAnalysis, c: Ctx, roles: NarrativeRole[]): Array<Unit | undefined> | null {
  if (!idea.english || roles.length < 3) return null;
  const story = idea.sentences.filter((s) => !s.meta);
  if (story.length === 0 || story.length > 2 || story.length >= roles.length - 1) return null;
  const clauses = storyClauses(idea);
  if (clauses.length === 0) return null;
  let items: SheetItem[] = [];
  let resolution: string | undefined;
  clauses.forEach((k, i) => {
    const script = scriptFor(k, clauses[i + 1], c);
    let text = k.text;
    if (k.event && c.place) {
      const prev = clauses[i - 1];
      const from = prev?.verb === "climb" && prev.object ? ` from the top of ${prev.object}` : "";
      text = `${capitalise(k.subject)} ${k.vp} over ${c.place}; ${c.h} ${c.plural ? "face" : "faces"} it${from}.`;
    }
    if (script.before.length > 0 && k.object) text = text.replace(new RegExp(`\\b(a|an) ${escapeRe(bare(k.object))}\\b`), `the ${bare(k.object)}`);
    items.push(...script.before, { text, priority: 10, sentence: k.sentence }, ...script.after);
    resolution = script.resolution ?? resolution;
  });
  if (items.length < 2 && !resolution) return null;
  const n = roles.length;
  const middle = n - 2; // inciting … climax
  // Too many for the frames: drop invented coverage first (least telling, latest first), then merge clauses.
  while (items.length > middle) {
    let drop = -1;
    items.forEach((it, i) => {
      if (it.priority < 10 && (drop < 0 || it.priority <= items[drop]!.priority)) drop = i;
    });
    if (drop >= 0 && items.length > 1) {
      items.splice(drop, 1);
      continue;
    }
    // Then the idea's own middle actions (its first and last carry the story), then merge.
    if (items.length > 2) {
      items.splice(items.length - 2, 1);
      continue;
    }
    const a = items[0]!;
    const b = items[1]!;
    items = [{ text: clipSentence(`${a.text.replace(/[.]$/, "")}, then ${b.text.charAt(0).toLowerCase()}${b.text.slice(1)}`, 170), priority: 10, sentence: a.sentence }, ...items.slice(2)];
  }
  items = items.map((it) => ({ ...it, text: clipSentence(it.text, 180) }));
  const slots: Array<Unit | undefined> = new Array(n).fill(undefined);
  const unit = (it: SheetItem): Unit => {
    const s = idea.sentences[it.sentence] ?? idea.sentences[0]!;
    return { sentences: [{ ...s, text: it.text, quotes: [], pastTense: false, speech: false }], text: it.text, cta: false };
  };
  const lastItem = items.pop();
  // The climax holds on a face: an insert that lands there becomes a close-up on whoever holds it.
  if (lastItem && /^Insert:\s*/.test(lastItem.text) && c.hero) lastItem.text = `Close on ${c.h}: ${lastItem.text.replace(/^Insert:\s*/, "")}`;
  if (lastItem) slots[n - 2] = unit(lastItem);
  const open = Array.from({ length: Math.max(0, n - 3) }, (_, i) => i + 1);
  items.forEach((it, j) => {
    const at = items.length === 1 ? 0 : Math.round((j * (open.length - 1)) / (items.length - 1));
    const slot = open[Math.min(at, open.length - 1)];
    if (slot !== undefined && slots[slot] === undefined) slots[slot] = unit(it);
  });
  if (resolution) slots[n - 1] = unit({ text: resolution, priority: 10, sentence: clauses.at(-1)?.sentence ?? 0 });
  return slots;
}
