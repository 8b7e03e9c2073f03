import { describe, expect, it } from "vitest";
import { sceneFieldError } from "@/components/storyboard/scene-field-error";

describe("sceneFieldError (the server's schema, in words)", () => {
  it("accepts valid values", () => {
    expect(sceneFieldError("description", "A lighthouse at dusk")).toBeNull();
    expect(sceneFieldError("durationSeconds", 4.5)).toBeNull();
    expect(sceneFieldError("dialogue", null)).toBeNull();
  });
  it("refuses an empty description", () => {
    expect(sceneFieldError("description", "   ")).toBe("The description is empty");
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
