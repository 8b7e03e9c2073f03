import type { AspectRatio, CameraMove } from "@/lib/planner/schema";

// The animatic as numbers: output size, where each scene starts and ends in frames, how the
// crossfades overlap, the camera motion per scene, and the ffmpeg filter graph of each piece.
// Pure, so timing and graphs are table-tested without running ffmpeg.

export const ANIMATIC_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "1:1": { width: 1080, height: 1080 },
  "4:3": { width: 1440, height: 1080 },
  "2.39:1": { width: 1920, height: 804 },
};

/** Stills are prepared this much larger than the output, the room camera moves travel in. */
export const MOTION_MARGIN = 1.12;
export const FADE_SECONDS = 0.4;

type Size = { width: number; height: number };

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/** The output size: the table above, or the caller's width/height (the other side follows the aspect ratio). */
export function animaticSize(aspectRatio: AspectRatio, width?: number, height?: number): { width: number; height: number } {
  const base = ANIMATIC_SIZES[aspectRatio];
  const ratio = base.width / base.height;
  if (width && height) return { width: even(width), height: even(height) };
  if (width) return { width: even(width), height: even(width / ratio) };
  if (height) return { width: even(height * ratio), height: even(height) };
  return base;
}

/** Pixel size of the prepared still for camera moves that travel across it. */
export function motionStillSize(size: { width: number; height: number }): { width: number; height: number } {
  return { width: even(Math.ceil(size.width * MOTION_MARGIN)), height: even(Math.ceil(size.height * MOTION_MARGIN)) };
}

/**
 * A gentle Ken Burns that follows the planned camera move. Zoom is relative to the output (1 = the
 * still fills the frame exactly); a drift moves a window across a still MOTION_MARGIN larger,
 * from→to being fractions (0…1) of the travel available.
 */
export type Motion =
  | { kind: "zoom"; from: number; to: number }
  | { kind: "drift"; axis: "x" | "y"; from: number; to: number }
  | { kind: "hold" };

export function motionFor(move: CameraMove, seconds: number): Motion {
  // Motion scales with the scene's length so short scenes don't rush; capped by the margin.
  const push = Math.min(MOTION_MARGIN - 1, 0.025 * seconds);
  const slight = Math.min(0.04, 0.008 * seconds);
  const travel = Math.min(1, 0.22 * seconds);
  const from = (1 - travel) / 2;
  switch (move) {
    case "dolly-in":
      return { kind: "zoom", from: 1, to: 1 + push };
    case "dolly-out":
      return { kind: "zoom", from: 1 + push, to: 1 };
    case "pan":
    case "truck":
      return { kind: "drift", axis: "x", from, to: from + travel };
    case "tilt":
    case "crane":
      // Upward: the camera rises, so the window travels from the bottom towards the top.
      return { kind: "drift", axis: "y", from: from + travel, to: from };
    case "static":
    case "handheld":
      return { kind: "zoom", from: 1, to: 1 + slight };
  }
}

export type Timeline = {
  fps: number;
  /** Length of each crossfade in frames (even; 0 for a single scene). */
  fadeFrames: number;
  /** Frames each segment lasts, including the halves of the fades it shares with its neighbours. */
  segmentFrames: number[];
  totalFrames: number;
  totalSeconds: number;
};

/**
 * Scene boundaries are rounded to whole frames on the cumulative timeline, so rounding never adds
 * up: the video lasts the sum of the durations to within half a frame. Each crossfade is centred on
 * its boundary and both neighbours are lengthened by half of it, which compensates the overlap.
 */
export function planTimeline(durations: readonly number[], fps: number, fadeSeconds = FADE_SECONDS): Timeline {
  const boundaries = [0];
  let elapsed = 0;
  for (const d of durations) {
    elapsed += d;
    boundaries.push(Math.round(elapsed * fps));
  }
  const sceneFrames = durations.map((_, i) => (boundaries[i + 1] ?? 0) - (boundaries[i] ?? 0));
  const shortest = Math.min(...sceneFrames);
  // A fade never eats more than half of the shortest scene.
  const fadeFrames = durations.length < 2 ? 0 : 2 * Math.max(0, Math.min(Math.round((fadeSeconds * fps) / 2), Math.floor(shortest / 4)));
  const half = fadeFrames / 2;
  const last = durations.length - 1;
  const segmentFrames = sceneFrames.map((frames, i) => frames + (i > 0 ? half : 0) + (i < last ? half : 0));
  const totalFrames = boundaries[boundaries.length - 1] ?? 0;
  return { fps, fadeFrames, segmentFrames, totalFrames, totalSeconds: totalFrames / fps };
}

/**
 * The animatic is rendered piece by piece, in order: a scene's body (only that scene on screen)
 * and the crossfade into the next scene. Pieces are rendered by short-lived ffmpeg processes and
 * piped as raw frames into one encoder. One filter graph for the whole film looks simpler, but
 * ffmpeg (5.x) runs every branch of it eagerly: every frame of every scene is computed up front and
 * queued, which took ~3 GB for 30 s of 1080p, and xfade touches every frame of both inputs.
 */
export type Piece =
  | { kind: "body"; scene: number; start: number; frames: number }
  | { kind: "fade"; from: number; to: number; start: number; frames: number };

/** The pieces in play order; their frames add up to the timeline's. */
export function planPieces(timeline: Timeline): Piece[] {
  const F = timeline.fadeFrames;
  const last = timeline.segmentFrames.length - 1;
  const pieces: Piece[] = [];
  timeline.segmentFrames.forEach((frames, i) => {
    const start = i > 0 ? F : 0;
    const end = i < last ? frames - F : frames;
    pieces.push({ kind: "body", scene: i, start, frames: end - start });
    if (i < last && F > 0) pieces.push({ kind: "fade", from: i, to: i + 1, start: frames - F, frames: F });
  });
  return pieces;
}

