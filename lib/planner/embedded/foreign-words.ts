import { detect } from "tinyld";
import { FOREIGN_LEXICON, type ForeignLang, type LexiconKind } from "./foreign-lexicon";

// Ideas typed in Spanish, French, German or Russian keep their own words; the drawable nouns in
// them also get their English name, which is what the sketch renderer draws from ("el faro" →
// "el faro (lighthouse)"). Words the lexicon does not know stay as written, unglossed.

/** The languages the detector may answer: what people type ideas in, so short ideas are not misread. */
const CANDIDATES = ["en", "es", "fr", "de", "ru", "uk", "kk", "it", "pt", "nl", "pl", "tr", "ja", "zh", "ko"];

const EN_FUNCTION = new Set(["the", "a", "an", "and", "of", "to", "in", "with", "is", "are", "for", "on", "her", "his", "their", "who", "that", "at", "from", "by", "it", "as", "into", "how", "what", "why", "has", "was"]);

/** ISO 639-1 code of the idea's language ("en" when unsure). */
export function detectLanguage(text: string): string {
  const letters = text.replace(/[^\p{L}\s]/gu, " ").trim();
  if (letters.length < 8) return "en";
  // Names pull trigram detectors off ("Chai Wallah … Churchgate" reads as German): a text whose
  // words are often English function words is English whatever the trigrams say.
  const words = letters.toLowerCase().split(/\s+/);
  if (words.filter((w) => EN_FUNCTION.has(w)).length / words.length >= 0.15) return "en";
  return detect(letters, { only: CANDIDATES }) || "en";
}

export function isLexiconLang(lang: string): lang is ForeignLang {
  return lang === "es" || lang === "fr" || lang === "de" || lang === "ru";
}

const ENDINGS: Record<ForeignLang, readonly string[]> = {
  es: ["es", "s"],
  fr: ["x", "s"],
  de: ["en", "er", "es", "e", "n", "s"],
  ru: ["ами", "ями", "ого", "его", "ому", "ему", "ов", "ев", "ей", "ой", "ою", "ом", "ем", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь"],
};

const stemCache = new Map<ForeignLang, Map<string, string>>();

function stem(word: string, lang: ForeignLang): string {
  const w = word.toLowerCase().replace(/ё/g, "е");
  for (const e of ENDINGS[lang]) if (w.endsWith(e) && w.length - e.length >= 3) return w.slice(0, -e.length);
  return w;
}

function stems(lang: ForeignLang): Map<string, string> {
  let m = stemCache.get(lang);
  if (m) return m;
  m = new Map();
  for (const key of Object.keys(FOREIGN_LEXICON[lang])) {
    const s = stem(key, lang);
    if (!m.has(s)) m.set(s, key);
  }
  stemCache.set(lang, m);
  return m;
}

/** The English noun for a word of `lang` ("gaviotas" → seagull, "рыбака" → fisherman), or null. */
export function lookupForeign(word: string, lang: ForeignLang): { en: string; kind: LexiconKind; key: string } | null {
  const lex = FOREIGN_LEXICON[lang];
  const lower = word.toLowerCase();
  // The word, then the word less each ending it may carry ("Bauern" → "bauer", "рыбака" → "рыбак").
  const candidates = [lower, lower.replace(/ё/g, "е"), ...ENDINGS[lang].filter((e) => lower.endsWith(e) && lower.length - e.length >= 3).map((e) => lower.slice(0, -e.length))];
  for (const c of candidates) {
    const exact = lex[c];
    if (exact) return { en: exact[0], kind: exact[1], key: c };
  }
  for (const c of candidates) {
    const key = stems(lang).get(stem(c, lang));
    const hit = key ? lex[key] : undefined;
    if (hit && key) return { en: hit[0], kind: hit[1], key };
  }
  return null;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** Every lexicon word in `text`, in order, once each. */
export function foreignNouns(text: string, lang: ForeignLang): Array<{ word: string; key: string; en: string; kind: LexiconKind; at: number }> {
  const out: Array<{ word: string; key: string; en: string; kind: LexiconKind; at: number }> = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    // A capitalised word mid-sentence in a language that does not capitalise nouns is a name ("Lucía", "Васька").
    if (lang !== "de" && /^\p{Lu}/u.test(word) && (m.index ?? 0) > 0 && !/[.!?]\s*$/.test(text.slice(0, m.index))) continue;
    const hit = lookupForeign(word, lang);
    if (!hit || seen.has(hit.en)) continue;
    // Already glossed: "the seagull (gaviota)" names it in English.
    const before = text.slice(Math.max(0, (m.index ?? 0) - hit.en.length - 3), m.index ?? 0).toLowerCase();
    if (/\($/.test(before) || before.includes(hit.en)) continue;
    seen.add(hit.en);
    out.push({ word, key: hit.key, en: hit.en, kind: hit.kind, at: m.index ?? 0 });
  }
  return out;
}

/** "el faro" → "el faro (lighthouse)": the English noun beside the idea's own word, once per noun. */
export function glossForeign(text: string, lang: ForeignLang): string {
  const nouns = foreignNouns(text, lang).filter((n) => n.word.toLowerCase() !== n.en);
  if (nouns.length === 0) return text;
  let out = "";
  let last = 0;
  for (const n of nouns) {
    const end = n.at + n.word.length;
    if (text.slice(end, end + n.en.length + 3).toLowerCase().includes(`(${n.en}`)) continue;
    out += `${text.slice(last, end)} (${n.en})`;
    last = end;
  }
  return out + text.slice(last);
}
