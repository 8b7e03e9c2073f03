import type { ForeignLang } from "./foreign-lexicon";
import { foreignNouns } from "./foreign-words";
import { AD_CUES, EXPLAINER_CUES, FOREIGN_WORDS, NOT_NAMES, ROLE_NOUNS, type RoleNoun } from "./lexicon";
import type { IdeaCharacter, Token } from "./idea-types";
import { capitalise } from "./idea-text";
import { isCap } from "./idea-tokens";
import { GERMAN, genderFromName } from "./find-characters";

// Characters of ideas not in English: role words beside names, lexicon role nouns, a last-resort opening name.

export function addOpeningName(chars: IdeaCharacter[], tokens: Token[]): void {
  const t = tokens[0];
  if (!t || !isCap(t) || NOT_NAMES.has(t.lower) || t.text.length < 3) return;
  if (AD_CUES.test(t.text) || EXPLAINER_CUES.test(t.text)) return; // "Anuncio de 30 segundos…"
  if (FOREIGN_WORDS.some(([re]) => re.test(t.lower))) return;
  if (/^[A-Z][a-z]+$/.test(t.text) && (tokens.map((x) => x.lower).join(" ").match(GERMAN)?.length ?? 0) >= 3) return;
  const role = chars.find((c) => !c.proper && c.kind === "person" && Math.abs(c.firstAt - 0) <= 3);
  chars.unshift({
    name: t.text,
    ref: t.text,
    kind: "person",
    gender: role?.gender ?? genderFromName(t.text),
    role: null,
    roleNoun: null,
    adjectives: [],
    owner: null,
    mentions: 2,
    firstAt: 0,
    at: [0],
    inSentences: [0],
    subject: true,
    proper: true,
    keys: [t.lower],
  });
}

/** Non-English ideas: role words next to a name ("Старик Иван"), or standing alone ("少女"). */

export function addForeignCharacters(chars: IdeaCharacter[], tokens: Token[], text: string): void {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  const hits: Array<{ role: string; age?: "child" | "young" | "adult" | "old"; at: number; word: string }> = [];
  if (cjk) {
    for (const [re, info] of FOREIGN_WORDS) {
      const m = re.exec(text);
      if (m && info.role) hits.push({ role: info.role, age: info.age, at: m.index, word: m[0] });
    }
  } else {
    tokens.forEach((t, i) => {
      // "el desván de su abuela": whose attic, not who is in the scene — unless a name follows.
      const p1 = tokens[i - 1]?.sentence === t.sentence ? tokens[i - 1]?.lower ?? "" : "";
      const p2 = tokens[i - 2]?.sentence === t.sentence ? tokens[i - 2]?.lower ?? "" : "";
      const possessed = /^(de|del|von|vom|des)$/.test(p1) || (/^(su|sus|seiner|ihrer|seines)$/.test(p1) && /^(de|del|von|vom|des)$/.test(p2));
      if (possessed && !chars.some((c) => c.proper && Math.abs(c.firstAt - i) <= 2)) return;
      for (const [re, info] of FOREIGN_WORDS) if (info.role && re.test(t.lower)) hits.push({ role: info.role, age: info.age, at: i, word: t.lower });
    });
  }
  for (const hit of hits.sort((a, b) => a.at - b.at)) {
    const role = ROLE_NOUNS[hit.role];
    if (!role) continue;
    const withAge: RoleNoun = hit.age ? { ...role, age: hit.age } : role;
    // A name within two words ("niña llamada Lucía", "Старик Иван") takes the role.
    const named = !cjk ? chars.find((c) => c.proper && c.role === null && Math.abs(c.firstAt - hit.at) <= 2) : undefined;
    if (named) {
      named.role = withAge;
      named.roleNoun = hit.role;
      named.kind = role.kind;
      if (role.gender !== "n") named.gender = role.gender;
      if (hit.age === "old") named.adjectives.push("old");
      continue;
    }
    if (chars.some((c) => c.roleNoun === hit.role)) continue;
    chars.push({
      name: capitalise(hit.age === "old" ? `old ${hit.role}` : hit.role),
      ref: `the ${hit.age === "old" ? "old " : ""}${hit.role}`,
      kind: role.kind,
      gender: role.gender,
      role: withAge,
      roleNoun: hit.role,
      adjectives: hit.age === "old" ? ["old"] : [],
      owner: null,
      mentions: 1,
      firstAt: cjk ? 0 : hit.at,
      at: [cjk ? 0 : hit.at],
      inSentences: [cjk ? 0 : tokens[hit.at]?.sentence ?? 0],
      subject: true,
      proper: false,
      keys: [hit.word, hit.role],
    });
  }
}

/**
 * Role nouns the shipped lexicon knows ("gaviota" → seagull, "рыбак" → fisherman) become designed
 * characters, named by the idea's own word with the English beside it; a name within two words
 * ("Кот Васька") takes the role instead.
 */

export function addLexiconCharacters(chars: IdeaCharacter[], tokens: Token[], text: string, lang: ForeignLang): void {
  for (const n of foreignNouns(text, lang)) {
    if (n.kind !== "person" && n.kind !== "animal") continue;
    const roleKey = ROLE_NOUNS[n.en] ? n.en : n.en.split(" ").pop() ?? n.en;
    const role = ROLE_NOUNS[roleKey] ?? (n.kind === "animal" ? { kind: "animal" as const, gender: "n" as const } : { kind: "person" as const, gender: "n" as const, age: "adult" as const });
    if (chars.some((c) => c.roleNoun === roleKey || c.keys.includes(n.word.toLowerCase()))) continue;
    const at = tokens.findIndex((t) => t.lower === n.word.toLowerCase());
    const named = chars.find((c) => c.proper && c.role === null && at >= 0 && Math.abs(c.firstAt - at) <= 2);
    if (named) {
      named.role = role;
      named.roleNoun = roleKey;
      named.kind = role.kind;
      named.keys.push(n.word.toLowerCase(), n.en);
      continue;
    }
    if (/^(family|parents|children)$/.test(n.en)) continue;
    chars.push({
      name: `${capitalise(n.key)} (${n.en})`,
      // English first so templates read as English and the renderer finds its noun; the idea's word beside it.
      ref: `the ${n.en} (${n.key})`,
      kind: role.kind,
      gender: role.gender,
      role,
      roleNoun: roleKey,
      adjectives: /^old /.test(n.en) ? ["old"] : [],
      owner: null,
      mentions: 1,
      firstAt: Math.max(0, at),
      at: [Math.max(0, at)],
      inSentences: [tokens[Math.max(0, at)]?.sentence ?? 0],
      subject: true,
      proper: false,
      keys: [n.word.toLowerCase(), n.key, n.en],
    });
  }
}
