import type { Form, StyleBible, StylePreset } from "../schema";
import type { IdeaAnalysis } from "./idea-types";
import { TONE_MOODS, type Tone } from "./tone";

// Style preset → palette (#rrggbb, accent first), lighting and mood. The accent comes from the
// idea itself when it can: a colour it names ("red sneakers"), else its time of day, else its mood.

const NEUTRALS: Record<StylePreset, readonly string[]> = {
  "pencil-sketch": ["#2b2b2b", "#8a8a8a", "#f4f1ea"],
  cinematic: ["#1d2b36", "#c9a66b", "#e8e1d5"],
  anime: ["#2f4858", "#86bbd8", "#f6f1e9"],
  comic: ["#111111", "#f2d13e", "#fbf7ef"],
  watercolor: ["#3d5a6c", "#a3b9a6", "#f7f3ea"],
  noir: ["#0d0d0d", "#5c5c5c", "#e6e6e6"],
  photoreal: ["#2e3a40", "#a89f91", "#efebe4"],
  "3d-render": ["#27313f", "#9ab0c9", "#f1f3f6"],
};

const TIME_ACCENT: Record<string, string> = {
  dawn: "#e8a87c",
  morning: "#f2c14e",
  midday: "#f5d76e",
  afternoon: "#e9b44c",
  dusk: "#e07a3f",
  evening: "#c8553d",
  night: "#3a6ea5",
};

const MOOD_ACCENT: Record<string, string> = {
  ominous: "#8c1c13",
  tender: "#d98a94",
  playful: "#f2a541",
  kinetic: "#e4572e",
  serene: "#7fb7be",
  epic: "#b08d57",
  melancholy: "#6d8aa8",
  wondrous: "#8e6cc0",
  sleek: "#00b4d8",
  stark: "#9fb8c8",
  warm: "#e39b4c",
  urgent: "#d7263d",
  bright: "#ffb703",
};

const FORM_ACCENT: Record<Form, string> = { ad: "#ff5a36", explainer: "#2a9d8f", story: "#c97b4a" };

const TIME_LIGHT: Record<string, string> = {
  dawn: "low cold dawn light raking from the horizon, long blue shadows",
  morning: "clean early-morning sunlight, soft shadows",
  midday: "hard overhead midday sun, short crisp shadows",
  afternoon: "warm slanting afternoon light",
  dusk: "golden-hour backlight fading to dusk, long warm shadows",
  evening: "last blue light of evening against warm practical lamps",
  night: "moonlight and warm pools of practical light, deep shadows",
};

const WEATHER_LIGHT: Record<string, string> = {
  snow: "snow-bounce fill",
  rain: "wet reflections and rain-diffused light",
  fog: "light diffused through fog",
  heat: "bleached, shimmering heat haze",
  autumn: "amber leaf-filtered light",
};

const PRESET_LIGHT: Record<StylePreset, string> = {
  "pencil-sketch": "simple directional key light indicated with hatching",
  cinematic: "motivated soft key light with gentle atmospheric haze",
  anime: "bright diffuse daylight with crisp rim light",
  comic: "bold graphic lighting with hard cast shadows",
  watercolor: "soft diffuse daylight, luminous washes",
  noir: "hard single-source key light, venetian-blind shadows",
  photoreal: "natural available light",
  "3d-render": "soft global illumination with a gentle rim light",
};

const FORM_LIGHT: Partial<Record<Form, string>> = {
  ad: "bright high-key commercial lighting, soft wraparound key",
  explainer: "even, friendly soft light on clean backgrounds",
};

const FORM_MOOD: Record<Form, readonly string[]> = {
  ad: ["upbeat", "aspirational"],
  explainer: ["clear", "friendly", "curious"],
  story: ["intimate", "wistful"],
};

const CLASH: Record<Tone, ReadonlySet<string>> = {
  comedy: new Set(["ominous", "tense", "melancholy", "wistful", "stark", "austere", "grave", "urgent", "epic"]),
  tender: new Set(["ominous", "kinetic", "driven", "urgent", "stark", "austere", "comic"]),
  tense: new Set(["playful", "comic", "serene", "unhurried", "bright", "upbeat"]),
  epic: new Set(["playful", "comic", "serene"]),
  upbeat: new Set(["ominous", "melancholy", "grave", "stark", "austere", "wistful"]),
  calm: new Set(["ominous", "tense", "urgent"]),
};

export function buildStyleBible(preset: StylePreset, idea: IdeaAnalysis, form: Form): StyleBible {
  // The tone leads; the idea's own mood cues follow where they agree with it (a trickster comedy
  // set in the snow is playful, not "stark, austere").
  const toned = form === "story" || idea.moods.length === 0 ? [...TONE_MOODS[idea.tone].slice(0, 2)] : [];
  const agreeing = idea.moods.filter((m) => !CLASH[idea.tone].has(m) && !toned.includes(m));
  const moods = toned.length > 0 ? [...toned, ...agreeing].slice(0, 4) : idea.moods.length > 0 ? idea.moods.slice(0, 4) : [...FORM_MOOD[form]];
  if (idea.timeOfDay === "night" && !moods.includes("hushed") && moods.length < 4 && form === "story") moods.push("hushed");

  const moodAccent = moods.map((m) => MOOD_ACCENT[m]).find((x): x is string => x !== undefined);
  const accent =
    idea.colours[0] ??
    (preset === "noir" ? "#a8a8a8" : undefined) ??
    (idea.timeOfDay ? TIME_ACCENT[idea.timeOfDay] : undefined) ??
    moodAccent ??
    FORM_ACCENT[form];
  const extra = idea.colours[1] ?? (idea.timeOfDay && moodAccent && preset !== "noir" ? moodAccent : undefined);
  const palette = [...new Set([accent, ...(extra ? [extra] : []), ...NEUTRALS[preset]])].slice(0, 5);

  // Noir is its own lighting; a bright commercial key would fight it.
  const base = idea.timeOfDay ? TIME_LIGHT[idea.timeOfDay] : form === "story" || preset === "noir" ? PRESET_LIGHT[preset] : FORM_LIGHT[form] ?? PRESET_LIGHT[preset];
  const parts = [base ?? PRESET_LIGHT[preset]];
  if (idea.weather && WEATHER_LIGHT[idea.weather]) parts.push(WEATHER_LIGHT[idea.weather]!);
  if (preset === "noir" && !parts[0]?.includes("hard single-source")) parts.push("hard single-source key");
  const lighting = parts.join(", ").slice(0, 200);

  return { preset, palette, lighting, mood: moods.map((m) => m.slice(0, 40)) };
}
