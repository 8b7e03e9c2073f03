import { FOREIGN_WORDS, PLACE_NOUNS, PLACE_PREPOSITIONS, ROLE_NOUNS } from "./lexicon";
import type { Token } from "./idea-types";
import { isCap, isNounish, endsPhrase, singular, nounPhraseAt } from "./idea-tokens";

// Where the idea happens: the first place phrase (and every place named).

export function foreignSetting(tokens: Token[], text: string): { setting: string | null; settingPhrase: string | null; places: string[] } {
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

export const OPEN_GROUND = /^(sea|ocean|lake|river|steppe|plains?|fields?|ice|tundra|prairie|savanna|beach|shore|coast|road|street|moor|hills?|glacier|deck|roof|rooftop|bridge|pier|dock|island|trail|path|track|stage)$/;

export function findSetting(tokens: Token[]): { setting: string | null; settingPhrase: string | null; places: string[] } {
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
