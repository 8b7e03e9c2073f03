import { describe, expect, it } from "vitest";
import { EXPORT_ITEMS, exportProgressText, type ExportProgress } from "@/components/storyboard/export-progress";

describe("exportProgressText", () => {
  it.each([
    [{ phase: "preparing" }, "Preparing…"],
    [{ phase: "rendering", fraction: 0 }, "Rendering the animatic · 0%"],
    [{ phase: "rendering", fraction: 0.424 }, "Rendering the animatic · 42%"],
    [{ phase: "rendering", fraction: 1.7 }, "Rendering the animatic · 100%"],
    [{ phase: "downloading", received: 0, total: null }, "Preparing…"],
    [{ phase: "downloading", received: 512, total: 2048 }, "Downloading 25%"],
    [{ phase: "downloading", received: 3 * 1_048_576, total: null }, "Downloading 3.0 MB"],
  ] as [ExportProgress, string][])("%o → %s", (p, text) => {
    expect(exportProgressText(p)).toBe(text);
  });
});

describe("EXPORT_ITEMS", () => {
  it("has one key per item and an extension matching the format", () => {
    expect(new Set(EXPORT_ITEMS.map((i) => i.key)).size).toBe(EXPORT_ITEMS.length);
    for (const item of EXPORT_ITEMS) expect(item.ext).toBe(item.format);
  });
});
