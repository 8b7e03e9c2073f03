import { COLOUR_WORDS, MOOD_CUES, NOT_NAMES, ROLE_NOUNS } from "./lexicon";
import type { Token } from "./idea-types";
import { isNounish, singular } from "./idea-tokens";
import { NOT_OBJECTS } from "./find-objects";
import { AUX } from "./find-action";

// Mood, colour and keyword cues read straight from the idea's words.

export function firstMatch(text: string, table: ReadonlyArray<readonly [RegExp, string]>): string | null {
  let best: { at: number; value: string } | null = null;
  for (const [re, value] of table) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, value };
  }
  return best?.value ?? null;
}

export function findMoods(text: string): string[] {
  const out: string[] = [];
  for (const [re, moods] of MOOD_CUES) if (re.test(text)) out.push(...moods);
  return [...new Set(out)].slice(0, 4);
}

/** Colour words, except those describing a character or hair ("grey mare", "red hair"). */

export function findColours(tokens: Token[]): string[] {
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

export function findKeywords(tokens: Token[], english: boolean): string[] {
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
