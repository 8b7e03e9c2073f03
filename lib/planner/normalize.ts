import {
  LIMITS,
  type CameraMove,
  type Character,
  type Plan,
  type PlanRequest,
  type PlanScene,
  type ShotType,
} from "./schema";
import { allocateDurations, feasibleSceneCount } from "./timing";
import { PRESET_PHRASES, SHOT_PHRASES, paletteNames } from "./embedded/style-words";

/**
 * Bring any plan (an LLM's or the embedded planner's) to the house rules. Pure, deterministic,
 * idempotent: normalizePlan(normalizePlan(p, r), r) deep-equals normalizePlan(p, r).
 *
 * 1. Scene count: request.frameCount if given, else the plan's own count (clamped to 3–12), then
 *    made feasible for the target (feasibleSceneCount). Extra scenes are trimmed from the middle:
 *    the first n−1 and the last are kept, so the ending beat (cta/resolution) survives. Missing
 *    scenes are not invented — unless the target cannot be carried at 15 s per scene, in which
 *    case the longest beat is split into a second "coverage" frame (same beat, tighter shot),
 *    which is what a board artist does with a long beat anyway.
 * 2. Orders 1..n in array order.
 * 3. Durations re-allocated to sum to request.targetDuration, keeping the plan's own relative
 *    proportions when every duration is a finite positive number, else the form's beat budgets.
 * 4. First scene establishes (wide/extreme-wide). Exception: an ad whose first beat is a hook
 *    framed close (close-up, extreme close-up, insert, POV) keeps it — a product-macro cold open
 *    is a deliberate ad grammar, not a mistake.
 * 5. No two consecutive scenes share (shotType, cameraMove): the second one's camera move changes.
 * 6. Every imagePrompt is self-contained: the traits of each character in scene.characters and
 *    the style bible (preset words, lighting, mood, palette colours by name) are appended when
 *    missing; what is already there is not repeated.
 * 7. styleBible.preset = request.style; title = request.title if given; form = request.form if
 *    given.
 */
export function normalizePlan(plan: Plan, request: PlanRequest): Plan {
  const form = request.form ?? plan.form;
  const styleBible = { ...plan.styleBible, preset: request.style, palette: [...plan.styleBible.palette], mood: [...plan.styleBible.mood] };
  const characters = plan.characters.map((c) => ({ ...c }));

  let scenes = plan.scenes.map((s) => ({ ...s, characters: dedupe(s.characters).slice(0, 6) }));
  scenes = fitSceneCount(scenes, request, plan.scenes.length);

  const durations = allocateDurations({
    form,
    roles: scenes.map((s) => s.narrativeRole),
    targetDuration: request.targetDuration,
    weights: scenes.map((s) => s.durationSeconds),
  });

  scenes = scenes.map((s, i) => ({
    ...s,
    order: i + 1,
    durationSeconds: durations[i] ?? LIMITS.sceneSecondsMin,
    description: clip(s.description, 1000),
    dialogue: s.dialogue === null ? null : clip(s.dialogue, 1000),
    notes: s.notes === null ? null : clip(s.notes, 1000),
    diagram: diagramOf(s.diagram),
  }));

  scenes = establishFirst(scenes, form);
  scenes = varyCamera(scenes);

  const bySlug = new Map(characters.map((c) => [c.name.trim().toLowerCase(), c]));
  scenes = scenes.map((s) => ({
    ...s,
    imagePrompt: completePrompt(s, bySlug, styleBible),
  }));

  return {
    title: clip(request.title ?? plan.title, 120),
    logline: clip(plan.logline, 400),
    form,
    styleBible,
    characters,
    scenes,
  };
}

// ---------------------------------------------------------------- scene count

function fitSceneCount(scenes: PlanScene[], request: PlanRequest, original: number): PlanScene[] {
  const wanted = request.frameCount ?? Math.min(LIMITS.frameCountMax, Math.max(LIMITS.frameCountMin, original));
  const n = feasibleSceneCount(request.targetDuration, wanted);
  let out = scenes;
  if (out.length > n) {
    const last = out[out.length - 1];
    out = last ? [...out.slice(0, n - 1), last] : out.slice(0, n);
  }
  // Only when the target is unreachable with what we have (n > length and length × 15 < target).
  const needed = feasibleSceneCount(request.targetDuration, out.length);
  while (out.length < needed && out.length < LIMITS.planScenesMax && out.length > 0) {
    out = splitLongestBeat(out);
  }
  return out;
}

