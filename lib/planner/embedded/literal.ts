import type { Character } from "../schema";
import type { IdeaAnalysis, IdeaCharacter } from "./idea-types";

// The last pass over a board's scene text, so a renderer (and a reader) can take each description
// literally: who, what, where. Camera and mood wording ("a long beat", "dust turning in a shaft of
// light", "hold on her face") moves to the scene's notes; everyone the scene lists in frame is
// named in its words; a cast animal is named with its species ("Anansi the spider").

/** Whole sentences that are staging, not content. */
const STAGING_SENTENCES: readonly RegExp[] = [
  /Nothing has happened yet\./i,
  /A long beat\./i,
  /The frame holds, quiet\./i,
  /Pull back and let the frame go still\./i,
  /Hold on [^.]{1,80}?\bfaces?\./i,
  /For a moment it is all lost\./i,
  /Hold\.$/,
];

/** Mood clauses the planner adds; the idea's own words never come out this way. */
const MOOD_CLAUSES: readonly string[] = [
  "dust turning in a shaft of light",
  "wind moving through everything",
  "everything very still",
  "dust turning in the sun",
  "the day's work done",
  "small in a wide frame",
  "vast and still",
  "turning under a single light",
  "every seam and edge",
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits `text` into what it shows and the staging it carried. */
export function stageOut(text: string): { text: string; staging: string[] } {
  let out = text;
  const staging: string[] = [];
  for (const re of STAGING_SENTENCES) {
    const m = re.exec(out);
    if (!m) continue;
    staging.push(m[0].replace(/\.$/, ""));
    out = out.replace(re, " ");
  }
  for (const phrase of MOOD_CLAUSES) {
    const re = new RegExp(`(\\s*[,;:]\\s*|\\s+—\\s+|(?<=^|[.!?]\\s*))${escapeRe(phrase)}(?=\\s*[,.;:—]|$)`, "i");
    if (!re.test(out)) continue;
    staging.push(phrase);
    out = out.replace(re, "");
  }
  // "Pull back: the fox and the baker…" — the move is the camera's.
  const pull = /^Pull back:\s*/i.exec(out.trim());
  if (pull) {
    staging.push("pull back");
    out = out.trim().slice(pull[0].length);
  }
  out = tidy(out);
  // Nothing left to show (the whole line was staging): keep the original.
  if (out.replace(/[^\p{L}\p{N}]/gu, "").length < 3) return { text, staging: [] };
  return { text: out, staging };
}

function tidy(s: string): string {
  const t = s
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/([,;:—])\s*([.;!?])/g, "$2")
    .replace(/\.\s*\./g, ".")
    .replace(/^[\s,;:—.]+/, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  // Each sentence starts with a capital.
  const capped = t.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, a: string, b: string) => `${a}${b.toUpperCase()}`);
  return /[.!?"”)]$/.test(capped) ? capped : `${capped}.`;
}

const SPECIES_OF = (c: IdeaCharacter): string | null => (c.kind === "animal" || c.kind === "machine" || c.kind === "creature" ? (c.roleNoun ?? null) : null);

function wordIn(text: string, word: string): boolean {
  return word.length > 1 && new RegExp(`(^|[^\\p{L}])${escapeRe(word)}($|[^\\p{L}])`, "iu").test(text);
}

/** How a scene names someone it shows but does not mention: "Kofi", "the baker", "Pip the robot". */
function refOf(c: IdeaCharacter): string {
  const species = SPECIES_OF(c);
  if (c.proper && species && !wordIn(c.name, species)) return `${c.name} the ${species}`;
  return c.proper ? c.name : c.ref;
}

