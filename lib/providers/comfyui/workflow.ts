import type { ImageInput } from "../types";
import { OUTPUT_SIZES } from "../types";

// An API-format ComfyUI workflow ({ nodeId: { class_type, inputs } }, from "Save (API Format)")
// with placeholders in its input values. A value that is exactly "{{seed}}", "{{width}}" or
// "{{height}}" becomes that number; "{{prompt}}", "{{negative_prompt}}", "{{reference_image}}"
// and "{{filename_prefix}}" are replaced inside strings. Nothing else is touched, so a person's
// own workflow (LoRAs, upscalers, ControlNet) runs as they built it.

export type ComfyWorkflow = Record<string, { class_type: string; inputs: Record<string, unknown>; _meta?: unknown }>;

export const NEGATIVE_PROMPT = "text, watermark, signature, blurry, deformed, extra limbs";
const NUMERIC = new Set(["seed", "width", "height"]);
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export class WorkflowError extends Error {}

/** Checks the shape of an API-format workflow; the UI format (nodes + links) is named as the mistake. */
export function parseWorkflow(json: unknown, source: string): ComfyWorkflow {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new WorkflowError(`${source} is not a JSON object.`);
  const o = json as Record<string, unknown>;
  if (Array.isArray(o.nodes) && Array.isArray(o.links)) {
    throw new WorkflowError(`${source} is a ComfyUI UI workflow; export it with "Save (API Format)" instead.`);
  }
  for (const [id, node] of Object.entries(o)) {
    const n = node as { class_type?: unknown; inputs?: unknown } | null;
    if (!n || typeof n.class_type !== "string" || !n.inputs || typeof n.inputs !== "object") {
      throw new WorkflowError(`${source}: node ${id} has no class_type/inputs (is it API format?).`);
    }
  }
  if (!JSON.stringify(o).includes("{{prompt}}")) throw new WorkflowError(`${source} has no {{prompt}} placeholder.`);
  return o as ComfyWorkflow;
}

export function usesReference(workflow: ComfyWorkflow): boolean {
  return JSON.stringify(workflow).includes("{{reference_image}}");
}

export type WorkflowValues = { prompt: string; negative_prompt: string; seed: number; width: number; height: number; filename_prefix: string; reference_image: string };

export function workflowValues(input: ImageInput, referenceImage: string | null): WorkflowValues {
  const size = OUTPUT_SIZES[input.aspectRatio];
  return {
    prompt: input.prompt,
    negative_prompt: NEGATIVE_PROMPT,
    // KSampler seeds are unsigned 64-bit; ours are non-negative 32-bit already, clamp anyway
    seed: Math.abs(Math.trunc(input.seed)),
    width: size.width,
    height: size.height,
    filename_prefix: "storyframe",
    reference_image: referenceImage ?? "",
  };
}

function fill(value: unknown, values: WorkflowValues): unknown {
  if (typeof value === "string") {
    const exact = value.match(/^\{\{(\w+)\}\}$/);
    if (exact && NUMERIC.has(exact[1]!)) return values[exact[1] as keyof WorkflowValues];
    return value.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name as keyof WorkflowValues]) : whole));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

/** A copy of the workflow with every placeholder filled. */
export function fillWorkflow(workflow: ComfyWorkflow, values: WorkflowValues): ComfyWorkflow {
  return fill(workflow, values) as ComfyWorkflow;
}
