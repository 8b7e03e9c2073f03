import nlp from "compromise";
import { retagNameVerbs } from "./retag";
import { capitalise } from "./idea-text";
import type { IdeaAnalysis, IdeaCharacter } from "./idea-types";

// An English story idea read as a chain of actions: "A lighthouse keeper finds a message in a
// bottle, and climbs the tower one last time before the storm" → [the keeper finds a message…]
// [the keeper climbs the tower one last time] [the storm breaks]. Each clause knows who acts,
// the verb, what it acts on, and where it sits in time, so the beat sheet can follow the idea's
// own order of events instead of pasting the sentence into one frame.

export interface Clause {
  /** Who acts, when it is one of the idea's characters. */
  who: IdeaCharacter | null;
  /** "the lighthouse keeper", "the storm". */
  subject: string;
  plural: boolean;
  /** Verb lemma: "find". Empty for an event with no verb ("before the storm"). */
  verb: string;
  /** Present-tense verb phrase agreeing with the subject: "finds a message in a bottle". */
  vp: string;
  /** First noun phrase after the verb, definite: "the message". */
  object: string | null;
  /** The character the verb acts on ("teaches his granddaughter" → the granddaughter). */
  target: IdeaCharacter | null;
  /** "teaches her to read the clouds" → "read the clouds". */
  complement: string | null;
  /** The whole beat: "The lighthouse keeper finds a message in a bottle." */
  text: string;
  /** A verbless time clause ("before the storm") turned into an event. */
  event: boolean;
  sentence: number;
}

