import ICONS from "../icon-index/icons.json";
import WORDS from "../icon-index/words.json";

// The shipped icon index (built by scripts/build-icon-index.ts from WordNet, mdi and game-icons):
// English nouns → what they are and which icon draws them. Read once; nothing at run time opens
// the icon packages themselves.

export type IconCategory = "person" | "animal" | "vehicle" | "landmark" | "plant" | "nature" | "food" | "prop";

export type IconShape = {
  id: string;
  /** Absolute M/L/C/Z path, its bounding box fitted to 0..100 on the long side. */
  d: string;
  w: number;
  h: number;
  /** game-icons author (CC BY 3.0); absent for mdi (Apache-2.0). */
  by?: string;
};

export type NounEntry = {
  noun: string;
  category: IconCategory;
  icon: IconShape | null;
  /** More often a verb ("watch", "run"): a noun only after a determiner. */
  verbish: boolean;
};

const CATEGORY: Record<string, IconCategory> = { P: "person", A: "animal", V: "vehicle", L: "landmark", T: "plant", N: "nature", F: "food", O: "prop" };

const words = WORDS as Record<string, string>;
const icons = ICONS as Record<string, { d: string; w: number; h: number; by?: string }>;

export function lookupNoun(noun: string): NounEntry | null {
  if (!Object.hasOwn(words, noun)) return null;
  const raw = words[noun] as string;
  const verbish = raw.startsWith("~");
  const v = verbish ? raw.slice(1) : raw;
  const category = CATEGORY[v[0] as string] ?? "prop";
  const id = v.slice(1);
  const shape = id && Object.hasOwn(icons, id) ? icons[id] : undefined;
  return { noun, category, icon: shape ? { id, ...shape } : null, verbish };
}

export function iconById(id: string): IconShape | null {
  const s = Object.hasOwn(icons, id) ? icons[id] : undefined;
  return s ? { id, ...s } : null;
}

export const ICON_LICENSES = {
  mdi: { name: "Material Design Icons", author: "Pictogrammers", license: "Apache-2.0", url: "https://github.com/Templarian/MaterialDesign" },
  gi: { name: "game-icons.net", author: "GameIcons contributors", license: "CC BY 3.0", url: "https://game-icons.net" },
} as const;

/**
 * Who must be credited for a set of icon ids (e.g. every frame's icons in an export): the
 * game-icons authors by name, CC BY 3.0 ("Icons made by {author}"); mdi needs its licence notice.
 */
export function creditsFor(iconIds: Iterable<string>): { authors: string[]; sets: (keyof typeof ICON_LICENSES)[]; lines: string[] } {
  const authors = new Set<string>();
  const sets = new Set<keyof typeof ICON_LICENSES>();
  for (const id of iconIds) {
    const icon = iconById(id);
    if (!icon) continue;
    if (id.startsWith("gi:")) {
      sets.add("gi");
      authors.add(icon.by ?? ICON_LICENSES.gi.author);
    } else sets.add("mdi");
  }
  const sorted = [...authors].sort();
  const lines: string[] = [];
  if (sorted.length) lines.push(`Icons made by ${sorted.join(", ")} from game-icons.net, CC BY 3.0.`);
  if (sets.has("mdi")) lines.push("Material Design Icons by Pictogrammers, Apache-2.0.");
  return { authors: sorted, sets: [...sets].sort(), lines };
}

/** Credits for frames by what they depict (the frame DTO's `depicts`). */
export function creditsForDepicts(depicts: Iterable<string>): ReturnType<typeof creditsFor> {
  const ids: string[] = [];
  for (const noun of depicts) {
    const id = lookupNoun(noun.toLowerCase())?.icon?.id;
    if (id) ids.push(id);
  }
  return creditsFor(ids);
}
