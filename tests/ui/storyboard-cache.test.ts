import { describe, expect, it } from "vitest";
import {
  adoptStoryboardMeta,
  adoptStructure,
  applyStoryboardPatch,
  moveId,
  pickSceneText,
  removeScene,
  reorderStoryboard,
} from "@/components/storyboard/storyboard-cache";
import { scene, storyboard } from "./fixtures";

const three = () =>
  storyboard({
    scenes: [
      scene({ id: "a", order: 1, durationSeconds: 4 }),
      scene({ id: "b", order: 2, durationSeconds: 5 }),
      scene({ id: "c", order: 3, durationSeconds: 6 }),
    ],
  });

describe("storyboard cache", () => {
  it("approves with a timestamp and unapproves", () => {
    const now = new Date("2025-02-02T00:00:00.000Z");
    const a = applyStoryboardPatch(storyboard(), { approved: true }, now);
    expect(a.approvedAt).toBe(now.toISOString());
    expect(applyStoryboardPatch(a, { approved: false }, now).approvedAt).toBeNull();
  });

  it("adopts only the patched fields of a storyboard PATCH answer", () => {
    const local = storyboard({ title: "Local", scenes: [scene({ description: "typed while saving" })] });
    const server = storyboard({ title: "Server title", style: "noir", scenes: [scene({ description: "older" })] });
    const next = adoptStoryboardMeta(local, server, { title: "Server title" });
    expect(next.title).toBe("Server title");
    expect(next.style).toBe("pencil-sketch");
    expect(next.scenes[0]?.description).toBe("typed while saving");
  });

  it("adopts the server's order but keeps cached scene objects", () => {
    const local = three();
    const edited = { ...local, scenes: local.scenes.map((s) => (s.id === "b" ? { ...s, description: "mine" } : s)) };
    const server = storyboard({
      totalDuration: 20,
      scenes: [
        scene({ id: "c", order: 1 }),
        scene({ id: "new", order: 2, description: "New scene" }),
        scene({ id: "a", order: 3 }),
        scene({ id: "b", order: 4, description: "server's older text" }),
      ],
    });
    const next = adoptStructure(edited, server);
    expect(next.scenes.map((s) => `${s.order}:${s.id}`)).toEqual(["1:c", "2:new", "3:a", "4:b"]);
    expect(next.scenes.find((s) => s.id === "b")?.description).toBe("mine");
    expect(next.totalDuration).toBe(20);
  });

  it("reorders and renumbers", () => {
    const next = reorderStoryboard(three(), ["c", "a"]);
    expect(next.scenes.map((s) => `${s.order}:${s.id}`)).toEqual(["1:c", "2:a", "3:b"]);
  });

  it("removes a scene and recomputes the total", () => {
    const next = removeScene(three(), "b");
    expect(next.scenes.map((s) => `${s.order}:${s.id}`)).toEqual(["1:a", "2:c"]);
    expect(next.totalDuration).toBe(10);
    expect(removeScene(three(), "b", 11).totalDuration).toBe(11);
  });

  it("moves ids", () => {
    expect(moveId(["a", "b", "c"], "a", "c")).toEqual(["b", "c", "a"]);
    expect(moveId(["a", "b", "c"], "c", "a")).toEqual(["c", "a", "b"]);
    expect(moveId(["a", "b"], "a", "zz")).toEqual(["a", "b"]);
  });

  it("picks only scene text fields", () => {
    expect(pickSceneText({ description: "d", selectedFrameId: "f" }, ["description", "selectedFrameId"])).toEqual({
      description: "d",
    });
  });
});
