import nlp from "compromise";
import type { Form } from "../schema";
import { retagNameVerbs } from "./retag";
import type { ForeignLang } from "./foreign-lexicon";
import { detectLanguage, foreignNouns, isLexiconLang } from "./foreign-words";
import { readTone, type Tone } from "./tone";
import {
  AD_CUES,
  COLOUR_WORDS,
  CTA_SENTENCE,
  ENGLISH_WORDS,
  EXPLAINER_CUES,
  FOREIGN_WORDS,
  META_SENTENCE,
  MOOD_CUES,
  NAME_ADJECTIVES,
  NOT_NAMES,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  ROLE_NOUNS,
  TIMES_OF_DAY,
  WEATHER,
  type CharacterKind,
  type Gender,
  type RoleNoun,
} from "./lexicon";

// What the embedded planner understands of an idea. English goes through compromise (tags,
// tense); anything else is read with punctuation and capitalisation only, so Spanish, Russian,
// Kazakh or Japanese ideas still give sentences, candidate names and the idea's own words.

export interface IdeaCharacter {
  /** What the plan calls them: "Aigerim", "Old fisherman", "Aigerim's brother". */
  name: string;
  /** How a sentence refers to them: "Aigerim", "the old fisherman". */
  ref: string;
  kind: CharacterKind;
  gender: Gender;
  role: RoleNoun | null;
  roleNoun: string | null;
  /** Adjectives the idea gave them ("grey", "old"): the look must agree. */
  adjectives: string[];
  /** Whose they are ("her grey mare" → the character "her" points at), by name. */
  owner: string | null;
  mentions: number;
  firstAt: number;
  /** Token positions of every mention. */
  at: number[];
  /** Sentence indexes of every mention. */
  inSentences: number[];
  /** Ever the subject of a sentence (before its first verb). */
  subject: boolean;
  /** Named by the idea (Aigerim), not just a role (the old fisherman). */
  proper: boolean;
  /** Lowercase words that identify them in a sentence. */
  keys: string[];
  /** A small group drawn as one ("two kids"): verbs agree in the plural. */
  plural?: boolean;
  /** The noun in front of the role ("lighthouse" in "lighthouse keeper"). */
  modifier?: string;
}

export interface IdeaSentence {
  /** As typed (trimmed, emoji removed). */
  text: string;
  index: number;
  /** Describes the video rather than happening in it ("A 30-second ad for Lumo"). */
  meta: boolean;
  /** Reads like a call to action ("Available now at lumo.com"). */
  cta: boolean;
  /** Quoted speech found in the sentence. */
  quotes: string[];
  speech: boolean;
  pastTense: boolean;
}

export interface IdeaProduct {
  name: string;
  /** "a solar lantern for campers" (no leading comma). */
  descriptor: string | null;
  features: string[];
  audience: string | null;
  /** What the audience does that the product serves: "who do the school run". */
  audienceDetail?: string | null;
  /** A kind of thing ("reusable water bottle"), not a brand: the plan says "the reusable water bottle". */
  generic?: boolean;
}

export interface IdeaAnalysis {
  text: string;
  english: boolean;
  /** ISO 639-1 code from the language detector ("en", "es", "ru", …). */
  lang: string;
  seed: string;
  sentences: IdeaSentence[];
  characters: IdeaCharacter[];
  hero: IdeaCharacter | null;
  /** "the frozen steppe" */
  setting: string | null;
  /** "across the frozen steppe" */
  settingPhrase: string | null;
  /** First sentence that names the setting (frames before it may be elsewhere). */
  settingSentence: number;
  timeOfDay: string | null;
  weather: string | null;
  /** Noun phrases that are neither characters nor places: "a dragon egg", "three wishes". */
  objects: string[];
  product: IdeaProduct | null;
  /** Main clause of the first story sentence without its subject: "leads her grey mare across…". */
  action: string | null;
  /** "find her lost brother" from "… to find her lost brother". */
  goal: string | null;
  /** Explainer topic: "how vaccines train the immune system". */
  topic: string | null;
  form: Form;
  /** Folk tale, present day or future: decides what people wear. */
  era: "folk" | "modern" | "future";
  moods: string[];
  /** Comedy, tender, tense, epic, upbeat or calm: mood words, wording and shots follow it. */
  tone: Tone;
  colours: string[];
  /** The idea's own most telling words, for titles and fallbacks. */
  keywords: string[];
}

interface Token {
  text: string;
  lower: string;
  tags: Set<string>;
  pre: string;
  post: string;
  sentence: number;
  /** Position within its sentence. */
  pos: number;
}

const FOLK = /\b(once upon|long ago|fairy ?tale|folk ?tale|fable|legend|kingdom|king|queen|prince|princess|palace|castle|knight|witch|wizard|dragon|fairy|troll|peasant|village|hut|wish|wishes|talking|magic|spell|steppe|yurt|shepherd|tsar|khan|sultan)\b|érase una vez|es war einmal|жил[иа]?-был|сказк|ертегі|昔々|むかしむかし/i;
const FUTURE = /\b(robot|android|cyborg|spaceship|starship|space station|astronaut|mars|alien|cyber\w*|neon|hologram\w*|future|futuristic|ai)\b/i;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu;
// Latin stops need a space after them ("volt.run" is one word); CJK stops do not.
const SENTENCE_SPLIT = /(?<=[.!?…])\s+(?=\S)|(?<=[。！？])\s*(?=\S)|\n+/u;
const QUOTES = /["“”«»„「」『』]([^"“”«»„「」『』]{2,200})["“”«»„「」『』]/gu;
const SPEECH_VERBS = /\b(say|says|said|ask|asks|asked|shout|shouts|shouted|whisper|whispers|whispered|tell|tells|told|cry|cries|cried|yell|yells|reply|replies|replied|call|calls|sing|sings|begs?|warns?|promis\w+)\b/i;

export function analyzeIdea(prompt: string, formOverride?: Form): IdeaAnalysis {
  const text = cleanText(prompt);
  const sentenceTexts = splitSentences(text);
  const lang = detectLanguage(text);
  // The detector settles Latin-script ideas the word count cannot ("Un farero y una gaviota…").
  const english = isEnglish(text) && !(isLexiconLang(lang) && text.length >= 24);
  const tokens = english ? tagEnglish(sentenceTexts) : tagPlain(sentenceTexts);

  const sentences: IdeaSentence[] = sentenceTexts.map((s, i) => ({
    text: s,
    index: i,
    meta: META_SENTENCE.test(s) && s.length < 220,
    cta: CTA_SENTENCE.test(s),
    quotes: [...s.matchAll(QUOTES)].map((m) => (m[1] ?? "").trim()).filter(Boolean),
    speech: QUOTES.test(s) || SPEECH_VERBS.test(s),
    pastTense: firstVerbIsPast(tokens.filter((t) => t.sentence === i)),
  }));
  QUOTES.lastIndex = 0;

  const form = formOverride ?? detectForm(text);
  const product = form === "ad" ? findProduct(tokens, sentenceTexts) : null;
  const characters = findCharacters(tokens, product?.name ?? null, english);
  if (!english) addForeignCharacters(characters, tokens, text);
  if (!english && isLexiconLang(lang)) addLexiconCharacters(characters, tokens, text, lang);
  if (!english && !characters.some((c) => c.proper)) addOpeningName(characters, tokens);
  const hero = pickHero(characters);
  let found = english ? findSetting(tokens) : foreignSetting(tokens, text);
  if (!english && !found.setting && isLexiconLang(lang)) {
    const place = foreignNouns(text, lang).find((n) => n.kind === "place");
    if (place) found = { setting: `the ${place.en}`, settingPhrase: `in the ${place.en}`, places: [place.word.toLowerCase(), place.en] };
  }
  const { setting, settingPhrase, places } = found;
  // "comes off a night shift at dawn" happens at dawn.
  const timeOfDay = firstMatch(text.replace(/\b(night|day|morning|evening)[- ]shifts?\b|\bovernight\b/gi, "shift"), TIMES_OF_DAY);
  const weather = firstMatch(text, WEATHER);
  const objects = findObjects(tokens, characters, places, product);
  const firstStory = sentences.find((s) => !s.meta) ?? sentences[0];
  const { action, goal } = english && firstStory ? findAction(tokens.filter((t) => t.sentence === firstStory.index), characters) : { action: null, goal: null };
  // "How to bake sourdough: feed the starter, …": the topic ends where its list of steps begins.
  const topic = findTopic(text)?.replace(/\s*[:;—].*$/, "").trim() || null;

  return {
    text,
    english,
    lang,
    seed: text,
    sentences,
    characters,
    hero,
    setting,
    settingPhrase,
    settingSentence: setting ? Math.max(0, sentences.findIndex((x) => x.text.toLowerCase().includes(setting.toLowerCase().replace(/^(the|a|an)\s+/, "")))) : 0,
    timeOfDay,
    weather,
    objects,
    product,
    action,
    goal,
    topic,
    form,
    era: FUTURE.test(text) ? "future" : FOLK.test(text) ? "folk" : "modern",
    moods: findMoods(text),
    tone: readTone(text, form),
    colours: findColours(tokens),
    keywords: findKeywords(tokens, english),
  };
}

// ---------------------------------------------------------------- text and language

export function cleanText(prompt: string): string {
  return prompt
    .replace(EMOJI, " ")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ +([,.!?;:])/g, "$1")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

export function splitSentences(text: string): string[] {
  const parts = text
    .split(SENTENCE_SPLIT)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  return parts.length > 0 ? parts : [text.trim() || "…"];
}

function isEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return true;
  const latin = letters.filter((c) => /[a-z]/i.test(c)).length;
  if (latin / letters.length < 0.85) return false;
  const words = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  if (words.length <= 3) return true;
  const hits = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return hits / words.length >= 0.07;
}

