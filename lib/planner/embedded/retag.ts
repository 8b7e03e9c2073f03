import { ROLE_NOUNS } from "./lexicon";

// Repairs to compromise's tags that the planner's readers share (idea analysis and clause split).

export interface RetagTerm {
  text: string;
  lower: string;
  post: string;
  tags: Set<string>;
  /** Sentence index, when the terms span several sentences. */
  sentence?: number;
}

const PHRASE_END = /[,;:.!?()"“”—–]/;

/**
 * compromise reads an unknown name's verb as a plural noun ("Aldar Kose outwits a greedy bai",
 * "outwits/Plural"): a capitalised word, then an -s word, then a determiner or adjective is a verb.
 */
export function retagNameVerbs(terms: RetagTerm[]): void {
  for (let i = 1; i < terms.length - 1; i++) {
    const t = terms[i]!;
    const prev = terms[i - 1]!;
    const next = terms[i + 1]!;
    if (prev.sentence !== t.sentence || next.sentence !== t.sentence || t.tags.has("Verb")) continue;
    // After a name ("Aldar Kose outwits") or a singular role noun ("a firefighter rescues a kitten").
    const actor = /^\p{Lu}/u.test(prev.text) || (!!ROLE_NOUNS[prev.lower] && !prev.tags.has("Plural"));
    if (!/^[a-z]+s$/.test(t.text) || !t.tags.has("Plural") || !actor || PHRASE_END.test(prev.post)) continue;
    if (!(next.tags.has("Determiner") || next.tags.has("Possessive") || next.tags.has("Adjective") || /^(a|an|the|his|her|their|its|every|all)$/.test(next.lower))) continue;
    t.tags = new Set(["Verb", "PresentTense"]);
  }
}