export type PieceScene = {
  /** The prepared still (JPEG) and its pixel size. */
  still: { file: string; width: number; height: number };
  /** Caption bar (RGBA PNG as wide as the video), when captions are on. */
  caption: string | null;
  motion: Motion;
};

const fmt = (n: number) => Number(n.toFixed(6)).toString();

/**
 * Frames [start, start + count) of a scene's segment: the still looped, converted once to the
 * video's colour space, then moved by the camera. Progress runs over the whole segment, so the
 * move continues seamlessly from one piece into the next.
 */
function sceneChain(input: number, scene: PieceScene, segmentFrames: number, start: number, count: number, size: Size, fps: number): string {
  const { width: W, height: H } = size;
  const progress = `((n+${start})/${Math.max(1, segmentFrames - 1)})`;
  const chain = [
    // Stills are sRGB; HD video is BT.709. Converting once here, not per frame.
    `[${input}:v]scale=out_color_matrix=bt709:out_range=tv,format=yuv420p`,
    `loop=loop=${count - 1}:size=1:start=0`,
    `settb=1/${fps}`,
    "setpts=N",
  ];
  const { motion } = scene;
  if (motion.kind === "zoom") {
    const z = `(${fmt(motion.from)}+${fmt(motion.to - motion.from)}*${progress})`;
    const w = `2*trunc(${W}*${z}/2)`;
    const h = `2*trunc(${H}*${z}/2)`;
    const maxZ = Math.max(motion.from, motion.to);
    // Scaling per frame to the zoomed size and cropping the centre is ~2x cheaper than zoompan and
    // moves in output pixels, not source pixels, so it jitters less. t is NaN while the graph is
    // configured: the link is then sized for the largest frame, otherwise crop would clamp the
    // centred offsets of larger frames to 0.
    chain.push(
      `scale=w='if(isnan(t),${even(W * maxZ + 2)},${w})':h='if(isnan(t),${even(H * maxZ + 2)},${h})':eval=frame:flags=bicubic`,
      `crop=${W}:${H}:x='(${w}-${W})/2':y='(${h}-${H})/2'`,
    );
  } else if (motion.kind === "drift") {
    const spanX = scene.still.width - W;
    const spanY = scene.still.height - H;
    const along = (span: number) => `${fmt(motion.from * span)}+${fmt((motion.to - motion.from) * span)}*${progress}`;
    const x = motion.axis === "x" ? along(spanX) : fmt(spanX / 2);
    const y = motion.axis === "y" ? along(spanY) : fmt(spanY / 2);
    // A window moving over a still prepared larger than the output: no rescaling per frame.
    chain.push(`crop=${W}:${H}:x='${x}':y='${y}':exact=1`);
  } else if (scene.still.width !== W || scene.still.height !== H) {
    chain.push(`scale=${W}:${H}`);
  }
  chain.push("setsar=1");
  return chain.join(",");
}

/** A caption bar converted once to yuva420p (left to overlay, it is converted on every frame). */
function captionOverlay(base: string, input: number, output: string, H: number, enable?: string): string {
  const when = enable ? `:enable='${enable}'` : "";
  return `[${input}:v]format=yuva420p[c${input}];[${base}][c${input}]overlay=x=0:y=${H}-h:eof_action=repeat:format=yuv420${when}[${output}]`;
}

/**
 * The ffmpeg inputs and filter graph rendering one piece; the graph's output is labelled [out].
 * A fade blends the outgoing scene's tail with the incoming head through an overlay whose alpha
 * fades in (cheaper than xfade), and its caption switches halfway instead of two lines blending.
 */
export function buildPieceGraph(
  piece: Piece,
  scenes: readonly PieceScene[],
  timeline: Timeline,
  size: Size,
): { inputs: string[]; graph: string } {
  const { fps, segmentFrames } = timeline;
  const H = size.height;
  if (piece.kind === "body") {
    const scene = scenes[piece.scene] as PieceScene;
    const inputs = [scene.still.file];
    const chain = sceneChain(0, scene, segmentFrames[piece.scene] ?? piece.frames, piece.start, piece.frames, size, fps);
    if (!scene.caption) return { inputs, graph: `${chain},format=yuv420p[out]` };
    inputs.push(scene.caption);
    return { inputs, graph: `${chain}[k];${captionOverlay("k", 1, "out", H)}` };
  }

  const from = scenes[piece.from] as PieceScene;
  const to = scenes[piece.to] as PieceScene;
  const F = piece.frames;
  const inputs = [from.still.file, to.still.file];
  const parts = [
    `${sceneChain(0, from, segmentFrames[piece.from] ?? F, piece.start, F, size, fps)}[a]`,
    `${sceneChain(1, to, segmentFrames[piece.to] ?? F, 0, F, size, fps)},format=yuva420p,fade=t=in:s=0:n=${F}:alpha=1[b]`,
    "[a][b]overlay=format=yuv420:shortest=1[m]",
  ];
  if (from.caption && to.caption) {
    inputs.push(from.caption, to.caption);
    parts.push(captionOverlay("m", 2, "m2", H, `lt(n,${Math.floor(F / 2)})`));
    parts.push(captionOverlay("m2", 3, "out", H, `gte(n,${Math.floor(F / 2)})`));
  } else {
    parts.push("[m]format=yuv420p[out]");
  }
  return { inputs, graph: parts.join(";") };
}
