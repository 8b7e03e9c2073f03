import { describe, expect, it } from "vitest";

import {
  ANIMATIC_SIZES,
  type PieceScene,
  animaticSize,
  buildPieceGraph,
  motionFor,
  motionStillSize,
  planPieces,
  planTimeline,
} from "@/lib/export/animatic-plan";
import { ASPECT_RATIOS, CAMERA_MOVES } from "@/lib/planner/schema";

describe("animatic size", () => {
  it.each([
    ["16:9", 1920, 1080],
    ["9:16", 1080, 1920],
    ["1:1", 1080, 1080],
    ["4:3", 1440, 1080],
    ["2.39:1", 1920, 804],
  ] as const)("%s renders at %i×%i", (ratio, width, height) => {
    expect(animaticSize(ratio)).toEqual({ width, height });
  });

  it("keeps every size even, as yuv420p needs", () => {
    for (const ratio of ASPECT_RATIOS) {
      const { width, height } = ANIMATIC_SIZES[ratio];
      expect(width % 2).toBe(0);
      expect(height % 2).toBe(0);
      for (const w of [320, 333, 641]) {
        const size = animaticSize(ratio, w);
        expect(size.width % 2).toBe(0);
        expect(size.height % 2).toBe(0);
      }
    }
  });

  it("derives the missing side from the aspect ratio", () => {
    expect(animaticSize("16:9", 320)).toEqual({ width: 320, height: 180 });
    expect(animaticSize("9:16", undefined, 320)).toEqual({ width: 180, height: 320 });
    expect(animaticSize("2.39:1", 640, 268)).toEqual({ width: 640, height: 268 });
  });

  it("prepares drift stills larger than the output", () => {
    expect(motionStillSize({ width: 1920, height: 1080 })).toEqual({ width: 2152, height: 1210 });
  });
});

describe("planTimeline", () => {
  it.each([
    [[3, 3, 3], 30],
    [[1.5, 2.25, 1, 4.1], 30],
    [[0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7], 30],
    [[2.37, 1.01, 3.33, 1.11, 2.49, 1.7, 1.3], 24],
    [[5], 30],
  ])("lasts the sum of %j at %i fps (within half a frame)", (durations, fps) => {
    const t = planTimeline(durations, fps);
    const sum = durations.reduce((a, b) => a + b, 0);
    expect(Math.abs(t.totalSeconds - sum)).toBeLessThanOrEqual(0.5 / fps + 1e-9);
    // Segments overlap by one fade at each boundary: total = Σ segments − (n − 1) × fade.
    const segments = t.segmentFrames.reduce((a, b) => a + b, 0);
    expect(segments - (durations.length - 1) * t.fadeFrames).toBe(t.totalFrames);
    expect(t.fadeFrames % 2).toBe(0);
  });

  it("uses 0.4 s fades, shorter only when a scene is very short", () => {
    expect(planTimeline([3, 3], 30).fadeFrames).toBe(12);
    expect(planTimeline([1, 1, 1], 30).fadeFrames).toBe(12);
    expect(planTimeline([0.5, 3], 30).fadeFrames).toBe(6);
    expect(planTimeline([4], 30).fadeFrames).toBe(0);
  });

  it("gives each segment its scene plus half of each neighbouring fade", () => {
    expect(planTimeline([1, 2, 3], 30).segmentFrames).toEqual([36, 72, 96]);
  });
});

