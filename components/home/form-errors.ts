import type { ApiIssue } from "@/components/api/fetch-json";
import { LIMITS } from "@/lib/planner/constants";

// Validation messages, one per top-level field: from the server's error envelope (the authority:
// planRequestSchema runs there), and, before anything is sent, hints from the same zod-free limits
// the schema is built from (lib/planner/constants.ts) — tests/ui/form-errors.test.ts holds the two
// together.

export type FieldErrors = Partial<Record<string, string>>;

const sentence = (m: string) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : m);

export function issuesToFieldErrors(issues: readonly ApiIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = i.path.split(".")[0] || "form";
    out[key] ??= sentence(i.message);
  }
  return out;
}

/**
 * What the New storyboard form can say before sending: an empty or too long idea, a length or frame
 * count out of range. Everything else (control characters, …) the server answers with its envelope.
 */
export function planRequestHints(input: { prompt: string; targetDuration: number; frameCount?: number }): FieldErrors {
  const out: FieldErrors = {};
  const prompt = input.prompt.trim();
  if (prompt === "") out.prompt = "The idea is empty";
  else if (prompt.length > LIMITS.promptMaxChars) out.prompt = `The idea is longer than ${LIMITS.promptMaxChars} characters`;
  const d = input.targetDuration;
  if (!Number.isFinite(d) || d < LIMITS.durationMin || d > LIMITS.durationMax) out.targetDuration = "invalid";
  const n = input.frameCount;
  if (n !== undefined && (!Number.isInteger(n) || n < LIMITS.frameCountMin || n > LIMITS.frameCountMax)) out.frameCount = "invalid";
  return out;
}
