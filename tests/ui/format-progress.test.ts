import { describe, expect, it } from "vitest";
import {
  formatCost,
  formatEta,
  formatMoney,
  formatRelativeDate,
  frameProgressValue,
  frameStatusLabel,
  summarizeProgress,
} from "@/components/storyboard/format-progress";
import { formatClock, formatSeconds } from "@/lib/export/labels";
import { frame, progress } from "./fixtures";

const NOW = Date.parse("2025-06-01T12:00:00.000Z");

describe("formatEta", () => {
  it.each([
    [null, null],
    [Number.NaN, null],
    [0, "a few seconds left"],
    [7, "a few seconds left"],
    [9, "about 10 s left"],
    [20, "about 20 s left"],
    [22, "about 20 s left"],
    [23, "about 25 s left"],
    [57, "about 55 s left"],
    [60, "about 1 min left"],
    [89, "about 1 min left"],
    [120, "about 2 min left"],
    [150, "about 3 min left"],
    [3599, "about 60 min left"],
    [3600, "about 1 h left"],
    [5400, "about 1.5 h left"],
  ])("%s s → %s", (s, text) => {
    expect(formatEta(s)).toBe(text);
  });
});

describe("durations", () => {
  it.each([
    [0, "0:00"],
    [30, "0:30"],
    [59.6, "1:00"],
    [95.4, "1:35"],
    [300, "5:00"],
  ])("clock %s → %s", (s, text) => expect(formatClock(s)).toBe(text));

  it.each([
    [4, "4 s"],
    [2.5, "2.5 s"],
    [3.04, "3 s"],
  ])("scene %s → %s", (s, text) => expect(formatSeconds(s)).toBe(text));
});

describe("cost", () => {
  it.each([
    [0, "$0"],
    [0.003, "$0.003"],
    [0.018, "$0.018"],
    [0.0184, "$0.018"],
    [1.237, "$1.24"],
  ])("money %s → %s", (n, text) => expect(formatMoney(n)).toBe(text));

  it("is free when the embedded renderer draws", () => {
    expect(formatCost({ estimated: 0, actual: 0, currency: "USD" }).text).toBe("Free · embedded renderer");
  });
  it("shows the estimate until money is spent", () => {
    expect(formatCost({ estimated: 0.018, actual: 0, currency: "USD" }).text).toBe("$0.018 est.");
  });
  it("shows the actual spend once there is one", () => {
    const c = formatCost({ estimated: 0.018, actual: 0.012, currency: "USD" });
    expect(c.text).toBe("$0.012");
    expect(c.title).toContain("$0.018");
  });
});

describe("summarizeProgress", () => {
  it("names the frame being drawn and the time left", () => {
    const p = progress({
      stage: "generating",
      scenesTotal: 8,
      scenesCompleted: 2,
      scenesInFlight: 6,
      currentScene: 3,
      estimatedCompletionSeconds: 21,
      scenes: [{ sceneId: "s3", selectedFrame: null, latestFrame: frame({ status: "processing", progress: 0.5 }) }],
    });
    const s = summarizeProgress(p, NOW);
    expect(s.text).toBe("Drawing frame 3 of 8 · about 20 s left");
    expect(s.tone).toBe("working");
    expect(s.fraction).toBeGreaterThan(2 / 8);
    expect(s.fraction).toBeLessThan(3 / 8);
  });

  it("omits the ETA when the server has none", () => {
    const p = progress({
      stage: "generating",
      scenesTotal: 4,
      scenesCompleted: 0,
      currentScene: 1,
      scenes: [{ sceneId: "s1", selectedFrame: null, latestFrame: frame({ status: "queued" }) }],
    });
    expect(summarizeProgress(p, NOW).text).toBe("Drawing frame 1 of 4");
  });

  it("counts down to a scheduled retry when nothing is in flight", () => {
    const p = progress({
      stage: "generating",
      scenesTotal: 3,
      scenesCompleted: 2,
      scenes: [
        {
          sceneId: "s1",
          selectedFrame: null,
          latestFrame: frame({ status: "failed", nextAttemptAt: new Date(NOW + 3500).toISOString() }),
        },
      ],
    });
    expect(summarizeProgress(p, NOW).text).toBe("Retrying in 4 s");
  });

  it("says Ready when every frame is drawn", () => {
    const s = summarizeProgress(progress({ scenesTotal: 8, scenesCompleted: 8 }), NOW);
    expect(s).toMatchObject({ text: "Ready", tone: "done", fraction: 1 });
  });

  it("says how many scenes failed", () => {
    const s = summarizeProgress(progress({ stage: "partial", scenesTotal: 8, scenesCompleted: 6, scenesFailed: 2 }), NOW);
    expect(s.text).toBe("Ready, 2 scenes failed");
    expect(s.tone).toBe("warning");
    expect(s.failedFraction).toBe(2 / 8);
  });

  it("uses the singular for one failure", () => {
    const s = summarizeProgress(progress({ stage: "partial", scenesTotal: 3, scenesCompleted: 2, scenesFailed: 1 }), NOW);
    expect(s.text).toBe("Ready, 1 scene failed");
  });

  it("reports a storyboard where every frame failed", () => {
    const s = summarizeProgress(progress({ stage: "failed", scenesTotal: 4, scenesCompleted: 0, scenesFailed: 4 }), NOW);
    expect(s).toMatchObject({ text: "All 4 frames failed", tone: "error" });
  });

  it("describes an undrawn storyboard", () => {
    expect(summarizeProgress(progress({ stage: "idle", scenesTotal: 5, scenesCompleted: 0 }), NOW).text).toBe(
      "5 frames to draw",
    );
    expect(summarizeProgress(progress({ stage: "ready", scenesTotal: 5, scenesCompleted: 3 }), NOW).text).toBe(
      "Ready · 2 new scenes not drawn yet",
    );
  });
});

describe("frame labels", () => {
  it.each([
    ["queued", null, "Queued"],
    ["starting", null, "Starting"],
    ["processing", 0.42, "Drawing · 42%"],
    ["processing", null, "Drawing"],
    ["processing", 0, "Drawing"],
    ["finalizing", null, "Finishing"],
    ["failed", null, "Failed"],
    ["canceled", null, "Canceled"],
  ] as const)("%s (%s) → %s", (status, p, text) => {
    expect(frameStatusLabel({ status, progress: p })).toBe(text);
  });

  it("moves the bar forward stage by stage", () => {
    const order = (["queued", "starting", "processing", "finalizing", "succeeded"] as const).map((status) =>
      frameProgressValue({ status, progress: status === "processing" ? 0.5 : null }),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("formatRelativeDate", () => {
  it.each([
    ["2025-06-01T11:59:30.000Z", "just now"],
    ["2025-06-01T11:55:00.000Z", "5 min ago"],
    ["2025-06-01T09:00:00.000Z", "3 h ago"],
    ["2025-05-31T10:00:00.000Z", "yesterday"],
    ["2025-03-12T10:00:00.000Z", "12 Mar"],
    ["2024-03-12T10:00:00.000Z", "12 Mar 2024"],
  ])("%s → %s", (iso, text) => expect(formatRelativeDate(iso, NOW)).toBe(text));
});
