import { describe, expect, it } from "vitest";
import { mergeProgress, patchProgressScene } from "@/components/storyboard/merge-progress";
import { frame, progress, scene, storyboard } from "./fixtures";

describe("mergeProgress", () => {
  it("takes frame fields from the poll and text from the storyboard", () => {
    const old = frame({ id: "old", createdAt: "2025-01-01T00:00:00.000Z" });
    const sb = storyboard({
      scenes: [scene({ description: "typed by me", selectedFrame: old, latestFrame: old, variations: [old] })],
    });
    const fresh = frame({ id: "new", createdAt: "2025-01-02T00:00:00.000Z" });
    const merged = mergeProgress(sb, progress({ scenes: [{ sceneId: "s1", selectedFrame: fresh, latestFrame: fresh }] }));
    const s = merged.scenes[0]!;
    expect(s.description).toBe("typed by me");
    expect(s.selectedFrame?.id).toBe("new");
    expect(s.variations.map((f) => f.id)).toEqual(["new", "old"]);
  });

  it("does not count an in-flight attempt as a variation", () => {
    const old = frame({ id: "old" });
    const sb = storyboard({ scenes: [scene({ selectedFrame: old, latestFrame: old, variations: [old] })] });
    const live = frame({ id: "live", status: "processing", createdAt: "2025-02-01T00:00:00.000Z" });
    const s = mergeProgress(sb, progress({ scenes: [{ sceneId: "s1", selectedFrame: old, latestFrame: live }] })).scenes[0]!;
    expect(s.latestFrame?.status).toBe("processing");
    expect(s.variations.map((f) => f.id)).toEqual(["old"]);
  });

  it("keeps a scene's own frames when the poll does not know it yet", () => {
    const f = frame({ id: "x" });
    const sb = storyboard({ scenes: [scene({ id: "added", selectedFrame: f, latestFrame: f, variations: [f] })] });
    const s = mergeProgress(sb, progress({ scenes: [] })).scenes[0]!;
    expect(s.selectedFrame?.id).toBe("x");
  });

  it("applies a pending selection over a poll that has not seen it", () => {
    const a = frame({ id: "a", createdAt: "2025-01-01T00:00:00.000Z" });
    const b = frame({ id: "b", createdAt: "2025-01-02T00:00:00.000Z" });
    const sb = storyboard({ scenes: [scene({ selectedFrame: b, latestFrame: b, variations: [b, a] })] });
    const p = progress({ scenes: [{ sceneId: "s1", selectedFrame: b, latestFrame: b }] });
    expect(mergeProgress(sb, p, { s1: "a" }).scenes[0]!.selectedFrame?.id).toBe("a");
  });

  it("takes status and cost from the poll", () => {
    const merged = mergeProgress(
      storyboard({ status: "draft" }),
      progress({ stage: "generating", cost: { estimated: 0.02, actual: 0.01, currency: "USD" } }),
    );
    expect(merged.status).toBe("generating");
    expect(merged.cost.actual).toBe(0.01);
  });

  it("patches one scene into the progress cache", () => {
    const f = frame({ id: "z" });
    const p = patchProgressScene(progress({ scenes: [{ sceneId: "s1", selectedFrame: null, latestFrame: null }] }), {
      id: "s1",
      selectedFrame: f,
      latestFrame: f,
    });
    expect(p?.scenes[0]?.selectedFrame?.id).toBe("z");
    expect(patchProgressScene(undefined, { id: "s1", selectedFrame: f, latestFrame: f })).toBeUndefined();
  });
});
