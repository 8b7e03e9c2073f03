import { describe, expect, it } from "vitest";
import { nextPollDelay, POLL_GIVE_UP_MS } from "@/components/storyboard/poll-delay";
import type { FrameDto, StoryboardProgressDto } from "@/lib/storyboards/dto";
import { frame, progress } from "./fixtures";

const NOW = 1_750_000_000_000;

function withFrames(frames: (FrameDto | null)[], over: Partial<StoryboardProgressDto> = {}) {
  return progress({
    stage: "ready",
    scenes: frames.map((f, i) => ({ sceneId: `s${i}`, selectedFrame: null, latestFrame: f })),
    ...over,
  });
}

const run = (p: StoryboardProgressDto | undefined, errorCount = 0, startedAt = NOW) =>
  nextPollDelay({ progress: p, errorCount, startedAt, now: NOW });

describe("nextPollDelay", () => {
  it("stops when every frame is terminal", () => {
    const p = withFrames([frame(), frame({ id: "f2", status: "failed" }), frame({ id: "f3", status: "canceled" })]);
    expect(run(p)).toEqual({ poll: false, reason: "settled" });
  });

  it("checks once more right after the last frame finished, then stops", () => {
    const p = withFrames([frame(), frame({ id: "f2" })]);
    expect(nextPollDelay({ progress: p, errorCount: 0, startedAt: NOW, now: NOW, justSettled: true })).toEqual({
      poll: true,
      delayMs: 1000,
    });
    expect(nextPollDelay({ progress: p, errorCount: 0, startedAt: NOW, now: NOW, justSettled: false })).toEqual({
      poll: false,
      reason: "settled",
    });
  });

  it("stops for a storyboard never drawn (no frames at all)", () => {
    expect(run(withFrames([null, null], { stage: "idle" }))).toEqual({ poll: false, reason: "settled" });
  });

  it.each(["queued", "starting", "processing", "finalizing"] as const)("polls every second while a frame is %s", (status) => {
    expect(run(withFrames([frame(), frame({ id: "f2", status })]))).toEqual({ poll: true, delayMs: 1000 });
  });

  it("polls while the server says it is generating, even before frames show up", () => {
    expect(run(withFrames([], { stage: "generating" }))).toEqual({ poll: true, delayMs: 1000 });
  });

  it("polls before the first answer", () => {
    expect(run(undefined)).toEqual({ poll: true, delayMs: 1000 });
  });

  it("keeps polling for a scheduled retry, about when it is due", () => {
    const soon = frame({ status: "failed", nextAttemptAt: new Date(NOW + 2500).toISOString() });
    expect(run(withFrames([soon]))).toEqual({ poll: true, delayMs: 2500 });
    const overdue = frame({ status: "failed", nextAttemptAt: new Date(NOW - 5000).toISOString() });
    expect(run(withFrames([overdue]))).toEqual({ poll: true, delayMs: 1000 });
    const late = frame({ status: "failed", nextAttemptAt: new Date(NOW + 60_000).toISOString() });
    expect(run(withFrames([late]))).toEqual({ poll: true, delayMs: 5000 });
  });

  it.each([
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [4, 16_000],
    [5, 30_000],
    [40, 30_000],
  ])("backs off after %s failed polls to %s ms", (errors, delayMs) => {
    const p = withFrames([frame({ status: "processing" })]);
    expect(run(p, errors)).toEqual({ poll: true, delayMs });
  });

  it("gives up after ten minutes", () => {
    const p = withFrames([frame({ status: "processing" })]);
    expect(run(p, 0, NOW - POLL_GIVE_UP_MS)).toEqual({ poll: false, reason: "timeout" });
    expect(run(p, 3, NOW - POLL_GIVE_UP_MS - 1)).toEqual({ poll: false, reason: "timeout" });
    expect(run(p, 0, NOW - POLL_GIVE_UP_MS + 1000)).toEqual({ poll: true, delayMs: 1000 });
  });
});
