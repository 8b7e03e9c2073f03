import type { Form } from "../schema";
import type { Tone } from "./tone";
import type { CharacterKind, Gender, RoleNoun } from "./lexicon";

// What the embedded planner understands of an idea: the shapes the readers fill.

export interface IdeaCharacter {
  /** What the plan calls them: "Aigerim", "Old fisherman", "Aigerim's brother". */
  name: string;
  /** How a sentence refers to them: "Aigerim", "the old fisherman". */
  ref: string;
  kind: CharacterKind;
  gender: Gender;
  role: RoleNoun | null;
  roleNoun: string | null;
  /** Adjectives the idea gave them ("grey", "old"): the look must agree. */
  adjectives: string[];
  /** Whose they are ("her grey mare" → the character "her" points at), by name. */
  owner: string | null;
  mentions: number;
  firstAt: number;
  /** Token positions of every mention. */
  at: number[];
  /** Sentence indexes of every mention. */
  inSentences: number[];
  /** Ever the subject of a sentence (before its first verb). */
  subject: boolean;
  /** Named by the idea (Aigerim), not just a role (the old fisherman). */
  proper: boolean;
  /** Lowercase words that identify them in a sentence. */
  keys: string[];
  /** A small group drawn as one ("two kids"): verbs agree in the plural. */
  plural?: boolean;
  /** The noun in front of the role ("lighthouse" in "lighthouse keeper"). */
  modifier?: string;
}

export interface IdeaSentence {
  /** As typed (trimmed, emoji removed). */
  text: string;
  index: number;
  /** Describes the video rather than happening in it ("A 30-second ad for Lumo"). */
  meta: boolean;
  /** Reads like a call to action ("Available now at lumo.com"). */
  cta: boolean;
  /** Quoted speech found in the sentence. */
  quotes: string[];
  speech: boolean;
  pastTense: boolean;
}

export interface IdeaProduct {
  name: string;
  /** "a solar lantern for campers" (no leading comma). */
  descriptor: string | null;
  features: string[];
  audience: string | null;
  /** What the audience does that the product serves: "who do the school run". */
  audienceDetail?: string | null;
  /** A kind of thing ("reusable water bottle"), not a brand: the plan says "the reusable water bottle". */
  generic?: boolean;
}

export interface IdeaAnalysis {
  text: string;
  english: boolean;
  /** ISO 639-1 code from the language detector ("en", "es", "ru", …). */
  lang: string;
  seed: string;
  sentences: IdeaSentence[];
  characters: IdeaCharacter[];
  hero: IdeaCharacter | null;
  /** "the frozen steppe" */
  setting: string | null;
  /** "across the frozen steppe" */
  settingPhrase: string | null;
  /** First sentence that names the setting (frames before it may be elsewhere). */
  settingSentence: number;
  timeOfDay: string | null;
  weather: string | null;
  /** Noun phrases that are neither characters nor places: "a dragon egg", "three wishes". */
  objects: string[];
  product: IdeaProduct | null;
  /** Main clause of the first story sentence without its subject: "leads her grey mare across…". */
  action: string | null;
  /** "find her lost brother" from "… to find her lost brother". */
  goal: string | null;
  /** Explainer topic: "how vaccines train the immune system". */
  topic: string | null;
  form: Form;
  /** Folk tale, present day or future: decides what people wear. */
  era: "folk" | "modern" | "future";
  moods: string[];
  /** Comedy, tender, tense, epic, upbeat or calm: mood words, wording and shots follow it. */
  tone: Tone;
  colours: string[];
  /** The idea's own most telling words, for titles and fallbacks. */
  keywords: string[];
}

export interface Token {
  text: string;
  lower: string;
  tags: Set<string>;
  pre: string;
  post: string;
  sentence: number;
  /** Position within its sentence. */
  pos: number;
}
