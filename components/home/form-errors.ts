import type { ApiIssue } from "@/components/api/fetch-json";

// Validation messages from the server's error envelope, one per top-level field (the first).

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
