import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { clip } from "../build-plan";
import { askForJson, type LlmReaderDeps } from "../llm-structured";
import { assertReadableText } from "../readable-text";
import type { CodeInputBody } from "../schemas";
import { GENERIC_PEOPLE, ICP_PRESETS } from "./icp-presets";
import type { CodeUnderstanding } from "./understand-code";

// With an LLM key the model reads the code itself (any language), for the audience and stage the
// caller named; the embedded reader is the no-key path. Both end in the same CodeUnderstanding.

/** The model sees at most this much of the file: enough for any one module, bounded in tokens. */
export const LLM_CODE_MAX_CHARS = 60_000;

const line = (max: number) => z.string().min(1).max(max);
export const codeUnderstandingSchema = z.object({
  headline: line(120).describe("a product headline for what this code makes possible, not the file name"),
  what_it_does: line(400).describe("one or two plain sentences a non-programmer understands"),
  business_value: line(400),
  who_benefits: line(200),
  differentiator: line(400),
  pain_point_addressed: line(300),
  suggested_icon: line(40).describe("one lower-case noun for an icon, e.g. calendar, receipt, shield"),
  steps: z.array(line(160)).min(1).max(6).describe("what the code does, step by step, in the order it runs"),
});

export async function understandCodeWithLlm(body: CodeInputBody, deps: LlmReaderDeps): Promise<CodeUnderstanding> {
  assertReadableText(body.file_content, "file");
  if (!body.file_content.trim()) throw new AppError("UNREADABLE_INPUT", "The file is empty.");
  const preset = body.icp_preset ? ICP_PRESETS[body.icp_preset] : undefined;
  if (body.icp_preset && !preset) {
    throw new AppError("INVALID_REQUEST", `Unknown icp_preset "${body.icp_preset}"; known: ${Object.keys(ICP_PRESETS).join(", ")}.`);
  }
  const audience = preset?.people[body.audience] ?? GENERIC_PEOPLE[body.audience];
  const context = [
    `Audience: ${audience}.`,
    preset ? `Industry: ${preset.industry}. Their pains: ${preset.pains.join("; ")}.` : null,
    `Release stage: ${body.stage}.`,
    body.custom_headline ? `Use this headline exactly: ${body.custom_headline}` : null,
  ]
    .filter(Boolean)
    .join("\n");
  const understanding = await askForJson(deps, codeUnderstandingSchema, "code_understanding", [
    {
      role: "system",
      content:
        "You read source code and explain, for product marketing, what it does for the people who use it. Name what the code really does (from its functions, comments and strings); never invent features it does not have. Plain words, no code identifiers in the headline.",
    },
    { role: "user", content: `${context}\n\nFile: ${body.file_name}\n\n${clip(body.file_content, LLM_CODE_MAX_CHARS)}` },
  ]);
  return body.custom_headline ? { ...understanding, headline: body.custom_headline } : understanding;
}
