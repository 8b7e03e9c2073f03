import type { Form } from "../schema";
import { AD_CUES, ENGLISH_WORDS, EXPLAINER_CUES } from "./lexicon";

// The idea as text: cleaned, split into sentences, its language guessed, its form detected.

export const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu;

// Latin stops need a space after them ("volt.run" is one word); CJK stops do not.
export const SENTENCE_SPLIT = /(?<=[.!?…])\s+(?=\S)|(?<=[。！？])\s*(?=\S)|\n+/u;

export const QUOTES = /["“”«»„「」『』]([^"“”«»„「」『』]{2,200})["“”«»„「」『』]/gu;

export const SPEECH_VERBS = /\b(say|says|said|ask|asks|asked|shout|shouts|shouted|whisper|whispers|whispered|tell|tells|told|cry|cries|cried|yell|yells|reply|replies|replied|call|calls|sing|sings|begs?|warns?|promis\w+)\b/i;

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

export function isEnglish(text: string): boolean {
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

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