/** Every scene names who it shows; a named animal is named with its species once per scene. */
export function nameTheCast(description: string, inFrame: readonly string[], idea: IdeaAnalysis): string {
  let text = description;
  const missing: IdeaCharacter[] = [];
  for (const name of inFrame) {
    const c = idea.characters.find((x) => x.name === name);
    if (!c) continue;
    const keys = [c.name, ...c.keys];
    if (!keys.some((k) => wordIn(text, k))) {
      missing.push(c);
      continue;
    }
    const species = SPECIES_OF(c);
    if (c.proper && species && !wordIn(c.name, species) && !wordIn(text, species)) {
      // "Anansi tricks the sky god" → "Anansi the spider tricks the sky god".
      const re = new RegExp(`(^|[^\\p{L}])(${escapeRe(c.name)})(?![\\p{L}'’])`, "u");
      text = text.replace(re, `$1$2 the ${species}`);
    }
  }
  if (missing.length === 0) return text;
  // One person the line already means by a pronoun ("her hands unroll the message"): name them there.
  if (missing.length === 1 && idea.english) {
    const c = missing[0]!;
    const ref = refOf(c);
    const [poss, subj] = c.plural ? ["their", "They"] : c.kind !== "person" && c.gender === "n" ? ["its", "It"] : c.gender === "f" ? ["her", "She"] : c.gender === "m" ? ["his", "He"] : ["their", "They"];
    const possRe = new RegExp(`(^|[\\s:—(])(${poss})\\s+(?=\\p{L})`, "iu");
    const m = possRe.exec(text);
    const subjAt = new RegExp(`(^|[.:;—]\\s+)${subj}\\b`).exec(text);
    if (m && (!subjAt || m.index <= subjAt.index)) {
      const owner = `${ref}${/s$/.test(ref) ? "'" : "'s"}`;
      return text.slice(0, m.index) + m[1] + (m.index === 0 && !m[1] ? owner.charAt(0).toUpperCase() + owner.slice(1) : owner) + " " + text.slice(m.index + m[0].length);
    }
    if (subjAt) return text.slice(0, subjAt.index) + subjAt[1] + ref.charAt(0).toUpperCase() + ref.slice(1) + text.slice(subjAt.index + subjAt[0].length);
  }
  const refs = missing.map(refOf);
  const who = refs.length <= 2 ? refs.join(" and ") : `${refs.slice(0, -1).join(", ")} and ${refs[refs.length - 1]}`;
  // The idea's own sentence stays as written, with who is there after it.
  const bare = text.replace(/[.!?]+$/, "");
  // The idea's own sentence, or a labelled beat ("Proof: …", "Insert: …"), keeps its opening.
  if ((bare.length > 12 && idea.text.includes(bare)) || /^[\p{L} ]{2,24}:\s/u.test(text)) {
    const own = `${text} ${who.charAt(0).toUpperCase()}${who.slice(1)} ${missing.length > 1 || missing[0]?.plural ? "look" : "looks"} on.`;
    return own.length <= 1000 ? own : text;
  }
  // "Kofi: the finish rushes up…" — a board note led by who is in it.
  const rest = idea.english && /^(\p{Lu})(\p{Ll})/u.test(text) && !/^(I|I['’]m)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  const led = `${who.charAt(0).toUpperCase()}${who.slice(1)}: ${rest}`;
  return led.length <= 1000 ? led : text;
}

/** "Two rival chefs" are two people: the first and the second, each with a look of their own. */
export function pairOf(c: IdeaCharacter): [string, string] | null {
  if (!c.plural || c.kind !== "person") return null;
  const m = /^(?:two|a pair of|twin)\s+(?:[\p{L}-]+\s+)*?([\p{L}-]+?)s?$/iu.exec(c.name.trim());
  if (!m || !/^(two|a pair of)\b/i.test(c.name)) return null;
  const noun = (c.roleNoun ?? m[1] ?? "").toLowerCase();
  if (!noun) return null;
  return [`The first ${noun}`, `The second ${noun}`];
}

/** Replaces a pair's one character entry by two: their looks come from the group's design. */
export function splitPairs(characters: Character[], idea: IdeaAnalysis, design: (c: IdeaCharacter) => Character): Map<string, string[]> {
  const split = new Map<string, string[]>();
  for (let i = 0; i < characters.length; i++) {
    const ch = characters[i]!;
    const ic = idea.characters.find((x) => x.name === ch.name);
    const names = ic ? pairOf(ic) : null;
    if (!ic || !names) continue;
    // The same two looks the group's own design (and so its image prompts) describes.
    const [a, b] = [0, 1].map((k) => ({ ...design({ ...ic, plural: false, name: `${ic.name}/${k + 1}`, gender: k === 0 ? (ic.gender === "m" ? "m" : "f") : ic.gender === "f" ? "f" : "m" }), name: names[k]! }));
    characters.splice(i, 1, a!, b!);
    split.set(ch.name, names);
    i++;
  }
  return split;
}

/**
 * An extreme close-up draws one thing filling the frame (a hand on it, or an eye), not the people
 * of the beat: a beat with anyone in frame, or with nothing named to fill it, is a close-up.
 */
export function literalShot<T extends { shotType: string }>(shot: T, inFrame: number, text: string, objects: readonly string[]): T {
  if (shot.shotType !== "extreme-close-up") return shot;
  const lower = text.toLowerCase();
  const thing = objects.some((o) => {
    const head = o.toLowerCase().replace(/^(the|a|an|his|her|their|its)\s+/, "").split(/\s+/).pop() ?? "";
    return head.length > 2 && wordIn(lower, head);
  });
  return inFrame === 0 && thing ? shot : { ...shot, shotType: "close-up" };
}
