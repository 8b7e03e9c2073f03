import { composeDiagramFrame } from "./diagrams/compose-diagram-frame";
import { lookInks, lookSpecOf } from "./looks/look-spec";
import type { AspectRatio, CameraMove, ShotType } from "@/lib/planner/schema";
import { OUTPUT_SIZES, type ImageInput } from "@/lib/providers/types";
import { drawCameraMove } from "./camera-arrows";
import { makeInks, type Inks } from "./inks";
import { fmt, Pen, type Pt, type Rect } from "./pen";
import { createRng, hashString } from "./rng";
import type { Ctx } from "./shot-kit";
import { closeUp, extremeCloseUp, insert, overTheShoulder, pov } from "./shots-close";
import { mediumShot, wideShot } from "./shots-wide";
import { readSceneWords, type SceneWords } from "./words";

// Lays out one storyboard panel: framing from the shot type, the world from the scene's words,
// the camera move on top. Pure: the same input always composes the same SVG string.

export type FrameLayout = {
  width: number;
  height: number;
  /** The drawing, inside the border. */
  panel: Rect;
  /** The caption strip under the panel. */
  strip: Rect;
  /** 1/100 of the panel's geometric mean side: line widths and small sizes scale with it. */
  u: number;
};

export function frameLayout(aspectRatio: AspectRatio): FrameLayout {
  const { width, height } = OUTPUT_SIZES[aspectRatio];
  const short = Math.min(width, height);
  const m = Math.round(short * 0.03);
  const ch = Math.round(Math.min(72, Math.max(36, short * 0.066)));
  const panel: Rect = { x: m, y: m, w: width - 2 * m, h: height - 2 * m - ch };
  return {
    width,
    height,
    panel,
    strip: { x: m, y: m + panel.h, w: panel.w, h: ch },
    u: Math.sqrt(panel.w * panel.h) / 100,
  };
}

export type SketchScene = {
  words: SceneWords;
  shot: ShotType;
  move: CameraMove;
  accent: string | undefined;
  seed: number;
};

/** What the renderer reads from an input, with the defaults for a scene-less prompt. */
export function sketchSceneOf(input: ImageInput): SketchScene {
  const sc = input.scene;
  const description = sc?.description ?? input.prompt;
  const words = readSceneWords(description, sc ? input.prompt : "", sc?.characters ?? []);
  const shot: ShotType = sc?.shotType ?? "medium";
  const move: CameraMove = sc?.cameraMove ?? "static";
  const seed = hashString([sc?.number ?? 0, description, shot, move, input.prompt].join("\u0001"), input.seed >>> 0);
  return { words, shot, move, accent: sc?.style.palette[0], seed };
}

export type ComposedFrame = {
  /** SVG markup of the whole frame except caption text. */
  svg: string;
  /** Centre of attention, px (dolly frames centre on it). */
  focus: Pt;
};

export function composeFrame(input: ImageInput, layout: FrameLayout, captionSvg = ""): ComposedFrame {
  // An explainer's diagram scene is a chart on a clean sheet, not a shot of a place.
  if (input.scene?.diagram) return composeDiagramFrame(input, input.scene.diagram, layout, captionSvg);
  const scene = sketchSceneOf(input);
  const rng = createRng(scene.seed);
  const inks = lookInks(makeInks(layout.u, scene.accent), lookSpecOf(input.scene?.style.preset));
  const pen = new Pen(rng.fork("pen"), layout.u);
  const { panel } = layout;
  const ctx: Ctx = {
    pen,
    inks,
    panel,
    u: layout.u,
    rng: rng.fork("layout"),
    words: scene.words,
    shot: scene.shot,
    night: scene.words.time === "night",
  };

  pen.def(`<clipPath id="panel"><rect x="${fmt(panel.x)}" y="${fmt(panel.y)}" width="${fmt(panel.w)}" height="${fmt(panel.h)}"/></clipPath>`);
  pen.raw(`<g clip-path="url(#panel)">`);
  const focus = drawShot(ctx);
  if (scene.words.rain) rain(ctx);
  drawCameraMove(pen, inks, panel, scene.move, scene.words.direction, focus);
  pen.raw(`</g>`);
  border(pen, inks, panel);

  const body = pen.toString();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<rect width="100%" height="100%" fill="${inks.paper}"/>` +
    body +
    captionSvg +
    `</svg>`;
  return { svg, focus };
}

function border(pen: Pen, inks: Inks, p: Rect): void {
  const corners: Pt[] = [
    [p.x, p.y],
    [p.x + p.w, p.y],
    [p.x + p.w, p.y + p.h],
    [p.x, p.y + p.h],
  ];
  pen.poly(corners, inks.bold, true);
}

function rain(c: Ctx): void {
  let d = "";
  const r = c.rng.fork("rain");
  for (let i = 0; i < 160; i++) {
    const x = c.panel.x + r.next() * c.panel.w;
    const y = c.panel.y + r.next() * c.panel.h;
    const l = c.u * r.range(1.5, 3.5);
    d += `M${fmt(x)} ${fmt(y)}l${fmt(-l * 0.25)} ${fmt(l)}`;
  }
  c.pen.strokePath(d, { ...c.inks.faint, opacity: 0.45 });
}

function drawShot(c: Ctx): Pt {
  switch (c.shot) {
    case "extreme-wide":
      return wideShot(c, true);
    case "wide":
      return wideShot(c, false);
    case "medium":
      return mediumShot(c);
    case "close-up":
      return closeUp(c);
    case "extreme-close-up":
      return extremeCloseUp(c);
    case "over-the-shoulder":
      return overTheShoulder(c);
    case "pov":
      return pov(c);
    case "insert":
      return insert(c);
  }
}
