import nlp from "compromise";
import { retagNameVerbs } from "./retag";
import { ROLE_NOUNS } from "./lexicon";
import type { Token } from "./idea-types";

// Tokens: compromise tags for English, punctuation and capitals for everything else.

export type Tagged = Array<{ terms: Array<{ text: string; pre: string; post: string; tags: string[] }> }>;

export function tagEnglish(sentences: string[]): Token[] {
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

export function tagPlain(sentences: string[]): Token[] {
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

export const isCap = (t: Token) => /^\p{Lu}/u.test(t.text);

export const isNounish = (t: Token) => t.tags.has("Noun") && !t.tags.has("Pronoun");

export const endsPhrase = (t: Token) => /[,;:.!?()"“”—–]/.test(t.post);

export function singular(word: string): string {
  if (ROLE_NOUNS[word]) return word;
  if (word.endsWith("men") && ROLE_NOUNS[word.slice(0, -3) + "man"]) return word.slice(0, -3) + "man";
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("s") && ROLE_NOUNS[word.slice(0, -1)]) return word.slice(0, -1);
  return word;
}

export function nounPhraseAt(tokens: Token[], start: number): { text: string; end: number; head: Token } | null {
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
