import type { SceneFields } from "@/components/api/storyboards-api";
import { isApiError } from "@/components/api/fetch-json";
import { LIMITS } from "@/lib/planner/constants";
import { SCENE_TEXT_RULES } from "@/lib/storyboards/scene-limits";

// What the inspector says about a scene field. As you type: the limits the server's schema is built
// from (lib/storyboards/scene-limits.ts, lib/planner/constants.ts), so a value the hint lets through
// is one the server takes — tests/ui/scene-field-error.test.ts holds the two together. After a save
// the server refused (control characters, anything else): its own error envelope, in words.

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

export function sceneFieldError<K extends keyof SceneFields>(key: K, value: SceneFields[K]): string | null {
  if (key === "durationSeconds") {
    const n = value as number;
    if (typeof n !== "number" || !Number.isFinite(n)) return "Enter a number of seconds";
    if (n < LIMITS.sceneSecondsMin) return `At least ${LIMITS.sceneSecondsMin} s`;
    if (n > LIMITS.sceneSecondsMax) return `At most ${LIMITS.sceneSecondsMax} s`;
    return null;
  }
  if (!(key in SCENE_TEXT_RULES) || value === null) return null;
  const rule = SCENE_TEXT_RULES[key as keyof typeof SCENE_TEXT_RULES];
  const text = value as string;
  if (rule.emptyMessage && text.trim() === "") return sentence(rule.emptyMessage);
  // The server counts the trimmed text for required fields and the text as sent for the others.
  const length = rule.emptyMessage ? text.trim().length : text.length;
  if (length > rule.max) return `At most ${rule.max} characters`;
  return null;
}

/** Why the server refused a save: the first issue's words when it sent any, else its message. */
export function sceneSaveError(e: unknown): Error {
  if (isApiError(e) && e.issues[0]?.message) return new Error(sentence(e.issues[0].message));
  return e instanceof Error ? e : new Error(String(e));
}
