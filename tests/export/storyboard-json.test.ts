import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import {
  STORYBOARD_JSON_FORMAT,
  parseStoryboardJson,
  stringifyStoryboardJson,
  toStoryboardJson,
  type StoryboardJson,
} from "@/lib/export/storyboard-json";
import type { ExportStoryboard } from "@/lib/export/types";
import { FIXTURE_NOW, buildStoryboard } from "@/tests/export/fixtures";

/** What the import route does with a parsed file: a storyboard with new ids and dates. */
function rebuild(json: StoryboardJson, id: string, createdAt: Date): ExportStoryboard {
  return {
    id,
    title: json.storyboard.title,
    logline: json.storyboard.logline,
    prompt: json.storyboard.prompt,
    form: json.storyboard.form,
    style: json.storyboard.style,
    aspectRatio: json.storyboard.aspectRatio,
    totalDuration: json.storyboard.totalDuration,
    createdAt,
    styleBible: json.storyboard.styleBible,
    characters: json.storyboard.characters,
    // Imported scenes get new ids and, in a database, might be numbered from 0.
    scenes: json.scenes.map((scene, i) => ({
      ...scene,
      id: `new-scene-${i}`,
      order: i * 10,
      frame: scene.frame ? { ...scene.frame, originalKey: `new/${i}.png`, displayKey: `new/${i}.webp` } : null,
    })),
  };
}

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parseStoryboardJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    return (error as ZodError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }
  throw new Error("expected the input to be rejected");
}

describe("storyboard JSON", () => {
  it("exports the documented shape", async () => {
    const { sb } = await buildStoryboard({ scenes: 3, missing: [2] });
    const json = toStoryboardJson(sb, FIXTURE_NOW);
    expect(json.format).toBe(STORYBOARD_JSON_FORMAT);
    expect(json.version).toBe(1);
    expect(json.exportedAt).toBe("2026-03-06T12:00:00.000Z");
    expect(Object.keys(json.storyboard)).toEqual([
      "title",
      "logline",
      "prompt",
      "form",
      "style",
      "aspectRatio",
      "totalDuration",
      "styleBible",
      "characters",
    ]);
    expect(json.scenes.map((s) => s.order)).toEqual([1, 2, 3]);
    expect(json.scenes[1]?.frame).toBeNull();
    expect(json.scenes[0]?.frame).toEqual({ width: 320, height: 180, seed: 1001, model: "flux-schnell", contentType: "image/png" });
    // Nothing that identifies rows or storage leaks into the file.
    const text = stringifyStoryboardJson(json);
    expect(text).not.toMatch(/scene-id|storyboard-id|frames\/|createdAt/);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("round-trips: export → parse → rebuild → export is identical except exportedAt", async () => {
    const { sb } = await buildStoryboard({ scenes: 5, missing: [3], durations: [2.5, 3, 1, 4.25, 2] });
    const first = toStoryboardJson(sb, FIXTURE_NOW);
    const parsed = parseStoryboardJson(JSON.parse(stringifyStoryboardJson(first)));
    expect(parsed).toEqual(first);
    const again = toStoryboardJson(rebuild(parsed, "another-id", new Date("2030-01-01T00:00:00Z")), new Date("2030-01-02T00:00:00Z"));
    expect({ ...again, exportedAt: "x" }).toEqual({ ...first, exportedAt: "x" });
    expect(stringifyStoryboardJson({ ...again, exportedAt: first.exportedAt })).toBe(stringifyStoryboardJson(first));
  });

  it("writes scenes in play order and numbers them from 1 whatever the stored order", async () => {
    const { sb } = await buildStoryboard({ scenes: 3 });
    sb.scenes = [
      { ...sb.scenes[2]!, order: 30 },
      { ...sb.scenes[0]!, order: 10 },
      { ...sb.scenes[1]!, order: 20 },
    ];
    const json = toStoryboardJson(sb, FIXTURE_NOW);
    expect(json.scenes.map((s) => [s.order, s.description.slice(0, 12)])).toEqual([
      [1, "A lighthouse"],
      [2, "Close on her"],
      [3, "From the gal"],
    ]);
  });

  it("writes a style bible or cast in a foreign shape as null / [] so the file stays importable", async () => {
    const { sb } = await buildStoryboard({ scenes: 3 });
    sb.styleBible = { something: "else" };
    sb.characters = "not a list";
    const json = toStoryboardJson(sb, FIXTURE_NOW);
    expect(json.storyboard.styleBible).toBeNull();
    expect(json.storyboard.characters).toEqual([]);
    expect(() => parseStoryboardJson(json)).not.toThrow();
  });

  it("rejects a foreign JSON with issues naming what is wrong", () => {
    const issues = issuesOf({ scenes: [{ prompt: "a cat" }], name: "My board" });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["format", "version", "storyboard", "exportedAt"]));
    expect(issues.find((i) => i.path === "format")?.message).toMatch(/not a Storyframe storyboard/);
  });

  it.each([null, "text", 42, [], {}])("rejects %j", (input) => {
    expect(issuesOf(input).length).toBeGreaterThan(0);
  });

  it("explains an unsupported version", async () => {
    const { sb } = await buildStoryboard({ scenes: 3 });
    const issues = issuesOf({ ...toStoryboardJson(sb, FIXTURE_NOW), version: 2 });
    expect(issues).toEqual([{ path: "version", message: "unsupported version 2: this Storyframe reads version 1" }]);
  });

  it("points at bad fields inside scenes", async () => {
    const { sb } = await buildStoryboard({ scenes: 3 });
    const json = toStoryboardJson(sb, FIXTURE_NOW) as unknown as { scenes: Array<Record<string, unknown>> };
    json.scenes[1]!.shotType = "drone";
    json.scenes[2]!.durationSeconds = 99;
    json.scenes[0]!.frame = { width: -1, height: 10, seed: null, model: null, contentType: "image/gif" };
    const paths = issuesOf(json).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["scenes.1.shotType", "scenes.2.durationSeconds", "scenes.0.frame.width", "scenes.0.frame.contentType"]),
    );
  });

  it("checks scene numbering and the total duration", async () => {
    const { sb } = await buildStoryboard({ scenes: 3 });
    const json = toStoryboardJson(sb, FIXTURE_NOW);
    const issues = issuesOf({
      ...json,
      storyboard: { ...json.storyboard, totalDuration: 60 },
      scenes: json.scenes.map((s, i) => (i === 2 ? { ...s, order: 7 } : s)),
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "scenes.2.order", message: "expected 3: scenes are listed in order, numbered from 1" },
        { path: "storyboard.totalDuration", message: "is 60 but the scenes add up to 9" },
      ]),
    );
  });

  it("rejects an empty storyboard and one with too many scenes", async () => {
    const { sb } = await buildStoryboard({ scenes: 1 });
    const json = toStoryboardJson(sb, FIXTURE_NOW);
    expect(issuesOf({ ...json, scenes: [] }).map((i) => i.path)).toContain("scenes");
    const many = Array.from({ length: 51 }, (_, i) => ({ ...json.scenes[0]!, order: i + 1 }));
    expect(issuesOf({ ...json, scenes: many, storyboard: { ...json.storyboard, totalDuration: 153 } }).map((i) => i.path)).toContain("scenes");
  });
});