const TIGHTER: Record<ShotType, ShotType> = {
  "extreme-wide": "medium",
  wide: "medium",
  medium: "close-up",
  "close-up": "extreme-close-up",
  "extreme-close-up": "medium",
  "over-the-shoulder": "close-up",
  pov: "close-up",
  insert: "medium",
};

function splitLongestBeat(scenes: PlanScene[]): PlanScene[] {
  let at = 0;
  scenes.forEach((s, i) => {
    if (s.durationSeconds > (scenes[at]?.durationSeconds ?? 0)) at = i;
  });
  const src = scenes[at];
  if (!src) return scenes;
  const half = src.durationSeconds / 2;
  const shot = TIGHTER[src.shotType];
  const coverage: PlanScene = {
    ...src,
    shotType: shot,
    durationSeconds: half,
    imagePrompt: replaceShot(src.imagePrompt, src.shotType, shot),
    dialogue: null,
    notes: clip(`Coverage of the previous beat, tighter. ${src.notes ?? ""}`.trim(), 1000),
  };
  return [...scenes.slice(0, at), { ...src, durationSeconds: half }, coverage, ...scenes.slice(at + 1)];
}

// ---------------------------------------------------------------- shots

const ESTABLISHING: ReadonlySet<ShotType> = new Set(["wide", "extreme-wide"]);
const HOOK_CLOSE: ReadonlySet<ShotType> = new Set(["close-up", "extreme-close-up", "insert", "pov"]);

function establishFirst(scenes: PlanScene[], form: Plan["form"]): PlanScene[] {
  const first = scenes[0];
  if (!first || ESTABLISHING.has(first.shotType)) return scenes;
  if (form === "ad" && first.narrativeRole === "hook" && HOOK_CLOSE.has(first.shotType)) return scenes;
  const fixed: PlanScene = { ...first, shotType: "wide", imagePrompt: replaceShot(first.imagePrompt, first.shotType, "wide") };
  return [fixed, ...scenes.slice(1)];
}

// Moves that read well for each shot size, best first; the replacement is the first one that
// differs from both the clashing move and the neighbours.
const MOVE_PREFERENCE: Record<ShotType, CameraMove[]> = {
  "extreme-wide": ["crane", "pan", "truck", "static", "dolly-in"],
  wide: ["pan", "truck", "crane", "static", "dolly-in"],
  medium: ["dolly-in", "truck", "handheld", "static", "pan"],
  "close-up": ["dolly-in", "static", "handheld", "tilt"],
  "extreme-close-up": ["static", "dolly-in", "tilt", "handheld"],
  "over-the-shoulder": ["static", "handheld", "dolly-in", "truck"],
  pov: ["handheld", "dolly-in", "pan", "static"],
  insert: ["static", "tilt", "dolly-in", "pan"],
};

function varyCamera(scenes: PlanScene[]): PlanScene[] {
  const out: PlanScene[] = [];
  for (let i = 0; i < scenes.length; i++) {
    const s = scenes[i];
    if (!s) continue;
    const prev = out[i - 1];
    if (prev && prev.shotType === s.shotType && prev.cameraMove === s.cameraMove) {
      const next = scenes[i + 1];
      const move =
        MOVE_PREFERENCE[s.shotType].find(
          (m) => m !== prev.cameraMove && !(next && next.shotType === s.shotType && next.cameraMove === m),
        ) ?? (prev.cameraMove === "static" ? "handheld" : "static");
      out.push({ ...s, cameraMove: move });
    } else {
      out.push(s);
    }
  }
  return out;
}

const SHOT_PATTERNS: Record<ShotType, RegExp> = {
  "extreme-wide": /\bextreme[- ]wide( shot)?\b/i,
  wide: /\b(?<!extreme[- ])wide( establishing)?( shot)?\b/i,
  medium: /\bmedium( close-up| shot)?\b/i,
  "close-up": /\b(?<!extreme[- ])close[- ]?up\b/i,
  "extreme-close-up": /\bextreme close[- ]?up\b/i,
  "over-the-shoulder": /\bover[- ]the[- ]shoulder( shot)?\b/i,
  pov: /\b(pov|point[- ]of[- ]view)( shot)?\b/i,
  insert: /\binsert( shot)?\b/i,
};

