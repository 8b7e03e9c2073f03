import type { Plan } from "@/lib/planner/schema";
import type { CorpusIdea } from "./corpus";

// Defect classes a plan must be free of, checked over the whole corpus rather than for a few
// phrases. Each returns what it found so a failing test (and the report) can show the lines.

const ARTICLES = "a|an|the";
const LOOSE_ENDS = "a|an|the|of|for|with|and|or|from|into|than|whose";
/** A noun phrase that ends in an article, preposition or conjunction: "without a for —". */
const DANGLING = new RegExp(`(?<!\\p{L})(${LOOSE_ENDS})\\s*(?=[.,;:!?—–)]|$)`, "iu");
/** An article in front of a function word: "a for", "the who". */
const ARTICLE_FRAGMENT = new RegExp(`(?<!\\p{L})(${ARTICLES})\\s+(for|of|to|with|that|who|which|whom|and|or|at|in|on|by|from|is|are|was|does|do)(?!\\p{L})`, "iu");
/** A possessive on something that cannot own the next word: "the bike's for", "the bike's parents who". */
const POSSESSIVE_GARBLE = /['’]s\s+(for|who|that|which|of|to|with|and|the|a|an)\b|['’]s\s+\w+(\s+\w+)?\s+who\b/i;
/** A verb read as a noun after "the"/"to": "going to Aldar Kose outwits". */
const VERB_AS_NOUN = /\b(the|to|with|about|of)\s+(?:\p{Lu}\p{Ll}+\s+){1,2}(\p{Ll}+s)\b(?=\s*[.,;:—]|\s+never|\s+in\b)/u;

const TITLE_END = /(?<!\p{L})(a|an|the|of|for|with|and|or|to|in|on|at|by|from|who|that|which)$/iu;

export interface Finding {
  kind: "dangling" | "article-fragment" | "possessive-garble" | "verb-as-noun" | "title" | "repeated-stock" | "cast-missing" | "prop-missing";
  text: string;
}

function sceneTexts(p: Plan): string[] {
  return [p.logline, ...p.scenes.flatMap((s) => [s.description, s.dialogue ?? "", s.notes ?? ""])].filter(Boolean);
}

/** Fragments: phrases the planner built badly. The idea's own sentences are the writer's words and are skipped. */
export function fragmentFindings(p: Plan, prompt: string): Finding[] {
  const out: Finding[] = [];
  for (const t of sceneTexts(p)) {
    for (const part of t.split(/(?<=[.!?])\s+/)) {
      const bare = part.replace(/[.!?]+$/, "");
      if (bare.length > 12 && prompt.includes(bare)) continue;
      if (DANGLING.test(part) && !/\bhold on\b|\blooks on\b|\bgoes on\b|\bwaits for\b/i.test(part)) out.push({ kind: "dangling", text: part });
      if (ARTICLE_FRAGMENT.test(part)) out.push({ kind: "article-fragment", text: part });
      if (POSSESSIVE_GARBLE.test(part)) out.push({ kind: "possessive-garble", text: part });
      if (VERB_AS_NOUN.test(part)) out.push({ kind: "verb-as-noun", text: part });
    }
  }
  const title = p.title.trim();
  const words = title.toLowerCase().replace(/\b(\w+) by \1\b/g, "$1").split(/\s+/);
  const dupName = words.some((w, i) => w.length > 2 && !/^(and|the)$/.test(w) && words.indexOf(w) !== i);
  if (TITLE_END.test(title) || dupName || ARTICLE_FRAGMENT.test(title)) out.push({ kind: "title", text: title });
  return out;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/**
 * Stock lines repeated within one board: a run of five words the planner wrote (at least three of
 * them not in the idea) that shows up in two different scenes.
 */
export function repeatedStock(p: Plan, prompt: string): Finding[] {
  const own = new Set(words(prompt));
  for (const c of p.characters) for (const w of words(c.name)) own.add(w);
  const SMALL = new Set(["a", "an", "the", "and", "of", "to", "in", "on", "at", "with", "his", "her", "their", "its", "is", "for"]);
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  p.scenes.forEach((s, i) => {
    const w = words(s.description);
    const grams = new Set<string>();
    for (let k = 0; k + 5 <= w.length; k++) {
      const g = w.slice(k, k + 5);
      if (g.filter((x) => !own.has(x) && !SMALL.has(x)).length < 3) continue;
      grams.add(g.join(" "));
    }
    for (const g of grams) {
      const at = seen.get(g);
      if (at !== undefined && at !== i) out.push({ kind: "repeated-stock", text: `${g} (scenes ${at + 1} and ${i + 1})` });
      else seen.set(g, i);
    }
  });
  return out;
}

function named(haystack: string, alternatives: string[]): boolean {
  const h = haystack.toLowerCase();
  return alternatives.some((a) => {
    const n = a.toLowerCase();
    if (!/^[\x00-\x7f]+$/.test(n)) return h.includes(n);
    return new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(s|es)?(?![\\p{L}])`, "iu").test(h);
  });
}

/** Every expected character and key prop named, in plain words, in some scene description. */
export function coverage(p: Plan, idea: CorpusIdea): { cast: [number, number]; props: [number, number]; missing: Finding[] } {
  const text = p.scenes.map((s) => s.description).join("\n");
  const missing: Finding[] = [];
  let castHit = 0;
  let propHit = 0;
  for (const alts of idea.cast ?? []) {
    if (named(text, alts)) castHit++;
    else missing.push({ kind: "cast-missing", text: alts.join("/") });
  }
  for (const alts of idea.props ?? []) {
    if (named(text, alts)) propHit++;
    else missing.push({ kind: "prop-missing", text: alts.join("/") });
  }
  return { cast: [castHit, idea.cast?.length ?? 0], props: [propHit, idea.props?.length ?? 0], missing };
}
