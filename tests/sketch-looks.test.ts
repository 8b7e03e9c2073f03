import { describe, expect, it } from "vitest";
import { STYLE_PRESETS } from "@/lib/planner/schema";
import { SKETCH_LOOK_OF, SKETCH_LOOKS, sketchLookOf } from "@/lib/sketch-looks";

describe("sketchLookOf", () => {
  it.each(STYLE_PRESETS)("%s names an offline look and says what a hosted key adds", (preset) => {
    const info = sketchLookOf(preset);
    expect(SKETCH_LOOKS).toContain(info.look);
    expect(info.hint).toMatch(/^Offline you'll get a .+; add a Replicate key for .+\.$/);
    expect(info.hint).toContain(info.label);
  });

  it("gives each of the five looks to at least one preset, pencil by default", () => {
    expect(new Set(Object.values(SKETCH_LOOK_OF))).toEqual(new Set(SKETCH_LOOKS));
    expect(SKETCH_LOOK_OF["pencil-sketch"]).toBe("pencil");
    expect(SKETCH_LOOK_OF.comic).toBe("ink");
    expect(SKETCH_LOOK_OF.watercolor).toBe("watercolor");
    expect(SKETCH_LOOK_OF.noir).toBe("noir");
    for (const p of ["cinematic", "anime", "photoreal", "3d-render"] as const) expect(SKETCH_LOOK_OF[p]).toBe("digital");
  });
});