interface Term {
  text: string;
  lower: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

const CONNECTORS = /^(and|then|but|so)$/;
const TIME_CONNECTORS = /^(before|after|until|till|when|while|once)$/;
/** "teach her to read", "help him to climb": the infinitive is what the other person does. */
const COMPLEMENT_VERBS = /^(teach|help|show|tell|ask|let|make|allow|encourage|persuade|convince|invite|dare|beg|order|remind|train)$/;
/** "wants to fly", "tries to run": the infinitive is part of the same action. */
const CATENATIVE = /^(want|try|need|decide|learn|begin|start|have|go|plan|hope|refuse|forget|remember|agree|manage|fail|seem|like|love|hate|dream|promise|vow|long|wait|prepare|struggle|attempt|use|come|get|be|intend|mean|choose|offer)$/;
const EVENT_VERBS: Record<string, string> = {
  storm: "breaks",
  rain: "comes down",
  snow: "starts to fall",
  night: "falls",
  dark: "falls",
  darkness: "falls",
  dawn: "breaks",
  sunrise: "comes",
  sunset: "comes",
  winter: "sets in",
  tide: "comes in",
  flood: "rises",
  fire: "spreads",
  party: "begins",
  wedding: "begins",
  race: "begins",
  train: "pulls in",
  bus: "pulls in",
  ship: "comes in",
  war: "comes",
  end: "comes",
};

const isVerb = (t: Term | undefined) => !!t && t.tags.has("Verb") && !t.tags.has("Gerund") && !(t.tags.has("Participle") && !t.tags.has("PastTense"));
const isNounish = (t: Term | undefined) => !!t && t.tags.has("Noun") && !t.tags.has("Pronoun");

function terms(sentence: string): Term[] {
  const doc = nlp(sentence).json() as Array<{ terms: Array<{ text: string; pre: string; post: string; tags: string[] }> }>;
  const out = doc.flatMap((s) => s.terms).filter((t) => t.text).map((t) => ({ text: t.text, lower: t.text.toLowerCase(), pre: t.pre ?? "", post: t.post ?? "", tags: new Set(t.tags) }));
  retagNameVerbs(out);
  return out;
}

function join(ts: Term[]): string {
  return ts
    .map((t, i) => (i === 0 ? "" : t.pre) + t.text + (i < ts.length - 1 ? t.post : ""))
    .join("")
    .replace(/[\s,;:—–-]+$/u, "")
    .replace(/^[\s,;:—–-]+/u, "")
    .trim();
}

/** Does a new clause start at k: a verb ("and climbs…") or a subject then a verb ("and the baker chases…")? */
function clauseStarts(ts: Term[], k: number): boolean {
  const t = ts[k];
  if (!t) return false;
  if (t.lower === "then") return clauseStarts(ts, k + 1);
  if (isVerb(t) && !t.tags.has("Noun")) return true;
  if (/^(he|she|they|it|we|i)$/.test(t.lower)) return isVerb(ts[k + 1]);
  for (let j = k; j < Math.min(ts.length, k + 5); j++) {
    const x = ts[j]!;
    if (isVerb(x) && j > k) return isNounish(ts[j - 1]);
    if (!(x.tags.has("Determiner") || x.tags.has("Possessive") || x.tags.has("Adjective") || x.tags.has("Value") || isNounish(x))) return false;
    if (j > k && /[,;]/.test(ts[j - 1]!.post)) return false;
  }
  return false;
}

interface Segment {
  ts: Term[];
  connector: string | null;
}

function segments(ts: Term[]): Segment[] {
  const out: Segment[] = [];
  let cur: Term[] = [];
  let connector: string | null = null;
  let mainVerb: string | null = null;
  const flush = (next: string | null) => {
    if (cur.length > 0) out.push({ ts: cur, connector });
    cur = [];
    connector = next;
    mainVerb = null;
  };
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const hasVerb = mainVerb !== null;
    if (hasVerb && CONNECTORS.test(t.lower) && clauseStarts(ts, i + 1)) {
      flush(t.lower === "then" ? "then" : "and");
      continue;
    }
    if (hasVerb && /,/.test(ts[i - 1]?.post ?? "") && isVerb(t) && !t.tags.has("Noun") && !t.tags.has("Participle")) {
      flush("and");
      cur.push(t);
      mainVerb = t.lower;
      continue;
    }
    if (hasVerb && TIME_CONNECTORS.test(t.lower) && (t.tags.has("Conjunction") || t.tags.has("Preposition") || t.lower === "before" || t.lower === "after")) {
      flush(t.lower);
      continue;
    }
    if (hasVerb && t.lower === "to" && ts[i + 1] && ts[i + 1]!.tags.has("Verb") && !ts[i + 1]!.tags.has("Noun")) {
      const lemma = lemmaOf(mainVerb ?? "");
      const prev = ts[i - 1];
      if (!CATENATIVE.test(lemma) && !COMPLEMENT_VERBS.test(lemma) && !(prev && isVerb(prev) && CATENATIVE.test(lemmaOf(prev.lower)))) {
        flush("to");
        continue;
      }
    }
    cur.push(t);
    if (!hasVerb && isVerb(t) && !/^(named|called)$/.test(t.lower) && !(t.tags.has("Noun") && cur.length === 1)) mainVerb = t.lower;
  }
  flush(null);
  return out;
}

const lemmaCache = new Map<string, string>();
function lemmaOf(verb: string): string {
  const v = verb.toLowerCase();
  const hit = lemmaCache.get(v);
  if (hit !== undefined) return hit;
  const inf = (nlp(`they ${v}`).verbs().toInfinitive().text().replace(/^they\s+/i, "") || nlp(v).verbs().toInfinitive().text() || v).toLowerCase();
  lemmaCache.set(v, inf);
  return inf;
}

function conjugate(verb: string, plural: boolean): string {
  if (/^(must|can|could|will|would|shall|should|may|might)$/i.test(verb)) return verb.toLowerCase();
  const lemma = lemmaOf(verb);
  if (plural) return lemma === "be" ? "are" : lemma;
  if (lemma === "be") return "is";
  if (lemma === "have") return "has";
  return nlp(lemma).verbs().toPresentTense().text() || verb;
}