export function detectForm(full: string): Form {
  // A long treatment mentions "how" and "learn" somewhere; what it *is* shows up front.
  const text = full.length > 320 ? splitSentences(full).slice(0, 2).join(" ") : full;
  const ad = AD_CUES.test(text);
  const explainer = EXPLAINER_CUES.test(text);
  if (ad && explainer) {
    // "An ad that explains…" is still an ad; "Explain how our app…" is an explainer.
    const a = text.search(AD_CUES);
    const e = text.search(EXPLAINER_CUES);
    return a <= e ? "ad" : "explainer";
  }
  if (ad) return "ad";
  if (explainer) return "explainer";
  return "story";
}

// ---------------------------------------------------------------- tokens

type Tagged = Array<{ terms: Array<{ text: string; pre: string; post: string; tags: string[] }> }>;

function tagEnglish(sentences: string[]): Token[] {
  const out: Token[] = [];
  // One parse for the whole idea is ~3× faster than one per sentence; it is used when
  // compromise splits the sentences exactly as we did, which is nearly always.
  const whole = nlp(sentences.join("\n")).json() as Tagged;
  const perSentence: Tagged[] = whole.length === sentences.length ? whole.map((s) => [s]) : sentences.map((s) => nlp(s).json() as Tagged);
  perSentence.forEach((doc, si) => {
    let pos = 0;
    for (const sent of doc) {
      for (const t of sent.terms) {
        if (!t.text) continue;
        out.push({ text: t.text, lower: t.text.toLowerCase(), tags: new Set(t.tags), pre: t.pre ?? "", post: t.post ?? "", sentence: si, pos: pos++ });
      }
    }
  });
  retagNameVerbs(out);
  return out;
}

