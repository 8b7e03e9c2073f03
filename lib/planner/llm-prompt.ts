import type OpenAI from "openai";
import {
  CAMERA_MOVES,
  DIAGRAM_KINDS,
  FORMS,
  LIMITS,
  SHOT_TYPES,
  STYLE_PRESETS,
  defaultSceneCount,
  type PlanRequest,
  type StylePreset,
} from "@/lib/planner/schema";
import { beatTemplate, feasibleSceneCount } from "@/lib/planner/timing";

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const STYLE_LOOKS: Record<StylePreset, string> = {
  "pencil-sketch": "loose graphite pencil storyboard sketch, grey tones, hatching, white paper",
  cinematic: "cinematic film still, anamorphic lens, shallow depth of field, graded colour",
  anime: "anime key frame, clean cel shading, expressive faces",
  comic: "comic-book panel, bold ink outlines, flat colours, halftone shading",
  watercolor: "watercolour illustration, soft washes, visible paper texture",
  noir: "black-and-white film noir, hard low-key light, deep shadows",
  photoreal: "photorealistic photograph, natural light, 35mm lens",
  "3d-render": "stylised 3D render, soft global illumination, clean materials",
};

/** Scenes to ask for: the requested (or default) count, made feasible at 1–15 s per scene as normalizePlan will. */
export function sceneCountFor(request: PlanRequest): number {
  return feasibleSceneCount(request.targetDuration, request.frameCount ?? defaultSceneCount(request.targetDuration));
}

const list = (values: readonly string[]) => values.join(", ");

const SYSTEM_PROMPT = `You are a storyboard director. Turn the user's idea into a shot-by-shot storyboard plan and answer with one JSON object only.

Rules:
- Exactly the requested number of scenes, "order" 1..N.
- durationSeconds: each ${LIMITS.sceneSecondsMin}-${LIMITS.sceneSecondsMax} s; together they sum exactly to the requested total. Give key beats more time.
- Follow the beat structure of the form (narrativeRole per scene):
  ad: hook > intro > feature (repeat for more scenes) > cta
  story: setup > inciting > rising (repeat) > climax > resolution
  explainer: problem > solution > how (repeat) > benefit > cta
- Shot grammar: open with a wide or extreme-wide establishing shot (an ad's hook may open close instead); vary shot sizes; use close-ups or inserts on emotional and product beats; never repeat the same shotType and cameraMove in consecutive scenes.
- Use the idea's own names, places and products. If it names none, invent specific ones; never "the protagonist".
- styleBible: the given preset, 2-6 palette colours as #rrggbb (accent first), one lighting line, 1-6 mood words.
- characters: every recurring person or creature with a fixed look (face, build, age, hair) and wardrobe.
- imagePrompt: self-contained for an image model that sees nothing else. Each one states the style look, palette and lighting, the shot size and composition for the aspect ratio, the setting, and for every character in frame their name, look and wardrobe in full. No text, captions or logos in the image.
- description: what happens, in one or two sentences, naming plainly every character and prop in frame (an insert or close-up names the thing it shows). dialogue and notes: a string or null.
- diagram: null for a picture. An explainer scene that charts something gets {kind, title, labels, values, unit, highlight} with real numbers: kind is one of ${list(DIAGRAM_KINDS)}; labels are axis points, steps, milestones or parts in reading order (at most 12); values is one number per label for charts and comparisons, else null; unit like "$" or "%" or null; highlight is the index of the label the shot emphasises, or null. Example: savings of 10,000 at 7 % a year → line-chart, labels ["0","10","20","30"] (years), values [10000,19672,38697,76123].
- Allowed values:
  form: ${list(FORMS)}
  shotType: ${list(SHOT_TYPES)}
  cameraMove: ${list(CAMERA_MOVES)}
  styleBible.preset: ${list(STYLE_PRESETS)}`;

// Sent only when the server cannot enforce the JSON schema itself (json_object mode).
const SHAPE = `JSON shape (all keys required; use null where allowed):
{"title": string, "logline": string, "form": form,
 "styleBible": {"preset": preset, "palette": ["#rrggbb", ...], "lighting": string, "mood": [string, ...]},
 "characters": [{"name": string, "look": string, "wardrobe": string}],
 "scenes": [{"order": 1, "narrativeRole": role, "description": string, "imagePrompt": string,
   "durationSeconds": number, "shotType": shotType, "cameraMove": cameraMove,
   "characters": [names in frame], "dialogue": string|null, "notes": string|null,
   "diagram": null|{"kind": kind, "title": string, "labels": [string, ...], "values": [number, ...]|null, "unit": string|null, "highlight": number|null}}]}`;

function userPrompt(request: PlanRequest): string {
  const count = sceneCountFor(request);
  const form = request.form
    ? `Form: ${request.form}. narrativeRole per scene, in order: ${beatTemplate(request.form, count).join(", ")}.`
    : `Form: choose ${list(FORMS)}, whichever fits the idea, and follow its beats.`;
  return [
    `<idea>\n${request.prompt}\n</idea>`,
    request.title ? `Title: ${request.title}` : "",
    `Style preset: ${request.style} (${STYLE_LOOKS[request.style]}).`,
    `Aspect ratio: ${request.aspectRatio}.`,
    `Scenes: ${count}. Total duration: ${request.targetDuration} s.`,
    form,
  ]
    .filter(Boolean)
    .join("\n");
}

/** System + user messages for one plan. `describeShape` adds the JSON shape for servers without json_schema. */
export function buildPlanMessages(request: PlanRequest, opts: { describeShape: boolean }): Message[] {
  return [
    { role: "system", content: opts.describeShape ? `${SYSTEM_PROMPT}\n\n${SHAPE}` : SYSTEM_PROMPT },
    { role: "user", content: userPrompt(request) },
  ];
}

/** The one repair turn: the model's own answer back, with what was wrong with it. */
export function buildRepairMessages(previous: Message[], badAnswer: string, problems: string): Message[] {
  return [
    ...previous,
    { role: "assistant", content: badAnswer },
    {
      role: "user",
      content: `That JSON does not match the required plan schema:\n${problems}\nReturn the complete corrected JSON object only, no prose and no code fences.`,
    },
  ];
}
