import type { AspectRatio } from "@/lib/planner/schema";
import { OUTPUT_SIZES, type ImageInput, type ModelInfo } from "../types";

/** A fal model: the queue endpoint for an input, and our input mapped to its own. */
export type FalModel = ModelInfo & {
  /** `owner/alias` — status, result and cancel live under it whatever the sub-path. */
  app: string;
  endpoint(input: ImageInput): string;
  toInput(input: ImageInput): Record<string, unknown>;
};

// fal's image_size presets; 2.39:1 has none, so it goes as a custom size (multiples of 16).
const IMAGE_SIZE: Record<AspectRatio, string | { width: number; height: number }> = {
  "16:9": "landscape_16_9",
  "9:16": "portrait_16_9",
  "1:1": "square_hd",
  "4:3": "landscape_4_3",
  "2.39:1": { width: OUTPUT_SIZES["2.39:1"].width, height: OUTPUT_SIZES["2.39:1"].height },
};

// kontext takes aspect_ratio names; 21:9 is its nearest to 2.39:1.
const KONTEXT_RATIO: Record<AspectRatio, string> = { "16:9": "16:9", "9:16": "9:16", "1:1": "1:1", "4:3": "4:3", "2.39:1": "21:9" };

const format = (i: ImageInput) => (i.outputFormat === "png" ? "png" : "jpeg");

const flux = (i: ImageInput, steps: number) => ({
  prompt: i.prompt,
  image_size: IMAGE_SIZE[i.aspectRatio],
  seed: i.seed,
  num_images: 1,
  num_inference_steps: steps,
  output_format: format(i),
  enable_safety_checker: true,
});

export const FAL_MODELS: Record<string, FalModel> = {
  "flux-schnell": {
    key: "flux-schnell",
    ref: "fal-ai/flux/schnell",
    label: "FLUX.1 [schnell] on fal",
    // $0.003 per megapixel; a storyboard frame is about one megapixel
    pricePerImage: 0.003,
    supportsReferenceImage: false,
    expectedSeconds: 2,
    app: "fal-ai/flux",
    endpoint: () => "fal-ai/flux/schnell",
    toInput: (i) => flux(i, 4),
  },
  "flux-dev": {
    key: "flux-dev",
    ref: "fal-ai/flux/dev",
    label: "FLUX.1 [dev] on fal",
    pricePerImage: 0.025,
    supportsReferenceImage: true,
    expectedSeconds: 6,
    app: "fal-ai/flux",
    endpoint: (i) => (i.referenceImageUrl ? "fal-ai/flux/dev/image-to-image" : "fal-ai/flux/dev"),
    toInput: (i) => ({ ...flux(i, 28), ...(i.referenceImageUrl ? { image_url: i.referenceImageUrl, strength: 0.85 } : {}) }),
  },
  "flux-kontext": {
    key: "flux-kontext",
    ref: "fal-ai/flux-pro/kontext",
    label: "FLUX.1 Kontext [pro] on fal (reference image)",
    pricePerImage: 0.04,
    supportsReferenceImage: true,
    expectedSeconds: 7,
    app: "fal-ai/flux-pro",
    endpoint: (i) => (i.referenceImageUrl ? "fal-ai/flux-pro/kontext" : "fal-ai/flux-pro/kontext/text-to-image"),
    toInput: (i) => ({
      prompt: i.prompt,
      seed: i.seed,
      num_images: 1,
      output_format: format(i),
      safety_tolerance: "2",
      ...(i.referenceImageUrl ? { image_url: i.referenceImageUrl } : { aspect_ratio: KONTEXT_RATIO[i.aspectRatio] }),
    }),
  },
};

/** FAL_MODEL is a registry key, or any `owner/app[/path]` endpoint run with flux-schnell's inputs. */
export function resolveFalModel(name: string): FalModel {
  const known = FAL_MODELS[name];
  if (known) return known;
  const base = FAL_MODELS["flux-schnell"]!;
  const [owner = "", alias = ""] = name.split("/");
  return { ...base, key: name, ref: name, label: name, expectedSeconds: 10, app: `${owner}/${alias}`, endpoint: () => name, toInput: (i) => flux(i, 28) };
}
