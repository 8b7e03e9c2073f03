import type { AspectRatio, CameraMove, Diagram, Form, NarrativeRole, ShotType, StylePreset } from "@/lib/planner/schema";

/** A finished (or partly finished) frame as stored: where its bytes live and what they are. */
export type ExportFrame = {
  /** Storage key of the original as the provider returned it (png/jpeg/webp). */
  originalKey: string;
  /** Storage key of the display WebP (long side ≤ 1920). */
  displayKey: string;
  contentType: string;
  width: number;
  height: number;
  seed: number | null;
  model: string | null;
};

export type ExportScene = {
  id: string;
  order: number;
  narrativeRole: NarrativeRole | null;
  description: string;
  imagePrompt: string;
  durationSeconds: number;
  shotType: ShotType;
  cameraMove: CameraMove;
  characters: string[];
  dialogue: string | null;
  notes: string | null;
  /** An explainer scene's chart or step diagram (absent in exports built before diagrams). */
  diagram?: Diagram | null;
  /** null when the scene has no succeeded frame: exports draw a labelled placeholder. */
  frame: ExportFrame | null;
};

/** Everything an export needs, independent of the database. */
export type ExportStoryboard = {
  id: string;
  title: string;
  logline: string | null;
  prompt: string;
  form: Form | null;
  style: StylePreset;
  aspectRatio: AspectRatio;
  /** Sum of scene durations. */
  totalDuration: number;
  createdAt: Date;
  /** The plan's style bible and characters as JSON-safe values (kept for the JSON round trip). */
  styleBible: unknown;
  characters: unknown;
  scenes: ExportScene[];
  /**
   * Attribution the frames' artwork asks for (the sketch renderer's CC BY icons), one line each;
   * exports print it. Empty or absent when nothing drawn needs credit.
   */
  credits?: string[];
};

/** Reads a stored object's bytes (the Storage of lib/storage, injected so exports stay testable). */
export type ReadObject = (key: string) => Promise<Buffer>;
