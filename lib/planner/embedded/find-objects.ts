import { PLACE_NOUNS, ROLE_NOUNS, TIMES_OF_DAY } from "./lexicon";
import type { IdeaCharacter, IdeaProduct, Token } from "./idea-types";
import { isCap, isNounish, endsPhrase, singular, nounPhraseAt } from "./idea-tokens";

// The things the idea names that are neither characters nor places: the key props.

export const NOT_OBJECTS = /^(self|storm|storms|weather|rain|snow|wind|fog|night|ad|ads|advert|commercial|spot|video|film|story|storyboard|tale|second|seconds|minute|minutes|sec|scene|scenes|shot|shots|frame|frames|idea|way|thing|things|time|moment|day|days|hours?|years?|life|world|everything|nothing|something|someone|anyone|people|explainer|tutorial|guide|step|steps|one|lot|kind|sort|end|beginning|back|front|side|top|bottom|middle|edge|rest|inside|outside|company|attention|track|care|sure|fun|sight|touch)$/i;

export function findObjects(tokens: Token[], chars: IdeaCharacter[], places: string[], product: IdeaProduct | null): string[] {
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
