// Line breaking and truncation for fixed boxes (PDF panels, caption bars). Pure: the caller passes
// a width function, so the same code measures with a PDF font or a fontkit font.

export type MeasureText = (text: string) => number;

const ELLIPSIS = "…";

/** Collapses whitespace and strips control characters a font cannot draw; keeps paragraph breaks. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line, i, all) => line !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n")
    .trim();
}

/** Breaks text into lines no wider than maxWidth; words longer than a line are split. */
export function wrapText(text: string, measure: MeasureText, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split("\n")) {
    if (paragraph === "") {
      lines.push("");
      continue;
    }
    let line = "";
    for (const word of paragraph.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (measure(rest) > maxWidth && rest.length > 1) {
        const cut = longestFittingPrefix(rest, measure, maxWidth);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** Ends a line with "…" so that it still fits. */
export function ellipsize(line: string, measure: MeasureText, maxWidth: number): string {
  if (measure(line + ELLIPSIS) <= maxWidth) return line.replace(/[\s.,;:·—-]+$/, "") + ELLIPSIS;
  const cut = longestFittingPrefix(line, (t) => measure(t + ELLIPSIS), maxWidth);
  return line.slice(0, cut).replace(/[\s.,;:·—-]+$/, "") + ELLIPSIS;
}

/** Wraps and keeps at most maxLines, marking a cut with "…". */
export function fitText(text: string, measure: MeasureText, maxWidth: number, maxLines: number): string[] {
  if (maxLines <= 0) return [];
  const lines = wrapText(text, measure, maxWidth);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1] ?? "", measure, maxWidth);
  return kept;
}

/** One line, cut with "…" when too wide. */
export function fitLine(text: string, measure: MeasureText, maxWidth: number): string {
  const line = cleanText(text).replace(/\n/g, " ");
  return measure(line) <= maxWidth ? line : ellipsize(line, measure, maxWidth);
}

/**
 * Shares a number of lines between blocks that each want some: every block first gets up to its
 * minimum (in order), then the rest goes to blocks in order of priority.
 */
export function shareLines(wanted: number[], minimum: number[], available: number): number[] {
  const given = wanted.map(() => 0);
  let left = available;
  wanted.forEach((want, i) => {
    const take = Math.min(want, minimum[i] ?? 0, left);
    given[i] = take;
    left -= take;
  });
  wanted.forEach((want, i) => {
    const take = Math.min(want - (given[i] ?? 0), left);
    given[i] = (given[i] ?? 0) + take;
    left -= take;
  });
  return given;
}

function longestFittingPrefix(text: string, measure: MeasureText, maxWidth: number): number {
  // Binary search over code points so a surrogate pair is never split.
  const chars = Array.from(text);
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join("")) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join("").length;
}