function tagPlain(sentences: string[]): Token[] {
  const out: Token[] = [];
  sentences.forEach((s, si) => {
    let pos = 0;
    for (const m of s.matchAll(/([\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*)([^\p{L}\p{M}\p{N}]*)/gu)) {
      const text = m[1] ?? "";
      out.push({ text, lower: text.toLowerCase(), tags: new Set(), pre: "", post: m[2] ?? "", sentence: si, pos: pos++ });
    }
  });
  return out;
}

const isCap = (t: Token) => /^\p{Lu}/u.test(t.text);
const isNounish = (t: Token) => t.tags.has("Noun") && !t.tags.has("Pronoun");
const endsPhrase = (t: Token) => /[,;:.!?()"“”—–]/.test(t.post);

function singular(word: string): string {
  if (ROLE_NOUNS[word]) return word;
  if (word.endsWith("men") && ROLE_NOUNS[word.slice(0, -3) + "man"]) return word.slice(0, -3) + "man";
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("s") && ROLE_NOUNS[word.slice(0, -1)]) return word.slice(0, -1);
  return word;
}

// ---------------------------------------------------------------- characters

const KIN = new Set(["brother", "sister", "mother", "father", "mom", "dad", "wife", "husband", "son", "daughter", "grandmother", "grandfather", "grandma", "grandpa", "granddaughter", "grandson", "grandchild", "niece", "nephew", "aunt", "uncle", "cousin"]);
const NAMING = /^(named|called|llamad[oa]|namens|genannt|nommée?|по|есімді|атты)$/i;
const HE = /^(he|him|his|himself|él|er|ihn|sein|seine|он|его|ему)$/i;
const SHE = /^(she|her|hers|herself|ella|sie|ihre|она|её|ее|ей)$/i;

const GERMAN = /\b(der|die|das|und|ein|eine|einen|nicht|mit|ist|den|dem|des|jeden|für|bleibt|wieder)\b/gi;

function findCharacters(tokens: Token[], productName: string | null, english: boolean): IdeaCharacter[] {
  const chars: IdeaCharacter[] = [];
  // German capitalises every noun: there a capital only marks a name after "namens" or when the
  // word keeps coming back.
  const german = !english && (tokens.map((t) => t.lower).join(" ").match(GERMAN)?.length ?? 0) >= 3;
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
  const productWords = new Set((productName ?? "").toLowerCase().split(/\s+/).filter(Boolean));
  const lowerSeen = new Set(tokens.filter((t) => !isCap(t)).map((t) => t.lower));
  const capsSeen = new Map<string, number>();
  for (const t of tokens) if (isCap(t) && t.pos > 0) capsSeen.set(t.lower, (capsSeen.get(t.lower) ?? 0) + 1);

  const byKey = new Map<string, IdeaCharacter>();
  const add = (c: Omit<IdeaCharacter, "mentions" | "keys" | "at" | "inSentences" | "subject" | "proper"> & { keys?: string[] }) => {
    const key = c.name.toLowerCase();
    const found = byKey.get(key);
    if (found) {
      found.mentions++;
      found.at.push(c.firstAt);
      return found;
    }
    const full: IdeaCharacter = { ...c, mentions: 1, keys: c.keys ?? [key], at: [c.firstAt], inSentences: [], subject: false, proper: c.role === null && c.roleNoun === null };
    byKey.set(key, full);
    chars.push(full);
    return full;
  };

  // 1. Proper names.
  const consumed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isCap(t) || t.lower.length < 2) continue;
    if (NOT_NAMES.has(t.lower) || productWords.has(t.lower)) continue;
    if (ROLE_NOUNS[t.lower] || PLACE_NOUNS.has(t.lower)) continue;
    if (/^\p{Lu}+$/u.test(t.text) && t.text.length > 1 && !t.tags.has("Person")) continue; // acronyms
    const prev = tokens[i - 1];
    const sameSentencePrev = prev && prev.sentence === t.sentence ? prev : undefined;
    if (consumed.has(i)) continue; // tail of a multi-word name
    // "the Estrella", "Costa da Morte", "the Vilán rocks": ships, places and things, not people.
    if (sameSentencePrev && /^(the|a|an)$/.test(sameSentencePrev.lower)) continue;
    if (sameSentencePrev?.lower === "of" && tokens[i - 2] && PLACE_NOUNS.has(singular(tokens[i - 2]!.lower))) continue;
    if (sameSentencePrev && /^(da|de|del|di|do|la|le|von|van|der|of|al|el|bin|ibn|du)$/.test(sameSentencePrev.lower) && tokens[i - 2] && isCap(tokens[i - 2]!)) continue;
    const following = tokens[i + 1];
    if (following && following.sentence === t.sentence && !endsPhrase(t) && PLACE_NOUNS.has(singular(following.lower))) continue;
    if (insideQuotes(tokens, i)) continue;
    if (sameSentencePrev && PLACE_PREPOSITIONS.has(sameSentencePrev.lower) && !t.tags.has("Person")) continue; // "in Almaty"
    if (english && (t.tags.has("Place") || t.tags.has("Organization"))) continue;
    if (english && !t.tags.has("Person") && (t.tags.has("Verb") || t.tags.has("Adjective") || t.tags.has("Determiner") || t.tags.has("Preposition") || t.tags.has("Conjunction") || t.tags.has("Value"))) continue;
    const named = sameSentencePrev && NAMING.test(sameSentencePrev.lower);
    if (german && !named && (counts.get(t.lower) ?? 0) < 2) continue;
    const next0 = tokens[i + 1];
    // "Anansi the spider tricks…": a name with its appositive role.
    const appositiveRole = t.pos === 0 && tokens[i + 1]?.lower === "the" && !!ROLE_NOUNS[tokens[i + 2]?.lower ?? ""] && tokens[i + 2]?.sentence === t.sentence;
    const twoWordName = appositiveRole || t.pos === 0 && !!next0 && next0.sentence === t.sentence && isCap(next0) && !endsPhrase(t) && !NOT_NAMES.has(next0.lower) && !ROLE_NOUNS[next0.lower] && !PLACE_NOUNS.has(next0.lower) && !!tokens[i + 2] && (tokens[i + 2]!.tags.has("Verb") || tokens[i + 2]!.sentence !== t.sentence);
    if (t.pos === 0 && !t.tags.has("Person") && !named && !twoWordName) {
      // Sentence-initial capitals are ambiguous: a name only if it never shows up in lowercase and
      // either recurs capitalised mid-sentence or (English) sits where a bare singular noun cannot.
      if (lowerSeen.has(t.lower)) continue;
      const recurs = (capsSeen.get(t.lower) ?? 0) > 0;
      const next = tokens[i + 1];
      const bareSubject = english && isNounish(t) && !!next && next.sentence === t.sentence && (next.tags.has("Verb") || /,/.test(t.post) || next.lower === "and");
      if (!recurs && !bareSubject && !(english ? false : tokens.filter((x) => x.lower === t.lower).length > 1)) continue;
    }
    // Multi-word names: "Mary Jane", "Captain Nemo".
    let name = t.text;
    let j = i + 1;
    while (!endsPhrase(tokens[j - 1] ?? t) && tokens[j] && tokens[j]?.sentence === t.sentence && isCap(tokens[j]!) && !NOT_NAMES.has(tokens[j]!.lower) && j - i < 3) {
      name += ` ${tokens[j]!.text}`;
      j++;
    }
    for (let k = i + 1; k < j; k++) consumed.add(k);
    name = name.replace(/['’]s$/i, "");
    const c = add({ name, ref: name, kind: "person", gender: "n", role: null, roleNoun: null, adjectives: [], owner: null, firstAt: i, keys: [name.toLowerCase(), t.lower] });
    if (c.mentions === 1) bindRole(c, tokens, i, j);
  }

  // 2. Role nouns ("an old fisherman", "her grey mare", "a cat").
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const base = singular(t.lower.replace(/['’]s$/, ""));
    const role = ROLE_NOUNS[base];
    if (!role) continue;
    let group: string | null = null;
    if (base !== t.lower.replace(/['’]s$/, "") && t.lower !== base) {
      // Plurals are crowds or an audience, not a character to design — except a small group the
      // idea is about: "Two kids build a raft", "The twins run away".
      if (!/['’]s$/.test(t.lower)) {
        group = groupOf(tokens, i, chars);
        if (!group) continue;
      }
    }
    if (english && !t.tags.has("Noun")) continue;
    if (chars.some((c) => c.roleNoun === base && c.firstAt < i && c.keys.includes(base))) {
      const c = chars.find((x) => x.roleNoun === base && x.keys.includes(base));
      if (c) {
        c.mentions++;
        c.at.push(i);
      }
      continue;
    }
    const next = tokens[i + 1];
    if (next && next.sentence === t.sentence && NAMING.test(next.lower)) {
      // "an old fisherman named Tomas": a mention of Tomas, where the sentence has its subject.
      const bound = chars.find((c) => c.firstAt === i + 2);
      if (bound) bound.at.push(i);
      continue;
    }
    // "a dragon egg", "her grandmother's attic": the role noun only modifies another noun.
    if (next && next.sentence === t.sentence && !endsPhrase(t) && (isNounish(next) || !english) && !/['’]s$/.test(t.text) && english && !next.tags.has("Verb") && !NAMING.test(next.lower) && !next.tags.has("Person")) continue;
    if (/['’]s$/.test(t.text) && next && PLACE_NOUNS.has(singular(next.lower))) continue;
    if (next && next.sentence === t.sentence && isCap(next) && chars.some((c) => c.keys.includes(next.lower))) continue; // "the robot Bolt"
    if (chars.some((c) => c.roleNoun === base && c.kind === "person" && c.keys[0] !== base && appositiveNear(tokens, c, i))) continue;
    // Gather the adjectives and the owner in front: "her grey", "Aigerim's lost".
    const adjs: string[] = [];
    let k = i - 1;
    let owner: string | null = null;
    let modifier: string | null = null;
    while (k >= 0 && tokens[k]?.sentence === t.sentence) {
      const p = tokens[k]!;
      if (NAME_ADJECTIVES.has(p.lower) || (english && p.tags.has("Adjective") && !p.tags.has("Comparative"))) {
        adjs.unshift(p.lower);
        k--;
        continue;
      }
      // "a lighthouse keeper", "the village baker": a noun in front is part of who they are.
      if (english && k === i - 1 && !group && role.kind === "person" && isNounish(p) && !isCap(p) && !endsPhrase(p) && !/['’]s$/.test(p.text) && !ROLE_NOUNS[singular(p.lower)] && !p.tags.has("Possessive") && !p.tags.has("Plural")) {
        modifier = p.lower;
        k--;
        continue;
      }
      if (/^(his|her|their|my|our)$/.test(p.lower)) owner = p.lower;
      else if (/['’]s$/.test(p.text) && isCap(p)) owner = p.text.replace(/['’]s$/, "");
      break;
    }
    const nameAdjs = adjs.filter((a) => NAME_ADJECTIVES.has(a)).slice(-2);
    let ownerName: string | null = null;
    if (owner && KIN.has(base)) {
      const o = /^(his|her|their|my|our)$/.test(owner) ? lastNamedBefore(chars, i) : undefined;
      ownerName = o ? (o.proper ? o.name : null) : /^(his|her|their|my|our)$/.test(owner) ? null : owner;
    }
    const core = group ?? (ownerName ? base : [...nameAdjs, ...(modifier ? [modifier] : []), base].join(" "));
    const name = ownerName && !group ? `${ownerName}'s ${core}` : capitalise(core);
    const ref = group ? `the ${core}` : ownerName ? `${ownerName}'s ${core}` : owner && KIN.has(base) ? `${owner} ${core}` : `the ${core}`;
    const ownerChar = owner ? (/^(his|her|their|my|our)$/.test(owner) ? lastNamedBefore(chars, i)?.name ?? null : owner) : null;
    const added = add({ name, ref, kind: role.kind, gender: role.gender, role, roleNoun: base, adjectives: adjs, owner: ownerChar, firstAt: i, keys: group ? [name.toLowerCase(), core, t.lower, base] : [name.toLowerCase(), core, base] });
    if (group) added.plural = true;
    if (modifier) added.modifier = modifier;
  }

  // Genders from the pronouns that follow a name (English only: elsewhere pronouns mislead).
  for (const c of chars) {
    if (!english || c.gender !== "n" || c.kind !== "person") continue;
    const from = c.firstAt + 1;
    for (let i = from; i < Math.min(tokens.length, from + 40); i++) {
      const t = tokens[i];
      if (!t) break;
      if (i > from && chars.some((o) => o !== c && o.firstAt === i)) break;
      if (HE.test(t.lower)) {
        c.gender = "m";
        break;
      }
      if (SHE.test(t.lower)) {
        c.gender = "f";
        break;
      }
    }
  }
  for (const c of chars) if (c.kind === "person" && c.gender === "n" && !c.role) c.gender = genderFromName(c.name);

  for (const c of chars) c.inSentences = [...new Set(c.at.map((i) => tokens[i]?.sentence ?? 0))];

  // Subjects: mentioned before the first verb of a sentence.
  const firstVerb = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (t.tags.has("Verb") && !NAMING.test(t.lower) && !firstVerb.has(t.sentence)) firstVerb.set(t.sentence, i);
  });
  for (const c of chars) {
    c.subject = c.at.some((i) => {
      const t = tokens[i];
      const v = t ? firstVerb.get(t.sentence) : undefined;
      return t !== undefined && (v === undefined ? t.pos <= 2 : i < v);
    });
  }

  return chars.slice(0, 6);
}

/** Last resort for scripts we cannot parse: a capitalised first word that is no known word is a name ("Айгерім …"). */
function addOpeningName(chars: IdeaCharacter[], tokens: Token[]): void {
  const t = tokens[0];
  if (!t || !isCap(t) || NOT_NAMES.has(t.lower) || t.text.length < 3) return;
  if (AD_CUES.test(t.text) || EXPLAINER_CUES.test(t.text)) return; // "Anuncio de 30 segundos…"
  if (FOREIGN_WORDS.some(([re]) => re.test(t.lower))) return;
  if (/^[A-Z][a-z]+$/.test(t.text) && (tokens.map((x) => x.lower).join(" ").match(GERMAN)?.length ?? 0) >= 3) return;
  const role = chars.find((c) => !c.proper && c.kind === "person" && Math.abs(c.firstAt - 0) <= 3);
  chars.unshift({
    name: t.text,
    ref: t.text,
    kind: "person",
    gender: role?.gender ?? genderFromName(t.text),
    role: null,
    roleNoun: null,
    adjectives: [],
    owner: null,
    mentions: 2,
    firstAt: 0,
    at: [0],
    inSentences: [0],
    subject: true,
    proper: true,
    keys: [t.lower],
  });
}

/** Non-English ideas: role words next to a name ("Старик Иван"), or standing alone ("少女"). */
function addForeignCharacters(chars: IdeaCharacter[], tokens: Token[], text: string): void {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  const hits: Array<{ role: string; age?: "child" | "young" | "adult" | "old"; at: number; word: string }> = [];
  if (cjk) {
    for (const [re, info] of FOREIGN_WORDS) {
      const m = re.exec(text);
      if (m && info.role) hits.push({ role: info.role, age: info.age, at: m.index, word: m[0] });
    }
  } else {
    tokens.forEach((t, i) => {
      // "el desván de su abuela": whose attic, not who is in the scene — unless a name follows.
      const p1 = tokens[i - 1]?.sentence === t.sentence ? tokens[i - 1]?.lower ?? "" : "";
      const p2 = tokens[i - 2]?.sentence === t.sentence ? tokens[i - 2]?.lower ?? "" : "";
      const possessed = /^(de|del|von|vom|des)$/.test(p1) || (/^(su|sus|seiner|ihrer|seines)$/.test(p1) && /^(de|del|von|vom|des)$/.test(p2));
      if (possessed && !chars.some((c) => c.proper && Math.abs(c.firstAt - i) <= 2)) return;
      for (const [re, info] of FOREIGN_WORDS) if (info.role && re.test(t.lower)) hits.push({ role: info.role, age: info.age, at: i, word: t.lower });
    });
  }
  for (const hit of hits.sort((a, b) => a.at - b.at)) {
    const role = ROLE_NOUNS[hit.role];
    if (!role) continue;
    const withAge: RoleNoun = hit.age ? { ...role, age: hit.age } : role;
    // A name within two words ("niña llamada Lucía", "Старик Иван") takes the role.
    const named = !cjk ? chars.find((c) => c.proper && c.role === null && Math.abs(c.firstAt - hit.at) <= 2) : undefined;
    if (named) {
      named.role = withAge;
      named.roleNoun = hit.role;
      named.kind = role.kind;
      if (role.gender !== "n") named.gender = role.gender;
      if (hit.age === "old") named.adjectives.push("old");
      continue;
    }
    if (chars.some((c) => c.roleNoun === hit.role)) continue;
    chars.push({
      name: capitalise(hit.age === "old" ? `old ${hit.role}` : hit.role),
      ref: `the ${hit.age === "old" ? "old " : ""}${hit.role}`,
      kind: role.kind,
      gender: role.gender,
      role: withAge,
      roleNoun: hit.role,
      adjectives: hit.age === "old" ? ["old"] : [],
      owner: null,
      mentions: 1,
      firstAt: cjk ? 0 : hit.at,
      at: [cjk ? 0 : hit.at],
      inSentences: [cjk ? 0 : tokens[hit.at]?.sentence ?? 0],
      subject: true,
      proper: false,
      keys: [hit.word, hit.role],
    });
  }
}

/**
 * Role nouns the shipped lexicon knows ("gaviota" → seagull, "рыбак" → fisherman) become designed
 * characters, named by the idea's own word with the English beside it; a name within two words
 * ("Кот Васька") takes the role instead.
 */
function addLexiconCharacters(chars: IdeaCharacter[], tokens: Token[], text: string, lang: ForeignLang): void {
  for (const n of foreignNouns(text, lang)) {
    if (n.kind !== "person" && n.kind !== "animal") continue;
    const roleKey = ROLE_NOUNS[n.en] ? n.en : n.en.split(" ").pop() ?? n.en;
    const role = ROLE_NOUNS[roleKey] ?? (n.kind === "animal" ? { kind: "animal" as const, gender: "n" as const } : { kind: "person" as const, gender: "n" as const, age: "adult" as const });
    if (chars.some((c) => c.roleNoun === roleKey || c.keys.includes(n.word.toLowerCase()))) continue;
    const at = tokens.findIndex((t) => t.lower === n.word.toLowerCase());
    const named = chars.find((c) => c.proper && c.role === null && at >= 0 && Math.abs(c.firstAt - at) <= 2);
    if (named) {
      named.role = role;
      named.roleNoun = roleKey;
      named.kind = role.kind;
      named.keys.push(n.word.toLowerCase(), n.en);
      continue;
    }
    if (/^(family|parents|children)$/.test(n.en)) continue;
    chars.push({
      name: `${capitalise(n.key)} (${n.en})`,
      // English first so templates read as English and the renderer finds its noun; the idea's word beside it.
      ref: `the ${n.en} (${n.key})`,
      kind: role.kind,
      gender: role.gender,
      role,
      roleNoun: roleKey,
      adjectives: /^old /.test(n.en) ? ["old"] : [],
      owner: null,
      mentions: 1,
      firstAt: Math.max(0, at),
      at: [Math.max(0, at)],
      inSentences: [tokens[Math.max(0, at)]?.sentence ?? 0],
      subject: true,
      proper: false,
      keys: [n.word.toLowerCase(), n.key, n.en],
    });
  }
}

function foreignSetting(tokens: Token[], text: string): { setting: string | null; settingPhrase: string | null; places: string[] } {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  for (const [re, info] of FOREIGN_WORDS) {
    if (!info.place) continue;
    if (cjk ? re.test(text) : tokens.some((t) => re.test(t.lower))) {
      const open = /steppe|sea|beach|mountains/.test(info.place);
      return { setting: info.place, settingPhrase: `${open ? "on" : "in"} ${info.place}`, places: [info.place] };
    }
  }
  return { setting: null, settingPhrase: null, places: [] };
}

function insideQuotes(tokens: Token[], i: number): boolean {
  let open = false;
  for (let k = 0; k <= i; k++) {
    const t = tokens[k]!;
    if (t.sentence !== tokens[i]?.sentence) continue;
    if (/["“”«»]/.test(t.pre)) open = !open;
    if (k < i && /["“”«»]/.test(t.post)) open = !open;
  }
  return open;
}

const GROUP_COUNT = /^(two|three|four|both|twin)$/;

/** "Two kids" → "two kids"; "The kids build…" (the sentence's subject) → "kids". Null for a crowd. */
function groupOf(tokens: Token[], i: number, chars: IdeaCharacter[]): string | null {
  const t = tokens[i]!;
  const words: string[] = [t.lower];
  let k = i - 1;
  let counted = false;
  while (k >= 0 && tokens[k]?.sentence === t.sentence && i - k <= 3) {
    const p = tokens[k]!;
    if (GROUP_COUNT.test(p.lower)) {
      words.unshift(p.lower);
      counted = true;
      break;
    }
    if (NAME_ADJECTIVES.has(p.lower) || p.tags.has("Adjective")) {
      words.unshift(p.lower);
      k--;
      continue;
    }
    break;
  }
  const next = tokens[i + 1];
  const subject = t.pos <= 2 && !!next && next.sentence === t.sentence && next.tags.has("Verb");
  if (!counted && !subject) return null;
  // "Two old friends, Ruth and Delia": the names are the characters.
  for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) if (chars.some((c) => c.proper && c.firstAt === j)) return null;
  return words.join(" ");
}

function appositiveNear(tokens: Token[], c: IdeaCharacter, at: number): boolean {
  return Math.abs(c.firstAt - at) <= 4 && tokens[at]?.sentence === tokens[c.firstAt]?.sentence;
}

/** "Tomas, an old fisherman," / "an old fisherman named Tomas" / "Tomas the fisherman". */
function bindRole(c: IdeaCharacter, tokens: Token[], i: number, j: number): void {
  const t = tokens[i];
  if (!t) return;
  const near: Token[] = [];
  for (let k = Math.max(0, i - 5); k < Math.min(tokens.length, j + 5); k++) {
    const x = tokens[k];
    if (x && x.sentence === t.sentence && k !== i) near.push(x);
  }
  const prev = tokens[i - 1];
  const before = prev && NAMING.test(prev.lower) ? tokens.slice(Math.max(0, i - 5), i - 1).filter((x) => x.sentence === t.sentence) : [];
  const after = /,/.test(tokens[j - 1]?.post ?? "") || tokens[j]?.lower === "the" ? tokens.slice(j, j + 5).filter((x) => x.sentence === t.sentence) : [];
  for (const group of [before, after]) {
    const adjs: string[] = [];
    for (const x of group) {
      const base = singular(x.lower);
      if (NAME_ADJECTIVES.has(x.lower)) adjs.push(x.lower);
      const role = ROLE_NOUNS[base];
      if (role) {
        c.role = role;
        c.roleNoun = base;
        c.kind = role.kind;
        c.gender = role.gender;
        c.adjectives = adjs;
        c.keys.push(base);
        return;
      }
      if (endsPhrase(x) && group === after) break;
    }
  }
}

function lastNamedBefore(chars: IdeaCharacter[], at: number): IdeaCharacter | undefined {
  return [...chars].filter((c) => c.firstAt < at && c.kind === "person").sort((a, b) => b.firstAt - a.firstAt)[0];
}

// A weak prior only for names the text gives no pronoun for; "n" (they) when unsure.
function genderFromName(name: string): Gender {
  const first = (name.split(" ")[0] ?? "").toLowerCase();
  if (/^[\p{Script=Cyrillic}]+$/u.test(first)) return /[аяі]$|ім$|гүл$/.test(first) ? "f" : "m";
  if (/(a|ia|ya|ja|elle|ette|ine|im|gul|gül|ova|eva|ina|ko|mi)$/.test(first) && first.length > 2) return "f";
  if (/(o|us|os|an|ar|er|ov|ev|in|ek|ur|at|el)$/.test(first) && first.length > 2) return "m";
  return "n";
}

function pickHero(chars: IdeaCharacter[]): IdeaCharacter | null {
  if (chars.length === 0) return null;
  const score = (c: IdeaCharacter) =>
    c.mentions * 2 + (c.role === null ? 1 : 0) + (c.kind === "person" ? 1 : 0) + (c.subject ? 2 : 0) - c.firstAt * 0.01;
  return [...chars].sort((a, b) => score(b) - score(a))[0] ?? null;
}

// ---------------------------------------------------------------- places, objects, product

function nounPhraseAt(tokens: Token[], start: number): { text: string; end: number; head: Token } | null {
  const first = tokens[start];
  if (!first) return null;
  let i = start;
  const words: string[] = [];
  let head: Token | null = null;
  while (i < tokens.length && tokens[i]?.sentence === first.sentence && words.length < 6) {
    const t = tokens[i]!;
    const ok =
      t.tags.has("Determiner") || t.tags.has("Possessive") || t.tags.has("Adjective") || t.tags.has("Value") || isNounish(t) || t.tags.has("Gerund");
    if (!ok || t.tags.has("Verb") && !t.tags.has("Gerund") && !t.tags.has("Noun")) break;
    words.push(t.text + (/^-/.test(t.post) ? "-" : " "));
    if (isNounish(t) || t.tags.has("Gerund")) head = t;
    i++;
    if (endsPhrase(t)) break;
    if (head && !(tokens[i] && (isNounish(tokens[i]!) || /['’]s$/.test(t.text)))) break;
  }
  if (!head || words.length === 0) return null;
  return { text: words.join("").trim().replace(/[,;:.!?]+$/, ""), end: i, head };
}

const OPEN_GROUND = /^(sea|ocean|lake|river|steppe|plains?|fields?|ice|tundra|prairie|savanna|beach|shore|coast|road|street|moor|hills?|glacier|deck|roof|rooftop|bridge|pier|dock|island|trail|path|track|stage)$/;

function findSetting(tokens: Token[]): { setting: string | null; settingPhrase: string | null; places: string[] } {
  // Candidates: place nouns after a preposition ("across the frozen steppe") or as a sentence's
  // subject ("The sea grows darker"). A place someone wants or buys ("wants a palace") is an
  // object, not where the story happens.
  const found: Array<{ text: string; phrase: string; at: number; score: number; head: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !PLACE_PREPOSITIONS.has(t.lower) || !t.tags.has("Preposition")) continue;
    const np = nounPhraseAt(tokens, i + 1);
    if (!np) continue;
    const head = singular(np.head.lower.replace(/['’]s$/, ""));
    const named = isCap(np.head) && !np.head.tags.has("Person") && np.head.pos > 0;
    if (!(PLACE_NOUNS.has(head) || np.head.tags.has("Place") || named)) continue;
    if (/^(to|from|toward|towards)$/.test(t.lower) && !PLACE_NOUNS.has(head) && !np.head.tags.has("Place")) continue;
    found.push({ text: np.text, phrase: `${t.lower} ${np.text}`, at: i, score: 2, head });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isNounish(t) || !PLACE_NOUNS.has(singular(t.lower))) continue;
    if (/^(car|bus|train|party|wedding|funeral|festival|space|home)$/.test(t.lower)) continue;
    const next = tokens[i + 1];
    if (next && next.sentence === t.sentence && isNounish(next) && !endsPhrase(t)) continue; // "station" in "station master"
    let s = i;
    while (s > 0 && tokens[s - 1]?.sentence === t.sentence && (tokens[s - 1]!.tags.has("Adjective") || tokens[s - 1]!.tags.has("Determiner") || (isNounish(tokens[s - 1]!) && !endsPhrase(tokens[s - 1]!) && !tokens[s - 1]!.tags.has("Pronoun") && !tokens[s - 1]!.tags.has("Possessive")))) s--;
    const before = tokens[s - 1];
    if (before && before.sentence === t.sentence && PLACE_PREPOSITIONS.has(before.lower)) continue;
    // Somewhere wanted, bought or built is an object, not where the story happens.
    if (before && before.sentence === t.sentence && /^(wants?|wanted|buys?|bought|builds?|built|owns?|sells?|dreams?|rules?|ruled)$/.test(before.lower)) continue;
    if (t.pos > 3 && !(before && before.tags.has("Verb"))) continue;
    const words = tokens.slice(s, i + 1).map((x) => x.text);
    if (!/^(the|a|an|this|that)$/i.test(words[0] ?? "")) words.unshift("the");
    const text = words.join(" ").replace(/^(The|A|An|This|That) /, (m) => m.toLowerCase());
    found.push({ text, phrase: `${OPEN_GROUND.test(t.lower) ? "on" : "in"} ${text}`, at: i, score: t.pos <= 3 ? 1.5 : 1, head: singular(t.lower) });
  }
  // "a lighthouse keeper": where the hero works is where the story happens.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (next.sentence !== t.sentence || !PLACE_NOUNS.has(t.lower) || isCap(t) || !ROLE_NOUNS[singular(next.lower)] || ROLE_NOUNS[singular(next.lower)]?.kind !== "person") continue;
    found.push({ text: `the ${t.lower}`, phrase: `${OPEN_GROUND.test(t.lower) ? "on" : "at"} the ${t.lower}`, at: i, score: 2.5, head: t.lower });
  }
  if (found.length === 0) return { setting: null, settingPhrase: null, places: [] };
  for (const f of found) f.score += found.filter((g) => g.head === f.head).length - 1 - f.at * 0.001;
  const best = [...found].sort((a, b) => b.score - a.score || a.at - b.at)[0]!;
  const places = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.text))];
  return { setting: best.text, settingPhrase: best.phrase, places };
}

const NOT_OBJECTS = /^(self|storm|storms|weather|rain|snow|wind|fog|night|ad|ads|advert|commercial|spot|video|film|story|storyboard|tale|second|seconds|minute|minutes|sec|scene|scenes|shot|shots|frame|frames|idea|way|thing|things|time|moment|day|days|hours?|years?|life|world|everything|nothing|something|someone|anyone|people|explainer|tutorial|guide|step|steps|one|lot|kind|sort|end|beginning)$/i;

function findObjects(tokens: Token[], chars: IdeaCharacter[], places: string[], product: IdeaProduct | null): string[] {
  const out: string[] = [];
  const charKeys = new Set(chars.flatMap((c) => c.keys.flatMap((k) => k.split(" "))));
  const placeText = places.join(" ").toLowerCase();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !(t.tags.has("Determiner") || t.tags.has("Adjective") || t.tags.has("Value") || isNounish(t))) continue;
    const prev = tokens[i - 1];
    if (prev && prev.sentence === t.sentence && !endsPhrase(prev) && !t.tags.has("Determiner") && (prev.tags.has("Determiner") || prev.tags.has("Adjective"))) continue;
    const np = nounPhraseAt(tokens, i);
    if (!np) continue;
    i = Math.max(i, np.end - 1);
    const head = singular(np.head.lower.replace(/['’]s$/, ""));
    if (charKeys.has(head) || ROLE_NOUNS[head] || NOT_OBJECTS.test(head) || PLACE_NOUNS.has(head)) continue;
    if (np.head.tags.has("Comparative") || np.head.tags.has("Pronoun") || np.head.tags.has("Date") || np.head.tags.has("Duration") || np.head.tags.has("Person") || isCap(np.head) && np.head.pos > 0) continue;
    if (TIMES_OF_DAY.some(([re]) => re.test(head))) continue;
    if (placeText.includes(np.text.toLowerCase())) continue;
    if (product && np.text.toLowerCase().includes(product.name.toLowerCase())) continue;
    if (np.text.length < 3 || np.text.split(" ").length > 6) continue;
    if (prev && /^(grows?|becomes?|gets?|turns?|is|are|was|were|feels?|looks?|seems?)$/.test(prev.lower) && !np.text.includes(" ")) continue;
    out.push(np.text);
  }
  return [...new Set(out)].slice(0, 8);
}

const PRODUCT_LEAD = /^(for|introducing|introduce|meet|launch|launching|try|buy|new|with|presenting|from)$/i;

function findProduct(tokens: Token[], sentences: string[]): IdeaProduct | null {
  // A brand: a capitalised word after a launch cue, or any capitalised non-person word mid-sentence.
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isCap(t) || NOT_NAMES.has(t.lower) || ROLE_NOUNS[t.lower]) continue;
    if (/^\d/.test(t.text)) continue;
    const prev = tokens[i - 1];
    const cued = prev && prev.sentence === t.sentence && PRODUCT_LEAD.test(prev.lower);
    if (cued || (t.pos > 0 && !t.tags.has("Person") && !t.tags.has("Place")) || /[a-z][A-Z]|™|®/.test(t.text + t.post)) {
      at = i;
      break;
    }
  }
  let name: string | null = null;
  let end = at + 1;
  if (at >= 0) {
    name = tokens[at]!.text;
    while (!endsPhrase(tokens[end - 1]!) && tokens[end] && tokens[end]!.sentence === tokens[at]!.sentence && isCap(tokens[end]!) && end - at < 3) {
      name += ` ${tokens[end]!.text}`;
      end++;
    }
    name = name.replace(/['’]s$/i, "").replace(/[™®]/g, "");
  } else {
    // "an ad for our new oat milk" → "oat milk".
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t || !/^(for|introducing|launch|launching|promoting|selling|about)$/i.test(t.lower)) continue;
      let k = i + 1;
      while (tokens[k] && /^(our|my|the|a|an|new|brand-new|latest|this)$/i.test(tokens[k]!.lower)) k++;
      const np = nounPhraseAt(tokens, k);
      if (np && !NOT_OBJECTS.test(np.head.lower)) {
        name = np.text;
        end = np.end;
        break;
      }
    }
  }
  if (!name) return null;

  // Descriptor: the appositive after the name ("Lumo, a solar lantern for campers").
  let descriptor: string | null = null;
  const s = tokens[end - 1]?.sentence ?? 0;
  const sentence = sentences[s] ?? "";
  const afterName = sentence.slice(sentence.indexOf(name) + name.length).replace(/^['’]s\b/, "");
  const appositive = /^[,:—–-]\s*((?:an?|the|our|your|un|una|el|la|ein|eine|der|die|das|le|une)\s+[^,.;!?]+?)(?=\s+(?:that|which|who|with)\b|[,.;!?]|$)/i.exec(afterName);
  if (appositive?.[1]) descriptor = appositive[1].trim();
  // "Hush, noise-cancelling headphones for students": an appositive without an article.
  const bareAppositive = /^,\s*((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)(?=\s+(?:that|which|who|for|with)\b|[,.;!?]|$)/.exec(afterName);
  if (!descriptor && bareAppositive?.[1] && !/^(so|and|but|then|now|available|only|from)\b/.test(bareAppositive[1])) descriptor = bareAppositive[1].trim();
  // "the Drift stroller": the kind of thing right after the brand.
  const kindTok = tokens[end];
  if (!descriptor && kindTok && kindTok.sentence === tokens[at]?.sentence && /^[a-z]/.test(kindTok.text) && (kindTok.tags.has("Noun") || kindTok.tags.has("Adjective")) && !kindTok.tags.has("Verb")) {
    // "SunTile solar roof tiles for farmhouses": the run of nouns up to the first function word.
    const run: string[] = [];
    for (let k = end; k < end + 4; k++) {
      const x = tokens[k];
      if (!x || x.sentence !== kindTok.sentence || !/^[a-z]/.test(x.text) || x.tags.has("Verb") || x.tags.has("Preposition") || x.tags.has("Determiner") || x.tags.has("Conjunction")) break;
      run.push(x.text);
      if (endsPhrase(x)) break;
    }
    const last = tokens[end + run.length - 1];
    if (run.length > 0 && last?.tags.has("Noun")) descriptor = /s$/.test(run.at(-1)!) ? run.join(" ") : `${/^[aeiou]/.test(run[0]!) ? "an" : "a"} ${run.join(" ")}`;
  }

  let audience: string | null = null;
  let audienceDetail: string | null = null;
  // "for parents who do the school run", "for students who study in loud cafés": the people the
  // product is for, apart from the product itself.
  const AUDIENCE = /\b[Ff]or\s+((?:busy|young|new|first-time|working|old|older|elderly|small|little)\s+)?([a-z-]+(?:s|people|children|men|women))\b(\s+who\s+[^,.;!?]+)?/;
  const aud = AUDIENCE.exec(sentence) ?? (descriptor ? AUDIENCE.exec(descriptor) : null);
  if (aud?.[2] && !/^(seconds?|minutes?|hours?|days?|years?|less|us|its|this|ages)$/i.test(aud[2])) {
    audience = `${aud[1] ?? ""}${aud[2]}`.trim();
    audienceDetail = aud[3]?.trim() ?? null;
  }

  // Features: "that charges in four hours", "with recycled soles, all-day cushioning and a carbon plate".
  const features: string[] = [];
  const text = sentences.join(" ");
  for (const m of text.matchAll(/\b(?:that|which|it)\s+([a-z][^,.;!?]{6,80})/gi)) if (m[1]) features.push(m[1].trim());
  for (const m of text.matchAll(/(?<!\b(?:it|them|him|her|hand|hands)\s)\bwith\s+([^.;!?]{4,160})/gi)) {
    for (const part of (m[1] ?? "").split(/,\s*|\s+and\s+/)) {
      const p = part.trim().replace(/^(an?|the)\s+/i, "");
      if (p.length >= 3 && p.split(" ").length <= 7) features.push(p);
    }
  }
  // "the Kestrel e-bike folds in ten seconds and climbs any hill": what the product does.
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const does = new RegExp(`${esc}(?:\\s+([a-z][\\w-]*))?\\s+((?:[a-z]+s)\\b[^.;!?]*)`, "i").exec(text);
  if (does?.[2] && !/^(is|was|has|does)\b/i.test(does[2])) {
    if (does[1] && !descriptor && !/^(is|was|has|does|and|that|which|who|will|can|for|to|with|in|on|at|by|from|of|so|as|than|into)$/i.test(does[1]) && !/s$/.test(does[1])) descriptor = `${/^[aeiou]/i.test(does[1]) ? "an" : "a"} ${does[1]}`;
    for (const part of does[2].split(/,\s*|\s+and\s+/)) {
      const p = part.trim();
      if (/^[a-z]+s\b/.test(p) && p.split(" ").length >= 2 && p.length <= 80) features.push(p);
    }
  }
  // "our new oat milk, creamy enough for latte art, made in Sweden": the trailing phrases.
  if (at < 0) {
    const after = text.slice(text.toLowerCase().indexOf(name.toLowerCase()) + name.length);
    for (const part of after.split(/[.;!?]/)[0]?.split(/,\s*/) ?? []) {
      const p = part.trim();
      if (p.length >= 4 && p.split(" ").length <= 8) features.push(p);
    }
  }
  // "that keeps drinks cold" and "keeps drinks cold" are one feature.
  const clean = features.map((f) => f.replace(/^(that|which|who|it)\s+/i, "").trim()).filter((f) => f.length >= 3);
  const seen = new Set<string>();
  const unique = clean.filter((f) => {
    const k = f.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // The audience is who uses it, not a feature of it.
  const notAudience = unique.filter((f) => !/^for\s/i.test(f) && !(audience && f.toLowerCase().includes(audience.toLowerCase())));
  return { name, descriptor, features: notAudience.slice(0, 8), audience, audienceDetail, generic: at < 0 };
}

// ---------------------------------------------------------------- action, goal, topic

const AUX = /^(is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|must|may|might|named|called|explain|explains|show|shows|make|makes|imagine)$/i;

function findAction(sentence: Token[], chars: IdeaCharacter[]): { action: string | null; goal: string | null } {
  const verbAt = sentence.findIndex((t, i) => t.tags.has("Verb") && !AUX.test(t.lower) && !t.tags.has("Gerund") && i > 0 && !(sentence[i - 1]?.lower === "to"));
  if (verbAt < 0) return { action: null, goal: null };
  const words = sentence.slice(verbAt);
  let text = words.map((t, i) => t.text + (i < words.length - 1 ? t.post : "")).join("");
  text = text.replace(/[.!?。！？…]+$/u, "").trim();
  let goal: string | null = null;
  const m = /^(.*?)\s+(?:in order\s+)?to\s+([a-z][^,.;!?]*)$/i.exec(text);
  if (m?.[1] && m[2] && m[1].split(" ").length >= 2 && !/^(the|a|an|his|her|their|my|our|its|this|that|some)\b/i.test(m[2])) {
    text = m[1];
    goal = m[2];
  }
  // Past tense → present: storyboard notes happen now.
  if (sentence[verbAt]?.tags.has("PastTense")) text = toPresent(text);
  if (goal) goal = goal.replace(/[,;]\s*$/, "");
  void chars;
  return { action: text.length > 2 ? text : null, goal };
}

function findTopic(text: string): string | null {
  const first = splitSentences(text)[0] ?? text;
  const m =
    /\b(?:explain(?:s|ing)?|explainer(?: video)?(?: about| on)?|show(?:s|ing)?|tutorial(?: on)?|guide to|introduction to|teach(?:es|ing)?)\s*:?\s+(.+)/i.exec(first) ??
    /^((?:how|why|what)\b.+)/i.exec(first) ??
    /\b((?:how|why)\s+.+)/i.exec(first);
  const topic = m?.[1]?.replace(/[.!?。！？]+$/u, "").trim();
  return topic && topic.length > 2 ? topic : null;
}

const AUX_BEFORE = /^(has|have|had|is|are|was|were|be|been|being|not|never|n't|get|got)$/i;

function firstVerbIsPast(sentence: Token[]): boolean {
  const v = sentence.find((t) => t.tags.has("Verb") && !/^(named|called)$/.test(t.lower));
  return !!v && v.tags.has("PastTense");
}

/**
 * Past → present for storyboard notes, one word at a time: only the sentence's main verb (the
 * first verb, in simple past, not after an auxiliary). compromise's whole-sentence rewrite
 * mangles participles ("unopened" → "unopens", "has not told" → "not tells").
 */
export function toPresent(sentence: string): string {
  // Flashbacks keep their tense: "where they first met fifty years ago" must not become "meet".
  if (/\b(ago|used to|before|once|as a child|back then|last (year|week|month))\b/i.test(sentence)) return sentence;
  try {
    const terms = (nlp(sentence).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>).flatMap((s) => s.terms);
    const at = terms.findIndex((t) => t.tags.includes("Verb") && !/^(named|called)$/i.test(t.text));
    const verb = terms[at];
    if (!verb || !verb.tags.includes("PastTense") || AUX_BEFORE.test(terms[at - 1]?.text ?? "")) return sentence;
    const subject = terms.slice(0, at).map((t) => t.text.toLowerCase());
    const plural = subject.some((w) => /^(they|we|you|i|and)$/.test(w)) || (terms[at - 1]?.tags.includes("Plural") ?? false);
    const lower = verb.text.toLowerCase();
    let present: string;
    if (lower === "was") present = plural ? "are" : "is";
    else if (lower === "were") present = "are";
    else if (lower === "had") present = plural ? "have" : "has";
    else {
      const inf = nlp(verb.text).verbs().toInfinitive().text();
      if (!inf || inf.toLowerCase() === lower) return sentence;
      present = plural ? inf : nlp(inf).verbs().toPresentTense().text() || inf;
    }
    if (/^[A-Z]/.test(verb.text)) present = capitalise(present);
    return sentence.replace(new RegExp(`\\b${verb.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`), present);
  } catch {
    return sentence;
  }
}

// ---------------------------------------------------------------- moods, colours, keywords

function firstMatch(text: string, table: ReadonlyArray<readonly [RegExp, string]>): string | null {
  let best: { at: number; value: string } | null = null;
  for (const [re, value] of table) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, value };
  }
  return best?.value ?? null;
}

function findMoods(text: string): string[] {
  const out: string[] = [];
  for (const [re, moods] of MOOD_CUES) if (re.test(text)) out.push(...moods);
  return [...new Set(out)].slice(0, 4);
}

/** Colour words, except those describing a character or hair ("grey mare", "red hair"). */
function findColours(tokens: Token[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const hex = COLOUR_WORDS[t.lower];
    if (!hex) return;
    for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) {
      const n = tokens[k]!;
      if (n.sentence !== t.sentence) break;
      if (ROLE_NOUNS[singular(n.lower)] || /^(hair|eyes|beard|fur|mane)$/.test(n.lower)) return;
      if (isNounish(n)) break;
    }
    out.push(hex);
  });
  return [...new Set(out)].slice(0, 2);
}

function findKeywords(tokens: Token[], english: boolean): string[] {
  const counts = new Map<string, { word: string; n: number; first: number }>();
  tokens.forEach((t, i) => {
    const w = t.text.replace(/['’]s$/, "");
    if (w.length < 3 || NOT_NAMES.has(t.lower)) return;
    if (english && !(isNounish(t) || t.tags.has("Verb") && !AUX.test(t.lower))) return;
    if (english && NOT_OBJECTS.test(t.lower)) return;
    const k = w.toLowerCase();
    const e = counts.get(k) ?? { word: w, n: 0, first: i };
    e.n++;
    counts.set(k, e);
  });
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .slice(0, 8)
    .map((e) => e.word);
}

/** "keeps drinks cold for 24 hours" → "Cold for 24 hours": the benefit as a line a title or super can carry. */
export function benefitLine(product: IdeaProduct | null): string | null {
  for (const f of product?.features ?? []) {
    const m = /^(?:keeps|stays|makes|leaves|gets)\s+(?:[\w-]+\s+)?((?:ice-)?(?:cold|hot|warm|dry|clean|fresh|safe|quiet|charged|cool|crisp|sharp)\b.*)$/i.exec(f);
    if (m?.[1] && m[1].split(" ").length <= 6) return capitalise(m[1]);
  }
  return null;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
