import { describe, expect, it } from "vitest";

import {
  aspectValue,
  downloadFileName,
  extensionForContentType,
  formatClock,
  formatDate,
  formatSeconds,
  sceneNumber,
  slugify,
} from "@/lib/export/labels";
import { orderedScenes, runningTime } from "@/lib/export/scenes";
import { buildStoryboard } from "@/tests/export/fixtures";

describe("labels", () => {
  it.each([
    [0, "0:00"],
    [30, "0:30"],
    [29.6, "0:30"],
    [95.4, "1:35"],
    [300, "5:00"],
  ])("formatClock(%s) = %s", (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });

  it.each([
    [4, "4 s"],
    [2.5, "2.5 s"],
    [2.25, "2.3 s"],
    [15, "15 s"],
  ])("formatSeconds(%s) = %s", (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected);
  });

  it.each([
    ["A lighthouse keeper climbs the spiral stairs at dawn", "a-lighthouse-keeper-climbs-the-spiral"],
    ["Crème brûlée — à la carte!", "creme-brulee-a-la-carte"],
    ["日本語のみ", "scene"],
    ["", "scene"],
    ["Supercalifragilisticexpialidociousandmorewordsjoined", "supercalifragilisticexpialidociousandmor"],
    ["  --Hello,   World--  ", "hello-world"],
  ])("slugify(%j) = %j", (text, expected) => {
    const slug = slugify(text);
    expect(slug).toBe(expected);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("pads scene numbers to the storyboard's size", () => {
    expect(sceneNumber(3, 12)).toBe("03");
    expect(sceneNumber(3, 120)).toBe("003");
  });

  it.each([
    ["The Keeper of Gull Rock", ".pdf", "The Keeper of Gull Rock.pdf"],
    ["日本語", ".pdf", "日本語.pdf"],
    ["Crème brûlée: à la carte?", ".zip", "Crème brûlée à la carte.zip"],
    ["../../etc/passwd", ".json", "etc passwd.json"],
    ["a\u0000b\tc", ".mp4", "a b c.mp4"],
    ["  ...  ", ".pdf", "storyboard.pdf"],
    ["x".repeat(200), ".pdf", `${"x".repeat(80)}.pdf`],
  ])("downloadFileName(%j, %j) = %j", (title, suffix, expected) => {
    expect(downloadFileName(title, suffix)).toBe(expected);
  });

  it("maps content types to extensions", () => {
    expect(extensionForContentType("image/png")).toBe("png");
    expect(extensionForContentType("image/jpeg; charset=binary")).toBe("jpg");
    expect(extensionForContentType("IMAGE/WEBP")).toBe("webp");
    expect(extensionForContentType("application/octet-stream")).toBe("bin");
  });

  it("formats dates in UTC, independent of locale", () => {
    expect(formatDate(new Date("2026-03-06T23:30:00-05:00"))).toBe("7 March 2026");
  });

  it("reads aspect ratios", () => {
    expect(aspectValue("16:9")).toBeCloseTo(1.7778, 3);
    expect(aspectValue("2.39:1")).toBeCloseTo(2.39, 3);
  });
});

describe("scenes", () => {
  it("orders scenes by their order field and sums their durations", async () => {
    const { sb } = await buildStoryboard({ scenes: 3, durations: [1.1, 2.2, 3.3] });
    sb.scenes.reverse();
    expect(orderedScenes(sb).map((s) => s.order)).toEqual([1, 2, 3]);
    expect(runningTime(sb.scenes)).toBe(6.6);
  });
});
