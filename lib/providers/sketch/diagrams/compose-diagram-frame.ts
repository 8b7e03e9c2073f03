import type { Diagram } from "@/lib/planner/schema";
import type { ImageInput } from "@/lib/providers/types";
import { drawCameraMove } from "../camera-arrows";
import type { ComposedFrame, FrameLayout } from "../compose-frame";
import { makeInks } from "../inks";
import { lookInks, lookSpecOf } from "../looks/look-spec";
import { fmt, Pen, type Pt } from "../pen";
import { createRng, hashString } from "../rng";
import { diagramIcons } from "./diagram-icons";
import { drawDiagram, type DrawnDiagram } from "./draw-diagram";
import { diagramDepicts } from "./format";

// The frame of a diagram scene: the same panel, border, camera move and look as every frame,
// with the chart where the shot would be. Kept apart from composeFrame so the chart never
// pays for reading the scene's words, and composeFrame only needs one line to hand over.

export type DiagramFrame = ComposedFrame & { depicts: string[]; diagram: DrawnDiagram };

/** `icons: false` draws the bare chart (for comparison in tests; the renderer always draws them). */
export function composeDiagramFrame(input: ImageInput, d: Diagram, layout: FrameLayout, captionSvg = "", opts: { icons?: boolean } = {}): DiagramFrame {
  const sc = input.scene;
  const seed = hashString([sc?.number ?? 0, "diagram", d.kind, d.title, d.labels.join("|"), input.prompt].join("\u0001"), input.seed >>> 0);
  const rng = createRng(seed);
  const inks = lookInks(makeInks(layout.u, sc?.style.palette[0]), lookSpecOf(sc?.style.preset));
  const pen = new Pen(rng.fork("pen"), layout.u);
  const { panel } = layout;
  pen.def(`<clipPath id="panel"><rect x="${fmt(panel.x)}" y="${fmt(panel.y)}" width="${fmt(panel.w)}" height="${fmt(panel.h)}"/></clipPath>`);
  pen.raw(`<g clip-path="url(#panel)">`);
  // The things its labels and the scene's description name, drawn inside the chart.
  const icons = opts.icons === false ? { perLabel: [], extras: [] } : diagramIcons(d, sc?.description ?? "");
  const diagram = drawDiagram({ pen, inks, panel, u: layout.u, rng: rng.fork("diagram") }, d, icons);
  drawCameraMove(pen, inks, panel, sc?.cameraMove ?? "static", null, diagram.focus);
  pen.raw(`</g>`);
  const corners: Pt[] = [
    [panel.x, panel.y],
    [panel.x + panel.w, panel.y],
    [panel.x + panel.w, panel.y + panel.h],
    [panel.x, panel.y + panel.h],
  ];
  pen.poly(corners, inks.bold, true);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<rect width="100%" height="100%" fill="${inks.paper}"/>` +
    pen.toString() +
    captionSvg +
    `</svg>`;
  return { svg, focus: diagram.focus, depicts: [...new Set([...diagramDepicts(d), ...diagram.icons.map((i) => i.noun)])], diagram };
}

/** The drawn diagram of a composed frame, when it was a diagram scene's. */
export function diagramOf(frame: ComposedFrame): DrawnDiagram | undefined {
  return "diagram" in frame ? (frame as DiagramFrame).diagram : undefined;
}
