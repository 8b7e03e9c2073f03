import { NAME_ADJECTIVES, NOT_NAMES, PLACE_NOUNS, PLACE_PREPOSITIONS, ROLE_NOUNS, type Gender } from "./lexicon";
import type { IdeaCharacter, Token } from "./idea-types";
import { capitalise } from "./idea-text";
import { isCap, isNounish, endsPhrase, singular } from "./idea-tokens";

// Who the idea is about: proper names kept whole, role nouns, kin, small groups, animals.

export const KIN = new Set(["brother", "sister", "mother", "father", "mom", "dad", "wife", "husband", "son", "daughter", "grandmother", "grandfather", "grandma", "grandpa", "granddaughter", "grandson", "grandchild", "niece", "nephew", "aunt", "uncle", "cousin"]);

export const NAMING = /^(named|called|llamad[oa]|namens|genannt|nommée?|по|есімді|атты)$/i;

export const HE = /^(he|him|his|himself|él|er|ihn|sein|seine|он|его|ему)$/i;

export const SHE = /^(she|her|hers|herself|ella|sie|ihre|она|её|ее|ей)$/i;

export const GERMAN = /\b(der|die|das|und|ein|eine|einen|nicht|mit|ist|den|dem|des|jeden|für|bleibt|wieder)\b/gi;

export function findCharacters(tokens: Token[], productName: string | null, english: boolean): IdeaCharacter[] {
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

export function insideQuotes(tokens: Token[], i: number): boolean {
  let open = false;
  for (let k = 0; k <= i; k++) {
    const t = tokens[k]!;
    if (t.sentence !== tokens[i]?.sentence) continue;
    if (/["“”«»]/.test(t.pre)) open = !open;
    if (k < i && /["“”«»]/.test(t.post)) open = !open;
  }
  return open;
}

export const GROUP_COUNT = /^(two|three|four|both|twin)$/;

/** "Two kids" → "two kids"; "The kids build…" (the sentence's subject) → "kids". Null for a crowd. */

export function groupOf(tokens: Token[], i: number, chars: IdeaCharacter[]): string | null {
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

export function appositiveNear(tokens: Token[], c: IdeaCharacter, at: number): boolean {
  return Math.abs(c.firstAt - at) <= 4 && tokens[at]?.sentence === tokens[c.firstAt]?.sentence;
}

/** "Tomas, an old fisherman," / "an old fisherman named Tomas" / "Tomas the fisherman". */

export function bindRole(c: IdeaCharacter, tokens: Token[], i: number, j: number): void {
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

export function lastNamedBefore(chars: IdeaCharacter[], at: number): IdeaCharacter | undefined {
  return [...chars].filter((c) => c.firstAt < at && c.kind === "person").sort((a, b) => b.firstAt - a.firstAt)[0];
}

// A weak prior only for names the text gives no pronoun for; "n" (they) when unsure.

export function genderFromName(name: string): Gender {
  const first = (name.split(" ")[0] ?? "").toLowerCase();
  if (/^[\p{Script=Cyrillic}]+$/u.test(first)) return /[аяі]$|ім$|гүл$/.test(first) ? "f" : "m";
  if (/(a|ia|ya|ja|elle|ette|ine|im|gul|gül|ova|eva|ina|ko|mi)$/.test(first) && first.length > 2) return "f";
  if (/(o|us|os|an|ar|er|ov|ev|in|ek|ur|at|el)$/.test(first) && first.length > 2) return "m";
  return "n";
}

export function pickHero(chars: IdeaCharacter[]): IdeaCharacter | null {
  if (chars.length === 0) return null;
  const score = (c: IdeaCharacter) =>
    c.mentions * 2 + (c.role === null ? 1 : 0) + (c.kind === "person" ? 1 : 0) + (c.subject ? 2 : 0) - c.firstAt * 0.01;
  return [...chars].sort((a, b) => score(b) - score(a))[0] ?? null;
}
