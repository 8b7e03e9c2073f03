import { normalizePlan } from "@/lib/planner/normalize";
import {
  LIMITS,
  planRequestSchema,
  planSchema,
  type Character,
  type Form,
  type Plan,
  type PlanRequest,
  type PlanRequestInput,
  type PlanScene,
  type StyleBible,
  type StylePreset,
} from "@/lib/planner/schema";

// Every input kind ends here: its shots become a Plan checked by planSchema and brought to the
// house rules by normalizePlan, so the editor, generator and exports see an ordinary storyboard.

export type InputShot = Omit<PlanScene, "order" | "imagePrompt" | "diagram"> & { imagePrompt?: string; diagram?: PlanScene["diagram"] };

const PALETTES: Record<StylePreset, string[]> = {
  "pencil-sketch": ["#c8553d", "#2b2b2b", "#8a8a8a", "#f4f1ea"],
  cinematic: ["#c9a66b", "#1d2b36", "#e8e1d5"],
  anime: ["#86bbd8", "#2f4858", "#f6f1e9"],
  comic: ["#f2d13e", "#111111", "#fbf7ef"],
  watercolor: ["#a3b9a6", "#3d5a6c", "#f7f3ea"],
  noir: ["#a8a8a8", "#0d0d0d", "#5c5c5c", "#e6e6e6"],
  photoreal: ["#a89f91", "#2e3a40", "#efebe4"],
  "3d-render": ["#9ab0c9", "#27313f", "#f1f3f6"],
};

export function styleBibleFor(preset: StylePreset, form: Form): StyleBible {
  return {
    preset,
    palette: PALETTES[preset],
    lighting: form === "story" ? "motivated practical light, soft fill" : "clean bright key light, soft shadows",
    mood: form === "story" ? ["dramatic", "grounded"] : ["clear", "confident"],
  };
}

export const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

export function buildInputPlan(args: {
  request: PlanRequestInput;
  title: string;
  logline: string;
  form: Form;
  characters: Character[];
  shots: InputShot[];
}): { plan: Plan; request: PlanRequest } {
  const shots = args.shots.slice(0, LIMITS.planScenesMax);
  const total = shots.reduce((s, x) => s + x.durationSeconds, 0);
  const request = planRequestSchema.parse({
    ...args.request,
    targetDuration: args.request.targetDuration ?? Math.min(LIMITS.durationMax, Math.max(LIMITS.durationMin, Math.round(total))),
    frameCount: args.request.frameCount ?? Math.min(LIMITS.frameCountMax, Math.max(LIMITS.frameCountMin, shots.length)),
    form: args.form,
  });
  const draft: Plan = planSchema.parse({
    title: clip(args.title, 120),
    logline: clip(args.logline, 400),
    form: args.form,
    styleBible: styleBibleFor(request.style, args.form),
    characters: args.characters.slice(0, 8),
    scenes: shots.map((s, i) => ({
      ...s,
      order: i + 1,
      description: clip(s.description, 1000),
      imagePrompt: clip(s.imagePrompt ?? `${s.shotType} shot: ${s.description}`, 2000),
      durationSeconds: Math.min(LIMITS.sceneSecondsMax, Math.max(LIMITS.sceneSecondsMin, s.durationSeconds)),
      characters: s.characters.slice(0, 6).map((c) => clip(c, 80)),
      dialogue: s.dialogue === null ? null : clip(s.dialogue, 1000),
      notes: s.notes === null ? null : clip(s.notes, 1000),
      diagram: s.diagram ?? null,
    })),
  });
  return { plan: normalizePlan(draft, request), request };
}
