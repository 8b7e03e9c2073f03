import "server-only";
import { z } from "zod";
import { multiLineText } from "@/lib/text-fields";
import { idSchema } from "./schemas";
import { planRequestSchema } from "@/lib/planner/schema";
import { AppError } from "@/lib/errors";
import type { FrameDto, SceneDto, StoryboardDto } from "./dto";

// The seed project's JSON routes (POST /api/storyboard, /api/generate-image), kept compatible.

export const SEED_DEFAULT_SCENES = 5;

export const seedStoryboardSchema = planRequestSchema.extend({
  targetDuration: z.literal([15, 30, 60], { error: "must be 15, 30 or 60 (seconds)" }).default(30),
  frameCount: planRequestSchema.shape.frameCount.default(SEED_DEFAULT_SCENES),
});

const referenceImage = z
  .string()
  .max(1_500_000, "seedImage is larger than about 1 MB; pass an https URL instead")
  .refine((s) => {
    if (/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/.test(s)) return true;
    try {
      return new URL(s).protocol === "https:";
    } catch {
      return false;
    }
  }, "seedImage must be an https URL or a data:image/…;base64 URI");

export const seedGenerateSchema = z.object({
  prompt: multiLineText().trim().min(1, "the prompt is empty").max(2000),
  projectId: idSchema,
  /** 0-based position of the scene in the storyboard. */
  sceneIndex: z.number().int().min(0).max(199),
  seedImage: referenceImage.optional(),
});

export function seedScenes(storyboard: StoryboardDto) {
  return storyboard.scenes.map((s: SceneDto) => ({
    id: s.id,
    order: s.order,
    description: s.description,
    imagePrompt: s.imagePrompt,
    suggestedDuration: s.durationSeconds,
    shotType: s.shotType,
    cameraMove: s.cameraMove,
    narrativeRole: s.narrativeRole,
    dialogue: s.dialogue,
    notes: s.notes,
  }));
}

const SEED_STATUS: Record<FrameDto["status"], "starting" | "processing" | "succeeded" | "failed" | "canceled"> = {
  queued: "starting",
  starting: "starting",
  processing: "processing",
  finalizing: "processing",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
};

/**
 * The seed poll's answer; a failed frame becomes the error envelope (unless a retry is scheduled).
 * Image URLs are the same as every other route answers: relative to the app for local storage
 * (the caller knows the host it called; a Host or X-Forwarded-Host header is not trusted to build
 * links), absolute for S3.
 */
export function seedPollResponse(frame: FrameDto, prompt: string) {
  if (frame.status === "failed" && !frame.nextAttemptAt) {
    throw new AppError("PREDICTION_FAILED", frame.errorMessage ?? "The frame failed.");
  }
  const status = frame.status === "failed" ? "processing" : SEED_STATUS[frame.status];
  return {
    success: true as const,
    status,
    progress: frame.progress ?? (status === "succeeded" ? 1 : 0),
    ...(frame.image
      ? {
          image: {
            id: frame.id,
            url: frame.image.url,
            thumbnailUrl: frame.image.thumbnailUrl,
            originalUrl: frame.image.originalUrl,
            width: frame.image.width,
            height: frame.image.height,
            prompt,
            replicateId: frame.predictionId,
            createdAt: frame.completedAt ?? frame.createdAt,
          },
        }
      : {}),
  };
}
