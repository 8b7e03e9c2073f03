import nlp from "compromise";
import type { IdeaCharacter, Token } from "./idea-types";
import { splitSentences, capitalise } from "./idea-text";

// What happens first, what the hero wants, what an explainer explains; tense for the board.

export const AUX = /^(is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|must|may|might|named|called|explain|explains|show|shows|make|makes|imagine)$/i;

export function findAction(sentence: Token[], chars: IdeaCharacter[]): { action: string | null; goal: string | null } {
  const verbAt = sentence.findIndex((t, i) => t.tags.has("Verb") && !AUX.test(t.lower) && !t.tags.has("Gerund") && i > 0 && !(sentence[i - 1]?.lower === "to"));
  if (verbAt < 0) return { action: null, goal: null };
  const words = sentence.slice(verbAt);
  let text = words.map((t, i) => t.text + (i < words.length - 1 ? t.post : "")).join("");
  text = text.replace(/[.!?。！？…]+$/u, "").trim();
  let goal: string | null = null;
  const m = /^(.*?)\s+(?:in order\s+)?to\s+([a-z][^,.;!?]*)$/i.exec(text);
  if (m?.[1] && m[2] && m[1].split(" ").length >= 2 && !/^(the|a|an|his|her|their|my|our|its|this|that|some)\b/i.test(m[2])) {
    text = m[1];
    goal = m[2];
  }
  // Past tense → present: storyboard notes happen now.
  if (sentence[verbAt]?.tags.has("PastTense")) text = toPresent(text);
  if (goal) goal = goal.replace(/[,;]\s*$/, "");
  void chars;
  return { action: text.length > 2 ? text : null, goal };
}

export function findTopic(text: string): string | null {
  const first = splitSentences(text)[0] ?? text;
  const m =
    /\b(?:explain(?:s|ing)?|explainer(?: video)?(?: about| on)?|show(?:s|ing)?|tutorial(?: on)?|guide to|introduction to|teach(?:es|ing)?)\s*:?\s+(.+)/i.exec(first) ??
    /^((?:how|why|what)\b.+)/i.exec(first) ??
    /\b((?:how|why)\s+.+)/i.exec(first);
  const topic = m?.[1]?.replace(/[.!?。！？]+$/u, "").trim();
  return topic && topic.length > 2 ? topic : null;
}

export const AUX_BEFORE = /^(has|have|had|is|are|was|were|be|been|being|not|never|n't|get|got)$/i;

export function firstVerbIsPast(sentence: Token[]): boolean {
  const v = sentence.find((t) => t.tags.has("Verb") && !/^(named|called)$/.test(t.lower));
  return !!v && v.tags.has("PastTense");
}

/**
 * Past → present for storyboard notes, one word at a time: only the sentence's main verb (the
 * first verb, in simple past, not after an auxiliary). compromise's whole-sentence rewrite
 * mangles participles ("unopened" → "unopens", "has not told" → "not tells").
 */

export function toPresent(sentence: string): string {
  // Flashbacks keep their tense: "where they first met fifty years ago" must not become "meet".
  if (/\b(ago|used to|before|once|as a child|back then|last (year|week|month))\b/i.test(sentence)) return sentence;
  try {
    const terms = (nlp(sentence).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>).flatMap((s) => s.terms);
    const at = terms.findIndex((t) => t.tags.includes("Verb") && !/^(named|called)$/i.test(t.text));
    const verb = terms[at];
    if (!verb || !verb.tags.includes("PastTense") || AUX_BEFORE.test(terms[at - 1]?.text ?? "")) return sentence;
    const subject = terms.slice(0, at).map((t) => t.text.toLowerCase());
    const plural = subject.some((w) => /^(they|we|you|i|and)$/.test(w)) || (terms[at - 1]?.tags.includes("Plural") ?? false);
    const lower = verb.text.toLowerCase();
    let present: string;
    if (lower === "was") present = plural ? "are" : "is";
    else if (lower === "were") present = "are";
    else if (lower === "had") present = plural ? "have" : "has";
    else {
      const inf = nlp(verb.text).verbs().toInfinitive().text();
      if (!inf || inf.toLowerCase() === lower) return sentence;
      present = plural ? inf : nlp(inf).verbs().toPresentTense().text() || inf;
    }
    if (/^[A-Z]/.test(verb.text)) present = capitalise(present);
    return sentence.replace(new RegExp(`\\b${verb.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`), present);
  } catch {
    return sentence;
  }
}
