import { scenePatchSchema } from "@/lib/storyboards/schemas";
import type { SceneFields } from "@/components/api/storyboards-api";

// Validates one scene field with the server's own schema, so the panel refuses exactly what the
// API would, and says it in words.

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

export function sceneFieldError<K extends keyof SceneFields>(key: K, value: SceneFields[K]): string | null {
  const r = scenePatchSchema.safeParse({ [key]: value });
  if (r.success) return null;
  const issue = r.error.issues[0];
  if (!issue) return null;
  if (issue.code === "too_big") {
    return typeof value === "number" ? `At most ${String(issue.maximum)} s` : `At most ${String(issue.maximum)} characters`;
  }
  if (issue.code === "too_small") {
    return typeof value === "number" ? `At least ${String(issue.minimum)} s` : sentence(issue.message);
  }
  if (issue.code === "invalid_type" && typeof value === "number") return "Enter a number of seconds";
  return sentence(issue.message);
}
