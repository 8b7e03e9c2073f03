import { describe, expect, it } from "vitest";
import { generateAllAction, sceneFrameState } from "@/components/storyboard/scene-state";
import { frame } from "./fixtures";

const ok = frame();
const failed = frame({ id: "x", status: "failed", errorMessage: "Nope" });

describe("sceneFrameState", () => {
  it.each([
    [{ latestFrame: null, selectedFrame: null }, "empty"],
    [{ latestFrame: ok, selectedFrame: ok }, "ready"],
    [{ latestFrame: frame({ status: "processing" }), selectedFrame: ok }, "drawing"],
    [{ latestFrame: failed, selectedFrame: null }, "failed"],
    [{ latestFrame: failed, selectedFrame: ok }, "failed"],
    [{ latestFrame: frame({ status: "failed", nextAttemptAt: "2030-01-01T00:00:00Z" }), selectedFrame: null }, "retrying"],
    [{ latestFrame: frame({ status: "canceled" }), selectedFrame: null }, "canceled"],
    [{ latestFrame: frame({ status: "canceled" }), selectedFrame: ok }, "ready"],
  ] as const)("%# → %s", (scene, state) => {
    expect(sceneFrameState(scene)).toBe(state);
  });
});

describe("generateAllAction", () => {
  it("offers Generate all for an undrawn storyboard", () => {
    const empty = { latestFrame: null, selectedFrame: null };
    expect(generateAllAction([empty, empty])).toEqual({ kind: "generate", label: "Generate all", count: 2 });
  });
  it("offers only the missing ones", () => {
    expect(generateAllAction([{ latestFrame: ok, selectedFrame: ok }, { latestFrame: null, selectedFrame: null }]).label).toBe(
      "Generate 1 missing",
    );
  });
  it("prefers Retry failed", () => {
    const a = generateAllAction([{ latestFrame: failed, selectedFrame: null }, { latestFrame: failed, selectedFrame: null }]);
    expect(a).toMatchObject({ kind: "retry", label: "Retry 2 failed" });
  });
  it("is busy while frames draw and idle when all are done", () => {
    expect(generateAllAction([{ latestFrame: frame({ status: "queued" }), selectedFrame: null }]).kind).toBe("busy");
    expect(generateAllAction([{ latestFrame: ok, selectedFrame: ok }]).kind).toBe("none");
  });
});
