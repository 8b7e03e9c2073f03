import { describe, expect, it } from "vitest";
import { frameCounter, frameIndexFromParam, presentKeyAction } from "@/components/present/present-logic";

describe("presentation", () => {
  it.each([
    [undefined, 8, 0],
    ["3", 8, 2],
    ["0", 8, 0],
    ["99", 8, 7],
    ["abc", 8, 0],
    [["4", "5"], 8, 3],
    ["2", 0, 0],
  ] as const)("?frame=%s of %s → index %s", (param, count, index) => {
    expect(frameIndexFromParam(param as string | string[] | undefined, count)).toBe(index);
  });

  it("counts with leading zeros", () => {
    expect(frameCounter(2, 8)).toBe("03 / 08");
    expect(frameCounter(11, 12)).toBe("12 / 12");
    expect(frameCounter(4, 120)).toBe("005 / 120");
  });

  it("maps the keys", () => {
    expect(presentKeyAction("ArrowRight")).toBe("next");
    expect(presentKeyAction("ArrowLeft")).toBe("prev");
    expect(presentKeyAction(" ")).toBe("toggle-play");
    expect(presentKeyAction("Escape")).toBe("exit");
    expect(presentKeyAction("x")).toBeNull();
  });
});

import { reorderAnnouncements } from "@/components/storyboard/reorder-announcements";

describe("reorder announcements", () => {
  const a = reorderAnnouncements(["a", "b", "c"]);
  it("speaks positions", () => {
    expect(a.onDragStart({ active: { id: "b" } })).toMatch(/^Picked up scene 2 of 3/);
    expect(a.onDragOver({ active: { id: "a" }, over: { id: "c" } })).toBe("Scene 1 moves to position 3 of 3.");
    expect(a.onDragEnd({ active: { id: "a" }, over: { id: "c" } })).toBe("Scene 1 dropped at position 3 of 3.");
    expect(a.onDragEnd({ active: { id: "a" }, over: null })).toBe("Scene 1 dropped in its place.");
    expect(a.onDragCancel({ active: { id: "c" } })).toBe("Move cancelled. Scene 3 stays where it was.");
  });
});
