import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { storyboardJsonSchema, toStoryboardJson } from "@/lib/export/storyboard-json";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { planRequestSchema, planSchema } from "@/lib/planner/schema";
import { listQuerySchema } from "@/lib/storyboards/list-storyboards";
import {
  generateSchema,
  reorderSchema,
  sceneCreateSchema,
  scenePatchSchema,
  storyboardPatchSchema,
} from "@/lib/storyboards/schemas";
import { seedGenerateSchema, seedStoryboardSchema } from "@/lib/storyboards/seed-api";
import { buildStoryboard, FIXTURE_NOW } from "../export/fixtures";

// Every text field of every schema that takes text from outside (a request, an LLM, an imported
// file) refuses the whole class of control characters; multi-line fields still take newlines and tabs.

/** "id": one line of letters, digits, - and _ only. */
type Field = { path: string; lines: "single" | "multi" | "id" };
type Case = { name: string; schema: z.ZodType; valid: () => Promise<unknown> | unknown; fields: Field[] };

const single = (...paths: string[]): Field[] => paths.map((path) => ({ path, lines: "single" }));
const multi = (...paths: string[]): Field[] => paths.map((path) => ({ path, lines: "multi" }));
const id = (...paths: string[]): Field[] => paths.map((path) => ({ path, lines: "id" }));

const plan = () => planEmbedded(planRequestSchema.parse({ prompt: "A fox steals a lantern from a night market", frameCount: 3 }));

const CASES: Case[] = [
  { name: "plan request (POST /api/storyboards)", schema: planRequestSchema, valid: () => ({ prompt: "a fox", title: "Fox" }), fields: [...multi("prompt"), ...single("title")] },
  { name: "seed storyboard (POST /api/storyboard)", schema: seedStoryboardSchema, valid: () => ({ prompt: "a fox", title: "Fox" }), fields: [...multi("prompt"), ...single("title")] },
  {
    name: "seed generate (POST /api/generate-image)",
    schema: seedGenerateSchema,
    valid: () => ({ prompt: "a fox", projectId: "abc123", sceneIndex: 0 }),
    fields: [...multi("prompt"), ...id("projectId")],
  },
  { name: "storyboard patch", schema: storyboardPatchSchema, valid: () => ({ title: "Fox" }), fields: single("title") },
  {
    name: "scene create",
    schema: sceneCreateSchema,
    valid: () => ({ afterSceneId: "s1", description: "d", imagePrompt: "p", dialogue: "hi", notes: "n" }),
    fields: [...id("afterSceneId"), ...multi("description", "imagePrompt", "dialogue", "notes")],
  },
  {
    name: "scene patch",
    schema: scenePatchSchema,
    valid: () => ({ description: "d", imagePrompt: "p", dialogue: "hi", notes: "n", selectedFrameId: "f1" }),
    fields: [...id("selectedFrameId"), ...multi("description", "imagePrompt", "dialogue", "notes")],
  },
  { name: "reorder", schema: reorderSchema, valid: () => ({ sceneIds: ["a", "b"] }), fields: id("sceneIds.1") },
  { name: "generate", schema: generateSchema, valid: () => ({ sceneIds: ["a"] }), fields: id("sceneIds.0") },
  { name: "list query", schema: listQuerySchema, valid: () => ({ cursor: "abc" }), fields: single("cursor") },
  {
    name: "LLM plan",
    schema: planSchema,
    valid: plan,
    fields: [
      ...single("title", "styleBible.lighting", "styleBible.mood.0", "scenes.0.characters.0"),
      ...multi("logline", "scenes.0.description", "scenes.0.imagePrompt", "scenes.0.dialogue", "scenes.0.notes"),
    ],
  },
  {
    name: "storyboard import (POST /api/storyboards/import)",
    schema: storyboardJsonSchema,
    valid: async () => {
      const { sb } = await buildStoryboard({ scenes: 3, frameWidth: 32 });
      const file = toStoryboardJson(sb, FIXTURE_NOW);
      file.storyboard.characters = [{ name: "Mira", look: "tall", wardrobe: "coat" }];
      file.storyboard.styleBible = { preset: "noir", palette: ["#000000", "#ffffff"], lighting: "low key", mood: ["tense"] };
      file.scenes[0]!.characters = ["Mira"];
      file.scenes[0]!.frame = { width: 32, height: 18, seed: 1, model: "flux", contentType: "image/png" };
      return file;
    },
    fields: [
      ...single("storyboard.title", "storyboard.characters.0.name", "storyboard.styleBible.lighting", "storyboard.styleBible.mood.0"),
      ...single("scenes.0.characters.0", "scenes.0.frame.model"),
      ...multi("storyboard.logline", "storyboard.prompt", "storyboard.characters.0.look", "storyboard.characters.0.wardrobe"),
      ...multi("scenes.0.description", "scenes.0.imagePrompt", "scenes.0.dialogue", "scenes.0.notes"),
    ],
  },
];

/** The class: C0 controls, DEL, C1 controls and lone surrogates — refused in every text field. */
const ALWAYS_BAD = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009f", "\ud800", "\udfff"];
/** Fine across lines, refused on one line. */
const LINE_BREAKS = ["\n", "\t", "\r", "\u2028"];

function withValue(base: unknown, path: string, value: string): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

const show = (ch: string) => `U+${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

describe.each(CASES)("$name", ({ schema, valid, fields }) => {
  it("accepts its valid example", async () => {
    expect(schema.safeParse(await valid()).success).toBe(true);
  });

  it.each(fields)("$path ($lines-line) refuses every control character, naming the field", async ({ path, lines }) => {
    const base = await valid();
    const bad = lines === "multi" ? ALWAYS_BAD : [...ALWAYS_BAD, ...LINE_BREAKS];
    for (const ch of bad) {
      const result = schema.safeParse(withValue(base, path, `keep this${ch} but this vanishes`));
      expect(result.success, `${path} accepted ${show(ch)}`).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join(".")), show(ch)).toContain(path);
    }
    if (lines === "multi") {
      const text = "line one\nline two\r\n\ttabbed line";
      expect(schema.safeParse(withValue(base, path, text)).success, `${path} refused newlines/tabs`).toBe(true);
    }
    // ordinary non-ASCII text (and a real surrogate pair) is of course fine
    if (lines !== "id") expect(schema.safeParse(withValue(base, path, "日本語 — café 🎬")).success).toBe(true);
  });
});
