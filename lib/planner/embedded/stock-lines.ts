// One board never says the same stock line twice. Templates and habitats are shared across
// frames ("dust turning in a shaft of light", "in a cluttered old house"); the second time a
// run of the planner's own words comes back, a place shrinks to "the house" and anything else
// is cut, the way an editor would strike a repeated phrase. The idea's own words are free to recur.

const SMALL = new Set(["a", "an", "the", "and", "of", "to", "in", "on", "at", "with", "his", "her", "their", "its", "is", "for"]);
const GRAM = 5;
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

export interface StockGuard {
  /** Returns `text` with runs already used on this board removed, and records what it kept. */
  pass(text: string): string;
}

export function stockGuard(ownText: string): StockGuard {
  const own = new Set(words(ownText));
  const seen = new Set<string>();
  const gramsOf = (text: string): string[] => {
    const w = words(text);
    const out: string[] = [];
    for (let k = 0; k + GRAM <= w.length; k++) {
      const g = w.slice(k, k + GRAM);
      if (g.filter((x) => !own.has(x) && !SMALL.has(x)).length >= 3) out.push(g.join(" "));
    }
    return out;
  };
  return {
    pass(text: string): string {
      let out = text;
      for (let guard = 0; guard < 8; guard++) {
        const repeat = gramsOf(out).find((g) => seen.has(g));
        if (!repeat) break;
        const next = strike(out, repeat);
        if (next === out || words(next).length < 3) break;
        out = next;
      }
      for (const g of gramsOf(out)) seen.add(g);
      return out;
    },
  };
}

const PLACE = /^(in|on|at|across|through|into|inside|by|under|over|near|along)?\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}([\p{L}-]+)$/iu;

/** Removes (or shortens) the clause holding `gram`. */
function strike(text: string, gram: string): string {
  const parts = text.split(/(\s*[;:—,.]\s*)/);
  for (let i = 0; i < parts.length; i += 2) {
    const clause = parts[i] ?? "";
    if (!words(clause).join(" ").includes(gram)) continue;
    const place = PLACE.exec(clause.trim());
    if (place?.[2]) {
      parts[i] = `${place[1] ? `${place[1]} ` : ""}the ${place[2]}`;
      return tidy(parts.join(""));
    }
    // Not a place: strike the clause and the punctuation in front of it.
    if (i > 0) parts.splice(i - 1, 2);
    else parts.splice(0, 2);
    return tidy(parts.join(""));
  }
  // The run spans clauses: strike the sentence it starts in.
  const at = text.toLowerCase().indexOf(gram.split(" ")[0] ?? "");
  const start = Math.max(0, text.lastIndexOf(". ", at) + 1);
  const end = text.indexOf(".", at);
  return tidy(`${text.slice(0, start)} ${end >= 0 ? text.slice(end + 1) : ""}`);
}

function tidy(s: string): string {
  const t = s
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/([,;:—])\s*([.;])/g, "$2")
    .replace(/^[\s,;:—.]+/, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  const capped = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?"”]$/.test(capped) ? capped : `${capped}.`;
}
