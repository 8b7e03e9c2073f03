import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api/fetch-json";
import type { SceneFields } from "@/components/api/storyboards-api";
import { sceneFieldError, sceneSaveError } from "@/components/storyboard/scene-field-error";
import { scenePatchSchema } from "@/lib/storyboards/schemas";

describe("sceneFieldError (the server's limits, in words, without zod)", () => {
  it("accepts valid values", () => {
    expect(sceneFieldError("description", "A lighthouse at dusk")).toBeNull();
    expect(sceneFieldError("durationSeconds", 4.5)).toBeNull();
    expect(sceneFieldError("dialogue", null)).toBeNull();
  });
  it("refuses an empty description", () => {
    expect(sceneFieldError("description", "   ")).toBe("The description is empty");
    expect(sceneFieldError("imagePrompt", "")).toBe("The image prompt is empty");
  });
  it("names the length limit", () => {
    expect(sceneFieldError("imagePrompt", "x".repeat(2001))).toBe("At most 2000 characters");
    expect(sceneFieldError("notes", "x".repeat(1001))).toBe("At most 1000 characters");
  });
  it("names the duration limits", () => {
    expect(sceneFieldError("durationSeconds", 0.5)).toBe("At least 1 s");
    expect(sceneFieldError("durationSeconds", 20)).toBe("At most 15 s");
    expect(sceneFieldError("durationSeconds", Number.NaN)).toBe("Enter a number of seconds");
  });
});

describe("the hints and the server's schema agree", () => {
  const cases: [keyof SceneFields, SceneFields[keyof SceneFields]][] = [
    ["description", "ok"],
    ["description", ""],
    ["description", " \n "],
    ["description", "x".repeat(1000)],
    ["description", ` ${"x".repeat(1000)} `],
    ["description", "x".repeat(1001)],
    ["imagePrompt", "x".repeat(2000)],
    ["imagePrompt", "x".repeat(2001)],
    ["imagePrompt", "  "],
    ["dialogue", null],
    ["dialogue", ""],
    ["dialogue", "x".repeat(1000)],
    ["dialogue", "x".repeat(1001)],
    ["notes", "x".repeat(1001)],
    ["durationSeconds", 1],
    ["durationSeconds", 0.99],
    ["durationSeconds", 15],
    ["durationSeconds", 15.01],
    ["durationSeconds", Number.NaN],
  ];
  it.each(cases)("%s = %j", (key, value) => {
    const server = scenePatchSchema.safeParse({ [key]: value }).success;
    expect(sceneFieldError(key, value) === null).toBe(server);
  });
});

describe("sceneSaveError", () => {
  it("says the server's first issue as a sentence", () => {
    const e = new ApiError({
      code: "INVALID_REQUEST",
      message: "Invalid request — notes: contains a control character (such as NUL); remove it.",
      status: 400,
      issues: [{ path: "notes", message: "contains a control character (such as NUL); remove it" }],
    });
    expect(sceneSaveError(e).message).toBe("Contains a control character (such as NUL); remove it");
  });
  it("keeps any other error's message", () => {
    expect(sceneSaveError(new ApiError({ code: "NETWORK_ERROR", message: "Offline", status: 0 })).message).toBe("Offline");
  });
});
