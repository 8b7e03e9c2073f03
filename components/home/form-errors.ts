import type { ZodError } from "zod";
import type { ApiIssue } from "@/components/api/fetch-json";

// One shape for validation messages, whether zod found them in the browser or the server sent
// them back in the error envelope: the first message per top-level field.

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

export function zodToFieldErrors(e: ZodError): FieldErrors {
  return issuesToFieldErrors(e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
}
