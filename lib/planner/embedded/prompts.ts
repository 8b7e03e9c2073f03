import type { AspectRatio, Character, StyleBible } from "../schema";
import { completeImagePrompt } from "../normalize";
import type { IdeaAnalysis } from "./idea-types";
import type { Beat } from "./beats";
import type { Shot } from "./shots";
import { SHOT_PHRASES } from "./style-words";

// A self-contained image prompt: an image model sees one prompt at a time, so each one carries
// the framing, the action, where and when, who (with their look and clothes) and the style.

const COMPOSITION: Record<AspectRatio, string> = {
  "16:9": "16:9 widescreen composition",
  "9:16": "vertical 9:16 composition, subject centred for mobile",
  "1:1": "square 1:1 composition",
  "4:3": "4:3 composition",
  "2.39:1": "anamorphic 2.39:1 letterbox composition",
};

const TIME_WORDS: Record<string, string> = {
  dawn: "at dawn",
  morning: "in the morning",
  midday: "at midday",
  afternoon: "in the afternoon",
  dusk: "at dusk",
  evening: "in the evening",
  night: "at night",
};

export function buildImagePrompt(args: {
  beat: Beat;
  shot: Shot;
  idea: IdeaAnalysis;
  characters: readonly Character[];
  styleBible: StyleBible;
  aspectRatio: AspectRatio;
}): string {
  const { beat, shot, idea, characters, styleBible, aspectRatio } = args;
  const framing = SHOT_PHRASES[shot.shotType];
  let subject = beat.visual.replace(/[.!?。！？]+$/u, "").trim();
  const lower = subject.toLowerCase();
  const extras: string[] = [];
  const indoorCard = beat.focus === "card" || beat.focus === "packshot";
  if (!indoorCard && !beat.ownPlace && idea.setting && !lower.includes(idea.setting.toLowerCase())) extras.push(idea.settingPhrase ?? `in ${idea.setting}`);
  if (!indoorCard && idea.timeOfDay && !lower.includes(idea.timeOfDay)) extras.push(TIME_WORDS[idea.timeOfDay] ?? "");
  if (extras.length > 0) subject = `${subject}, ${extras.filter(Boolean).join(" ")}`;
  const body = `${capitalise(framing)}: ${subject}. ${capitalise(COMPOSITION[aspectRatio])}.`;
  return completeImagePrompt(body, beat.characters, characters, styleBible);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