function definite(np: string): string {
  return np.replace(/^(a|an|one)\s+/i, "the ");
}

function matchCharacter(text: string, idea: IdeaAnalysis): IdeaCharacter | null {
  const lower = text.toLowerCase();
  for (const c of idea.characters) {
    if (c.keys.some((k) => k.length > 1 && new RegExp(`(^|[^\\p{L}])${k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "iu").test(lower))) return c;
  }
  return null;
}

/** The distinct cast members a subject lists ("Kofi and Dani", "the fox, the goose and the farmer"). */
function jointSubject(subjText: string, idea: IdeaAnalysis): IdeaCharacter[] {
  if (!/\band\b|&/i.test(subjText)) return [];
  const out: IdeaCharacter[] = [];
  for (const part of subjText.split(/\s*,\s*|\s+and\s+|\s*&\s*/i)) {
    const who = part.trim() ? matchCharacter(part, idea) : null;
    if (who && !out.includes(who)) out.push(who);
  }
  return out;
}

function listRefs(refs: readonly string[]): string {
  return refs.length <= 2 ? refs.join(" and ") : `${refs.slice(0, -1).join(", ")} and ${refs[refs.length - 1]}`;
}

/** The idea's story sentences as clauses, in story order. Empty when it is not English. */
export function storyClauses(idea: IdeaAnalysis): Clause[] {
  if (!idea.english) return [];
  const out: Clause[] = [];
  let last = null as { who: IdeaCharacter | null; subject: string; plural: boolean } | null;
  const seen = new Set<string>();
  for (const s of idea.sentences) {
    if (s.meta || s.quotes.length > 0) return [];
    const segs = segments(terms(s.text));
    const sentenceClauses: Array<Clause & { connector: string | null }> = [];
    for (const seg of segs) {
      const ts = seg.ts.filter((t) => !(t.lower === "then" && seg.ts.indexOf(t) === 0));
      if (ts.length === 0) continue;
      const v = ts.findIndex((t, i) => isVerb(t) && !/^(named|called)$/.test(t.lower) && !(t.tags.has("Noun") && i === 0 && !isVerb(ts[1])));
      let subject: string;
      let who: IdeaCharacter | null;
      let plural: boolean;
      if (v < 0) {
        // "before the storm": an event, in its own beat.
        const np = definite(join(ts));
        if (!np || np.split(" ").length > 6 || !last) continue;
        const head = np.split(" ").pop()!.toLowerCase();
        const verb = EVENT_VERBS[head];
        if (!verb) {
          // "when the seed sprouts": the tagger missed the verb; the words still say what happens.
          if (np.split(" ").length < 2) continue;
          sentenceClauses.push({ ...base(s.index), who: null, subject: np, plural: false, verb: "", vp: "", text: `${capitalise(np)}.`, event: false, connector: seg.connector });
          continue;
        }
        sentenceClauses.push({ ...base(s.index), who: null, subject: np, plural: false, verb: "", vp: verb, text: `${capitalise(np)} ${verb}.`, event: true, connector: seg.connector });
        continue;
      }
      const subjTerms = ts.slice(0, v);
      const vpTerms = ts.slice(v);
      const subjText = join(subjTerms);
      if (subjTerms.length === 0 || /^(he|she|they|it|his|her)$/i.test(subjText)) {
        if (!last) continue;
        ({ who, subject, plural } = last);
      } else if (/\b(who|that|which)$/i.test(subjText)) {
        // "A lighthouse keeper and a seagull who steals his sandwich": the relative clause belongs
        // to the last noun phrase before "who" (the seagull), not to the sentence's first noun.
        const head = subjText.replace(/\s+(who|that|which)$/i, "").split(/\s*,\s*|\s+and\s+/).pop() ?? subjText;
        who = matchCharacter(head, idea);
        subject = who ? who.ref : definite(head.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()));
        plural = who ? !!who.plural : false;
      } else {
        who = matchCharacter(subjText, idea);
        subject = who ? who.ref : definite(subjText.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()));
        plural = who ? !!who.plural : subjTerms.some((t) => t.tags.has("Plural")) || /\band\b/i.test(subjText);
        // "Kofi and Dani race down…": two of the cast share the verb ("race", not "races").
        const joint = jointSubject(subjText, idea);
        if (joint.length >= 2) {
          who = joint[0]!;
          subject = listRefs(joint.map((j) => j.ref));
          plural = true;
        }
      }
      const verbTerm = vpTerms[0]!;
      const lemma = lemmaOf(verbTerm.lower);
      const rest = vpTerms.slice(1);
      // "to read the clouds" after "teaches his granddaughter".
      let complement: string | null = null;
      const toAt = rest.findIndex((t, i) => t.lower === "to" && rest[i + 1]?.tags.has("Verb"));
      if (COMPLEMENT_VERBS.test(lemma) && toAt >= 0) complement = join(rest.slice(toAt + 1));
      const objectTerms: Term[] = [];
      for (const t of rest) {
        if (t.tags.has("Preposition") || t.tags.has("Conjunction") || (t.tags.has("Verb") && !t.tags.has("Noun"))) break;
        if (!(t.tags.has("Determiner") || t.tags.has("Possessive") || t.tags.has("Adjective") || t.tags.has("Value") || t.tags.has("Noun"))) break;
        if (objectTerms.some(isNounish) && (t.tags.has("Value") || t.tags.has("Determiner"))) break;
        objectTerms.push(t);
        if (/[,;]/.test(t.post)) break;
      }
      const objectText = objectTerms.length > 0 && objectTerms.some(isNounish) ? join(objectTerms) : null;
      const target = objectText ? matchCharacter(objectText, idea) : null;
      let vp = `${conjugate(verbTerm.text, plural)}${rest.length ? ` ${join(rest)}` : ""}`;
      let acted = target;
      if (/^it\b/i.test(join(rest)) && last && last.who && last.subject !== subject) {
        // "the baker chases it": "it" is whoever acted last (the fox).
        vp = vp.replace(/\bit\b/, last.subject);
        acted = last.who;
      }
      for (const w of seen) vp = vp.replace(new RegExp(`\\b(a|an) (${w})\\b`, "i"), "the $2");
      // "Late at night, a detective in a rain-soaked city finds…": keep the time and place the subject carries.
      const lead = who && subjTerms.length > 0 && subjText.length > who.ref.length + 4 && /[,]|\b(in|on|at|from|of|with)\b/i.test(subjText) ? subjText.replace(/(^|,\s*)(a|an)\s+/i, "$1the ") : subject;
      const text = `${capitalise(lead)} ${vp}`.replace(/[.!?]+$/, "") + ".";
      sentenceClauses.push({ ...base(s.index), who, subject, plural, verb: lemma, vp, object: objectText ? definite(objectText) : acted ? acted.ref : null, target: acted, complement, text, event: false, connector: seg.connector });
      for (const t of [...subjTerms, ...rest]) if (isNounish(t)) seen.add(t.lower);
      last = { who: who ?? last?.who ?? null, subject: who ? subject : last?.subject ?? subject, plural: who ? plural : last?.plural ?? plural };
    }
    // "X after Y" and "X when Y" happen Y first.
    for (let i = 1; i < sentenceClauses.length; i++) {
      const c = sentenceClauses[i]!;
      if ((c.connector === "after" || c.connector === "when" || c.connector === "once") && i === sentenceClauses.length - 1) {
        sentenceClauses.splice(i - 1, 2, c, sentenceClauses[i - 1]!);
      }
    }
    out.push(...sentenceClauses);
  }
  return out;
}

function base(sentence: number): Pick<Clause, "object" | "target" | "complement" | "sentence"> {
  return { object: null, target: null, complement: null, sentence };
}