/** Keep the prompt's framing words in step with a shot type normalize changed. */
function replaceShot(prompt: string, from: ShotType, to: ShotType): string {
  const phrase = SHOT_PHRASES[to];
  if (SHOT_PATTERNS[from].test(prompt)) {
    return prompt.replace(SHOT_PATTERNS[from], (m) => (/^[A-Z]/.test(m) ? capitalise(phrase) : phrase));
  }
  if (SHOT_PATTERNS[to].test(prompt)) return prompt;
  return clip(`${capitalise(phrase)}: ${prompt}`, 2000);
}

// ---------------------------------------------------------------- prompts

/**
 * `prompt` plus whatever it lacks of the scene's characters (look, wardrobe) and the style bible
 * (preset words, lighting, mood, palette colours by name). The embedded planner builds its
 * prompts with this too, so normalizing its plans appends nothing.
 */
export function completeImagePrompt(
  prompt: string,
  sceneCharacters: readonly string[],
  characters: readonly Character[],
  styleBible: Plan["styleBible"],
): string {
  const bySlug = new Map(characters.map((c) => [c.name.trim().toLowerCase(), c]));
  return completePrompt({ imagePrompt: prompt, characters: [...sceneCharacters] }, bySlug, styleBible);
}

function completePrompt(scene: Pick<PlanScene, "imagePrompt" | "characters">, bySlug: Map<string, Character>, bible: Plan["styleBible"]): string {
  const body = scene.imagePrompt.trim();
  const additions: string[] = [];
  const has = (text: string) => containsPhrase(`${body} ${additions.join(" ")}`, text);

  for (const name of scene.characters) {
    const c = bySlug.get(name.trim().toLowerCase());
    if (!c) continue;
    const missing: string[] = [];
    if (!has(c.look)) missing.push(c.look);
    if (!has(c.wardrobe)) missing.push(`wearing ${c.wardrobe}`);
    if (missing.length > 0) additions.push(`${c.name}: ${missing.join(", ")}`);
  }

  const style: string[] = [];
  const preset = PRESET_PHRASES[bible.preset];
  if (!has(preset.key)) style.push(preset.phrase);
  if (!has(bible.lighting)) style.push(bible.lighting);
  const moods = bible.mood.filter((m) => !has(m));
  if (moods.length > 0) style.push(`${moods.join(", ")} mood`);
  const colours = paletteNames(bible.palette).filter((c) => !has(c));
  if (colours.length > 0) style.push(`palette of ${colours.join(", ")}`);
  if (style.length > 0) additions.push(style.join("; "));

  if (additions.length === 0) return clip(body, 2000);
  const tail = additions.map((a) => `${capitalise(a)}.`).join(" ");
  const room = 2000 - tail.length - 1;
  const head = body.length > room ? clipWords(body, room) : body;
  const joined = /[.!?]$/.test(head) ? `${head} ${tail}` : `${head}. ${tail}`;
  return clip(joined, 2000);
}

const STOP = new Set(["the", "and", "with", "her", "his", "their", "a", "an", "of", "in", "on", "at", "to", "wearing"]);

/**
 * Whether `text` already carries `phrase`: verbatim, or — for longer trait descriptions an LLM
 * paraphrased — when at least 75% of the phrase's content words appear.
 */
function containsPhrase(text: string, phrase: string): boolean {
  const t = text.toLowerCase();
  const p = phrase.trim().toLowerCase();
  if (p.length === 0 || t.includes(p)) return true;
  const words = [...new Set(p.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !STOP.has(w)))];
  if (words.length < 3) return false;
  const tw = new Set(t.split(/[^\p{L}\p{N}]+/u));
  const hits = words.filter((w) => tw.has(w)).length;
  return hits / words.length >= 0.75;
}

// ---------------------------------------------------------------- text helpers

function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = n.trim().toLowerCase();
    if (k.length === 0 || seen.has(k)) continue;
    seen.add(k);
    out.push(n.trim());
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function clip(s: string, max: number): string {
  const t = s.trim();
  return t.length <= max ? t : clipWords(t, max);
}

function clipWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A diagram the renderer can draw without guessing: one value per label (or none), a highlight
 * that points at a label. Models sometimes send a value short or an index past the end.
 */
function diagramOf(d: PlanScene["diagram"] | undefined): PlanScene["diagram"] {
  if (!d) return null;
  const values = d.values && d.values.length > 0 && d.values.every(Number.isFinite) ? d.values.slice(0, d.labels.length) : null;
  const complete = values && values.length === d.labels.length ? values : null;
  const highlight = d.highlight !== null && d.highlight < d.labels.length ? d.highlight : null;
  return { ...d, values: complete, highlight };
}