describe("motionFor", () => {
  it("follows the planned camera move", () => {
    expect(motionFor("dolly-in", 4)).toEqual({ kind: "zoom", from: 1, to: 1.1 });
    expect(motionFor("dolly-out", 4)).toEqual({ kind: "zoom", from: 1.1, to: 1 });
    expect(motionFor("pan", 4)).toMatchObject({ kind: "drift", axis: "x" });
    expect(motionFor("truck", 4)).toMatchObject({ kind: "drift", axis: "x" });
    expect(motionFor("tilt", 4)).toMatchObject({ kind: "drift", axis: "y" });
    expect(motionFor("crane", 4)).toMatchObject({ kind: "drift", axis: "y" });
    const slight = motionFor("static", 4);
    expect(slight.kind).toBe("zoom");
    if (slight.kind === "zoom") expect(slight.to - slight.from).toBeLessThan(0.05);
  });

  it("stays inside the still for every move and length", () => {
    for (const move of CAMERA_MOVES) {
      for (const seconds of [1, 3, 15]) {
        const m = motionFor(move, seconds);
        if (m.kind === "zoom") {
          expect(Math.min(m.from, m.to)).toBeGreaterThanOrEqual(1);
          expect(Math.max(m.from, m.to)).toBeLessThanOrEqual(1.12 + 1e-9);
        } else if (m.kind === "drift") {
          for (const p of [m.from, m.to]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });
});

describe("planPieces", () => {
  it("alternates bodies and fades whose frames add up to the film", () => {
    const timeline = planTimeline([1, 2, 1], 30);
    const pieces = planPieces(timeline);
    expect(pieces).toEqual([
      { kind: "body", scene: 0, start: 0, frames: 24 },
      { kind: "fade", from: 0, to: 1, start: 24, frames: 12 },
      { kind: "body", scene: 1, start: 12, frames: 48 },
      { kind: "fade", from: 1, to: 2, start: 60, frames: 12 },
      { kind: "body", scene: 2, start: 12, frames: 24 },
    ]);
    expect(pieces.reduce((sum, p) => sum + p.frames, 0)).toBe(timeline.totalFrames);
  });

  it("is one body for one scene", () => {
    expect(planPieces(planTimeline([2.5], 30))).toEqual([{ kind: "body", scene: 0, start: 0, frames: 75 }]);
  });

  it.each([[[3, 3, 3, 3]], [[1.5, 2.25, 1, 4.1]], [[0.5, 0.5, 7]]])("covers %j exactly", (durations) => {
    const timeline = planTimeline(durations, 30);
    const pieces = planPieces(timeline);
    expect(pieces.reduce((sum, p) => sum + p.frames, 0)).toBe(timeline.totalFrames);
    for (const piece of pieces) expect(piece.frames).toBeGreaterThan(0);
  });
});

describe("buildPieceGraph", () => {
  const size = { width: 320, height: 180 };
  const scene = (name: string, kind: "zoom" | "drift" | "hold", caption: boolean): PieceScene => ({
    still: { file: `/tmp/${name}.jpg`, ...(kind === "drift" ? motionStillSize(size) : size) },
    caption: caption ? `/tmp/${name}-caption.png` : null,
    motion: kind === "zoom" ? { kind, from: 1, to: 1.05 } : kind === "drift" ? { kind, axis: "x", from: 0.2, to: 0.8 } : { kind },
  });
  const scenes = [scene("a", "zoom", true), scene("b", "drift", true), scene("c", "hold", true)];
  const timeline = planTimeline([1, 2, 1], 30);
  const [body0, fade01, body1] = planPieces(timeline);

  it("renders a body: the still looped for its frames, moved, captioned", () => {
    const { inputs, graph } = buildPieceGraph(body0!, scenes, timeline, size);
    expect(inputs).toEqual(["/tmp/a.jpg", "/tmp/a-caption.png"]);
    expect(graph).toContain("loop=loop=23:size=1:start=0");
    expect(graph).toContain("out_color_matrix=bt709");
    expect(graph).toContain("eval=frame");
    expect(graph).toContain("[1:v]format=yuva420p[c1]");
    expect(graph.endsWith("[out]")).toBe(true);
    expect(graph).not.toMatch(/drawtext|xfade|zoompan/);
  });

  it("continues the camera move where the previous piece stopped", () => {
    const { graph } = buildPieceGraph(body1!, scenes, timeline, size);
    // Scene 2's segment is 72 frames; this body starts 12 frames in.
    expect(graph).toContain("((n+12)/71)");
    expect(graph).toContain("crop=320:180:x=");
  });

  it("renders a fade: both scenes, alpha fading in, the caption switching halfway", () => {
    const { inputs, graph } = buildPieceGraph(fade01!, scenes, timeline, size);
    expect(inputs).toEqual(["/tmp/a.jpg", "/tmp/b.jpg", "/tmp/a-caption.png", "/tmp/b-caption.png"]);
    expect(graph).toContain("fade=t=in:s=0:n=12:alpha=1");
    expect(graph).toContain("((n+24)/35)");
    expect(graph).toContain("enable='lt(n,6)'");
    expect(graph).toContain("enable='gte(n,6)'");
    expect(graph.endsWith("[out]")).toBe(true);
  });

  it("leaves captions out when off", () => {
    const plain = scenes.map((s) => ({ ...s, caption: null }));
    expect(buildPieceGraph(fade01!, plain, timeline, size).inputs).toHaveLength(2);
    expect(buildPieceGraph(body0!, plain, timeline, size).graph).not.toContain("overlay");
  });
});
