import { z } from "zod";
import { aspectRatioSchema, stylePresetSchema } from "@/lib/planner/schema";
import { singleLineText } from "@/lib/text-fields";
import { AUDIENCES, INPUT_LIMITS, STAGES } from "./constants";

// Request bodies for the input routes (validated on the server). Client components import the
// limits and choices from ./constants, re-exported here so existing imports keep working.

export { AUDIENCES, INPUT_LIMITS, STAGES } from "./constants";

const common = {
  title: singleLineText().trim().min(1).max(120).optional(),
  style: stylePresetSchema.default("pencil-sketch"),
  aspectRatio: aspectRatioSchema.default("16:9"),
};

// The text itself is a plain string here: a binary or garbled file is refused by the reader with
// UNREADABLE_INPUT (422), which says more than a schema issue would.
export const scriptImportSchema = z.object({
  script: z.string().max(INPUT_LIMITS.scriptMaxChars, `the script is longer than ${INPUT_LIMITS.scriptMaxChars} characters`),
  format: z.enum(["fountain", "fdx"]).optional(),
  ...common,
});
export type ScriptImportBody = z.output<typeof scriptImportSchema>;

export const codeInputSchema = z.object({
  file_content: z.string().max(INPUT_LIMITS.codeMaxChars, `the file is longer than ${INPUT_LIMITS.codeMaxChars} characters`),
  file_name: singleLineText().trim().min(1).max(200),
  icp_preset: singleLineText().max(60).optional(),
  stage: z.enum(STAGES).default("shipped"),
  audience: z.enum(AUDIENCES).default("business_owner"),
  custom_headline: singleLineText().trim().max(120).optional(),
  ...common,
});
export type CodeInputBody = z.output<typeof codeInputSchema>;

export const roadmapInputSchema = z.object({
  /** base64, with or without a data: URL prefix */
  image_data: z.string().min(1, "image_data is empty").max(Math.ceil((INPUT_LIMITS.imageMaxBytes * 4) / 3) + 100, "the image is larger than 8 MB"),
  audience: z.enum(AUDIENCES).default("business_owner"),
  custom_headline: singleLineText().trim().max(120).optional(),
  sanitize_ip: z.boolean().default(false),
  ...common,
});
export type RoadmapInputBody = z.output<typeof roadmapInputSchema>;
