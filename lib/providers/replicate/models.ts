import type { AspectRatio } from "@/lib/planner/schema";
import { OUTPUT_SIZES, type ImageInput, type ModelInfo } from "../types";

/** A Replicate model: our input mapped to its own, and its output normalized to a URL list. */
export type ReplicateModel = ModelInfo & {
  /** `owner/name` for official models (models endpoint), `owner/name:version` for community ones. */
  target: { model: string } | { version: string };
  toInput(input: ImageInput): Record<string, unknown>;
};

// flux-schnell's table; 2.39:1 has no preset, 21:9 (1536×640 = 2.4:1) is the nearest.
const FLUX_RATIO: Record<AspectRatio, string> = {
  "16:9": "16:9",
  "9:16": "9:16",
  "1:1": "1:1",
  "4:3": "4:3",
  "2.39:1": "21:9",
};

const outputFormat = (input: ImageInput) => (input.outputFormat === "jpg" ? "jpg" : input.outputFormat);

export const REPLICATE_MODELS: Record<string, ReplicateModel> = {
  "flux-schnell": {
    key: "flux-schnell",
    ref: "black-forest-labs/flux-schnell",
    label: "FLUX.1 [schnell]",
    pricePerImage: 0.003,
    supportsReferenceImage: false,
    expectedSeconds: 2,
    target: { model: "black-forest-labs/flux-schnell" },
    toInput: (i) => ({
      prompt: i.prompt,
      aspect_ratio: FLUX_RATIO[i.aspectRatio],
      seed: i.seed,
      num_outputs: 1,
      output_format: outputFormat(i),
      output_quality: 90,
      // fp8 "go fast" ignores the seed; storyboards need a regenerate to be reproducible.
      go_fast: false,
    }),
  },
  "flux-dev": {
    key: "flux-dev",
    ref: "black-forest-labs/flux-dev",
    label: "FLUX.1 [dev]",
    pricePerImage: 0.025,
    supportsReferenceImage: true,
    expectedSeconds: 8,
    target: { model: "black-forest-labs/flux-dev" },
    toInput: (i) => ({
      prompt: i.prompt,
      aspect_ratio: FLUX_RATIO[i.aspectRatio],
      seed: i.seed,
      num_outputs: 1,
      output_format: outputFormat(i),
      output_quality: 90,
      ...(i.referenceImageUrl ? { image: i.referenceImageUrl, prompt_strength: 0.8 } : {}),
    }),
  },
  "flux-1.1-pro": {
    key: "flux-1.1-pro",
    ref: "black-forest-labs/flux-1.1-pro",
    label: "FLUX1.1 [pro]",
    pricePerImage: 0.04,
    supportsReferenceImage: true,
    expectedSeconds: 6,
    target: { model: "black-forest-labs/flux-1.1-pro" },
    toInput: (i) => ({
      prompt: i.prompt,
      // no 21:9 preset: a custom size (multiples of 32, ≤ 1440) keeps the 2.39:1 frame
      ...(i.aspectRatio === "2.39:1" ? { aspect_ratio: "custom", width: 1440, height: 608 } : { aspect_ratio: i.aspectRatio }),
      seed: i.seed,
      output_format: outputFormat(i),
      output_quality: 90,
      safety_tolerance: 2,
      ...(i.referenceImageUrl ? { image_prompt: i.referenceImageUrl } : {}),
    }),
  },
  "flux-kontext-pro": {
    key: "flux-kontext-pro",
    ref: "black-forest-labs/flux-kontext-pro",
    label: "FLUX.1 Kontext [pro] (reference image)",
    pricePerImage: 0.04,
    supportsReferenceImage: true,
    expectedSeconds: 7,
    target: { model: "black-forest-labs/flux-kontext-pro" },
    toInput: (i) => ({
      prompt: i.prompt,
      aspect_ratio: i.referenceImageUrl ? "match_input_image" : FLUX_RATIO[i.aspectRatio],
      seed: i.seed,
      output_format: i.outputFormat === "webp" ? "png" : outputFormat(i),
      // "2 is currently the maximum allowed when input images are used"
      safety_tolerance: 2,
      ...(i.referenceImageUrl ? { input_image: i.referenceImageUrl } : {}),
    }),
  },
  sdxl: {
    key: "sdxl",
    ref: "stability-ai/sdxl",
    label: "SDXL",
    // community model billed by GPU time; ≈ 4 s on an A40
    pricePerImage: 0.004,
    supportsReferenceImage: true,
    expectedSeconds: 5,
    target: { version: "stability-ai/sdxl:39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b" },
    toInput: (i) => ({
      prompt: i.prompt,
      negative_prompt: "text, watermark, blurry, deformed",
      width: OUTPUT_SIZES[i.aspectRatio].width,
      height: OUTPUT_SIZES[i.aspectRatio].height,
      seed: i.seed,
      num_outputs: 1,
      apply_watermark: false,
      ...(i.referenceImageUrl ? { image: i.referenceImageUrl, prompt_strength: 0.8 } : {}),
    }),
  },
};

/** REPLICATE_MODEL is a registry key, or any `owner/name[:version]` run with flux-schnell's inputs. */
export function resolveReplicateModel(name: string): ReplicateModel {
  const known = REPLICATE_MODELS[name];
  if (known) return known;
  const base = REPLICATE_MODELS["flux-schnell"]!;
  return {
    ...base,
    key: name,
    ref: name,
    label: name,
    target: name.includes(":") ? { version: name } : { model: name },
  };
}
