import { sql } from "drizzle-orm";
import type { Character, Diagram, StyleBible } from "@/lib/planner/schema";
import type { ImageInput } from "@/lib/providers/types";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
};

export const DEFAULT_WORKSPACE_ID = "default";

export const storyboards = sqliteTable(
  "storyboards",
  {
    id: text("id").primaryKey(),
    // Every query filters by workspace so per-tenant isolation needs no rewrite later.
    workspaceId: text("workspace_id").notNull().default(DEFAULT_WORKSPACE_ID),
    title: text("title").notNull(),
    logline: text("logline"),
    prompt: text("prompt").notNull(),
    /** How it was made: "idea" (studio / POST /api/storyboards), "seed-api" (POST /api/storyboard), "import". */
    sourceKind: text("source_kind", { enum: ["idea", "seed-api", "import", "script", "code", "roadmap"] }).notNull(),
    form: text("form", { enum: ["ad", "story", "explainer"] }),
    style: text("style").notNull(),
    aspectRatio: text("aspect_ratio").notNull(),
    targetDuration: real("target_duration").notNull(),
    /** Sum of scene durations, recomputed on every scene change. */
    totalDuration: real("total_duration").notNull().default(0),
    status: text("status", { enum: ["draft", "generating", "ready", "partial", "failed"] })
      .notNull()
      .default("draft"),
    plannerUsed: text("planner_used", { enum: ["embedded", "llm", "import"] }).notNull(),
    plannerModel: text("planner_model"),
    styleBible: text("style_bible", { mode: "json" }).$type<StyleBible>(),
    characters: text("characters", { mode: "json" }).$type<Character[]>(),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    /** Who approved (a user id); null until accounts land. */
    approvedBy: text("approved_by"),
    /** Bumped on every change of the storyboard's own fields (title, style, aspect ratio, approval). */
    revision: integer("revision").notNull().default(0),
    /** Soft delete: hidden from every read until restored or purged. */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [index("storyboards_workspace_created_idx").on(t.workspaceId, t.createdAt)],
);

export const scenes = sqliteTable(
  "scenes",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id")
      .notNull()
      .references(() => storyboards.id, { onDelete: "cascade" }),
    /** 1-based, dense within a storyboard. */
    order: integer("order").notNull(),
    narrativeRole: text("narrative_role"),
    description: text("description").notNull(),
    imagePrompt: text("image_prompt").notNull(),
    durationSeconds: real("duration_seconds").notNull(),
    shotType: text("shot_type").notNull(),
    cameraMove: text("camera_move").notNull(),
    characters: text("characters", { mode: "json" }).$type<string[]>(),
    dialogue: text("dialogue"),
    notes: text("notes"),
    /** A chart, timeline, step or cutaway diagram the scene shows (explainers); null for a picture. */
    diagram: text("diagram", { mode: "json" }).$type<Diagram>(),
    selectedFrameId: text("selected_frame_id"),
    /** Bumped on every edit so a stale client write can be detected. */
    revision: integer("revision").notNull().default(0),
    /** Soft delete: hidden from reads, exports, generation and the order until restored or purged. */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [index("scenes_storyboard_order_idx").on(t.storyboardId, t.order)],
);

export const FRAME_STATUSES = [
  "queued",
  "starting",
  "processing",
  "finalizing",
  "succeeded",
  "failed",
  "canceled",
] as const;
export type FrameStatus = (typeof FRAME_STATUSES)[number];

export const frames = sqliteTable(
  "frames",
  {
    id: text("id").primaryKey(),
    sceneId: text("scene_id")
      .notNull()
      .references(() => scenes.id, { onDelete: "cascade" }),
    storyboardId: text("storyboard_id")
      .notNull()
      .references(() => storyboards.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    /** Null until the provider accepted the prediction. */
    predictionId: text("prediction_id"),
    status: text("status", { enum: FRAME_STATUSES }).notNull().default("queued"),
    /** 1 for the first try; retries of the same request are new rows with attempt + 1. */
    attempt: integer("attempt").notNull().default(1),
    /** The attempt this one retries (null for a fresh request). */
    retryOfFrameId: text("retry_of_frame_id"),
    /** What the provider was asked for (ImageInput), so any instance can resume it. */
    input: text("input", { mode: "json" }).$type<ImageInput>().notNull(),
    seed: integer("seed"),
    progress: real("progress"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    /** Failed download/store tries of a succeeded prediction; gives up after a few. */
    finalizeAttempts: integer("finalize_attempts").notNull().default(0),
    leaseToken: text("lease_token"),
    leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
    lastCheckedAt: integer("last_checked_at", { mode: "timestamp_ms" }),
    /** No provider check before this (the model's expected finish; later still with a webhook). */
    nextCheckAt: integer("next_check_at", { mode: "timestamp_ms" }),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    originalKey: text("original_key"),
    displayKey: text("display_key"),
    thumbnailKey: text("thumbnail_key"),
    contentType: text("content_type"),
    width: integer("width"),
    height: integer("height"),
    bytes: integer("bytes"),
    contentHash: text("content_hash"),
    /** US dollars per image at the time the frame was started. */
    unitPrice: real("unit_price").notNull().default(0),
    /** US dollars actually spent: set when the frame succeeds. */
    cost: real("cost"),
    predictTimeSeconds: real("predict_time_seconds"),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    /** Nouns the renderer actually placed in the image (sketch renderer); empty from hosted providers. */
    depicts: text("depicts", { mode: "json" }).$type<string[]>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("frames_prediction_idx").on(t.predictionId),
    // At most one retry per failed attempt, however many polls race to schedule it.
    uniqueIndex("frames_retry_of_idx").on(t.retryOfFrameId),
    index("frames_scene_idx").on(t.sceneId, t.createdAt),
    index("frames_storyboard_idx").on(t.storyboardId, t.status),
  ],
);

export type StoryboardRow = typeof storyboards.$inferSelect;
export type SceneRow = typeof scenes.$inferSelect;
export type FrameRow = typeof frames.$inferSelect;
export type NewFrameRow = typeof frames.$inferInsert;

/**
 * Webhook deliveries already applied, by their signed `webhook-id`: a replay inside the signature's
 * time window is refused. Rows outlive that window a little and are then swept.
 */
export const webhookReceipts = sqliteTable(
  "webhook_receipts",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("webhook_receipts_expires_idx").on(t.expiresAt)],
);

/**
 * Seed 002's storyboard jobs (code file / roadmap screenshot → storyboard): the poll reads this
 * row, so a job answers from libSQL without any cache in front.
 */
export const inputJobs = sqliteTable(
  "input_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().default(DEFAULT_WORKSPACE_ID),
    kind: text("kind", { enum: ["code", "roadmap"] }).notNull(),
    status: text("status", { enum: ["pending", "processing", "completed", "failed"] }).notNull(),
    understanding: text("understanding", { mode: "json" }).$type<Record<string, unknown>>(),
    storyboardId: text("storyboard_id").references(() => storyboards.id, { onDelete: "set null" }),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    executionTimeMs: integer("execution_time_ms"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("input_jobs_workspace_idx").on(t.workspaceId, t.createdAt)],
);
export type InputJobRow = typeof inputJobs.$inferSelect;

/**
 * Whole-board jobs on a GPU service speaking seed 000's protocol: the service reports only by
 * callback (PATCH /api/v1/jobs/:jobId), so the job's state lives here and each frame's poll reads
 * it (frame i ↔ result i). See docs/gpu-service-protocol.md.
 */
export const gpuJobs = sqliteTable("gpu_jobs", {
  id: text("id").primaryKey(),
  status: text("status", { enum: ["submitted", "processing", "completed", "failed", "canceled"] }).notNull(),
  progress: integer("progress").notNull().default(0),
  prompts: text("prompts", { mode: "json" }).$type<string[]>().notNull(),
  resultUrls: text("result_urls", { mode: "json" }).$type<string[]>().notNull(),
  errorMessage: text("error_message"),
  ...timestamps,
});
export type GpuJobRow = typeof gpuJobs.$inferSelect;

export const EDIT_KINDS = [
  "scene.edit",
  "scene.add",
  "scene.delete",
  "scene.restore",
  "scenes.reorder",
  "frame.select",
  "frame.upload",
  "storyboard.edit",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/**
 * The edit log: one row per edit operation on a storyboard, with the state before and after, so
 * undo / redo / history work across reloads. `status` makes the log a stack: undo flips the
 * newest "done" entry to "undone", redo flips the oldest "undone" back; a new edit marks every
 * "undone" entry "discarded" (the redo branch is gone).
 */
export const storyboardEdits = sqliteTable(
  "storyboard_edits",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id")
      .notNull()
      .references(() => storyboards.id, { onDelete: "cascade" }),
    /** 1, 2, 3 … within a storyboard. */
    seq: integer("seq").notNull(),
    kind: text("kind", { enum: EDIT_KINDS }).notNull(),
    sceneId: text("scene_id"),
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["done", "undone", "discarded"] }).notNull().default("done"),
    /** Who made the edit (a user id); null until accounts land. */
    actorId: text("actor_id"),
    ...timestamps,
  },
  (t) => [uniqueIndex("storyboard_edits_seq_idx").on(t.storyboardId, t.seq)],
);
export type StoryboardEditRow = typeof storyboardEdits.$inferSelect;

/** An export that takes seconds (the MP4 animatic): recorded, rendered off the request, polled, cancelable. */
export const EXPORT_JOB_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export const exportJobs = sqliteTable(
  "export_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull().default(DEFAULT_WORKSPACE_ID),
    storyboardId: text("storyboard_id")
      .notNull()
      .references(() => storyboards.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["animatic"] }).notNull(),
    status: text("status", { enum: EXPORT_JOB_STATUSES }).notNull().default("queued"),
    /** Render options (e.g. captions). */
    options: text("options", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** 0..1 while running. */
    progress: real("progress").notNull().default(0),
    /** Where the render is ("Drawing stills", "Encoding"). */
    stage: text("stage"),
    /** Storage key of the result. */
    resultKey: text("result_key"),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    /** Set by a cancel; the renderer checks it and kills ffmpeg. */
    cancelRequestedAt: integer("cancel_requested_at", { mode: "timestamp_ms" }),
    /** A renderer that died leaves a lease that expires; the sweep fails the job then. */
    leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("export_jobs_storyboard_idx").on(t.storyboardId, t.createdAt), index("export_jobs_status_idx").on(t.status)],
);
export type ExportJobRow = typeof exportJobs.$inferSelect;
