import "server-only";

import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from "pdf-lib";
import sharp from "sharp";

import { loadFont } from "@/lib/export/fonts";
import { readFrameForRender } from "@/lib/export/frame-source";
import pMap from "p-map";
import {
  aspectValue,
  cameraLabel,
  formatClock,
  formatDate,
  formatSeconds,
  sceneNumber,
  shotLabel,
  styleLabel,
} from "@/lib/export/labels";
import {
  type Box,
  type PageGeometry,
  type Paper,
  type PdfLayout,
  fitTopLeft,
  gridCells,
  gridPanelBoxes,
  pageCount,
  pageGeometry,
  panelsPerPage,
  pixelsFor,
  singlePanelBoxes,
} from "@/lib/export/pdf-layout";
import { orderedScenes, runningTime } from "@/lib/export/scenes";
import { fitLine, fitText, shareLines } from "@/lib/export/text-layout";
import type { ExportScene, ExportStoryboard, ReadObject } from "@/lib/export/types";

export type { PdfLayout } from "@/lib/export/pdf-layout";

export type PdfOptions = {
  layout?: PdfLayout;
  paper?: Paper;
  /** The date printed on the cover (the export date). */
  now?: Date;
};

const INK = rgb(0.07, 0.09, 0.15); // #111827
const BODY = rgb(0.22, 0.25, 0.32); // #374151
const MUTED = rgb(0.42, 0.45, 0.5); // #6b7280
const FAINT = rgb(0.61, 0.64, 0.69); // #9ca3af
const RULE = rgb(0.82, 0.84, 0.86); // #d1d5db
const WASH = rgb(0.95, 0.96, 0.965); // #f3f4f6

const JPEG_QUALITY = 85;
const IMAGE_DPI = 200;

type Fonts = { regular: PDFFont; semibold: PDFFont; mono: PDFFont };

/** A frame ready to draw, or why there is none. */
type PanelImage = { image: PDFImage } | { missing: "not-generated" | "unreadable" };

const PLACEHOLDER_LABEL = {
  "not-generated": "Frame not generated yet",
  unreadable: "Frame could not be read",
} as const;

/**
 * The storyboard as a printable PDF: a cover, then the scenes as panels (2×3 landscape, 3×3
 * portrait, or one per landscape page), each with its frame, shot, camera, timing and text.
 */
export async function renderStoryboardPdf(
  sb: ExportStoryboard,
  read: ReadObject,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const layout = options.layout ?? "grid-2x3";
  const now = options.now ?? new Date();
  const geometry = pageGeometry(layout, options.paper ?? "a4");
  const scenes = orderedScenes(sb);
  const aspect = aspectValue(sb.aspectRatio);

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, semibold, mono] = await Promise.all([
    loadFont("regular"),
    loadFont("semibold"),
    loadFont("mono"),
  ]);
  const fonts: Fonts = {
    regular: await doc.embedFont(regular, { subset: true }),
    semibold: await doc.embedFont(semibold, { subset: true }),
    mono: await doc.embedFont(mono, { subset: true }),
  };

  doc.setTitle(sb.title, { showInWindowTitleBar: true });
  if (sb.logline) doc.setSubject(sb.logline);
  doc.setCreator("Storyframe");
  doc.setProducer("Storyframe");
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  // Every panel on a page has the same frame box, so one pixel size serves all of them.
  const panelFrame = samplePanelFrame(layout, geometry, aspect);
  const pixelWidth = pixelsFor(panelFrame.width, IMAGE_DPI);
  const pixelHeight = pixelsFor(panelFrame.height, IMAGE_DPI);
  // Two at a time: sharp already uses the cores, and only the small JPEGs are kept.
  const jpegs = await pMap(scenes, (scene) => frameJpeg(scene, read, pixelWidth, pixelHeight), { concurrency: 2 });
  const images: PanelImage[] = [];
  for (const jpeg of jpegs) {
    images.push("missing" in jpeg ? jpeg : { image: await doc.embedJpg(jpeg.bytes) });
  }

  const totalPages = pageCount(layout, scenes.length);
  const starts = startTimes(scenes);
  const cover = doc.addPage([geometry.width, geometry.height]);
  await drawCover(doc, cover, geometry, sb, scenes, read, fonts, now);
  drawFooter(cover, geometry, fonts, sb.title, 1, totalPages, null);
  drawCredits(cover, geometry, fonts, sb.credits ?? []);

  const perPage = panelsPerPage(layout);
  for (let first = 0, pageNo = 2; first < scenes.length; first += perPage, pageNo++) {
    const page = doc.addPage([geometry.width, geometry.height]);
    const last = Math.min(first + perPage, scenes.length);
    for (let i = first; i < last; i++) {
      const scene = scenes[i] as ExportScene;
      const panel: PanelContext = {
        scene,
        number: sceneNumber(i + 1, scenes.length),
        start: starts[i] ?? 0,
        image: images[i] ?? { missing: "not-generated" },
        aspect,
      };
      if (layout === "single") drawSinglePanel(page, geometry, panel, fonts, scenes.length);
      else drawGridPanel(page, layout, gridCells(layout, geometry)[i - first] as Box, panel, fonts);
    }
    const range = last - first === 1 ? `Scene ${first + 1} of ${scenes.length}` : `Scenes ${first + 1}–${last} of ${scenes.length}`;
    drawFooter(page, geometry, fonts, sb.title, pageNo, totalPages, range);
  }

  return doc.save();
}

type PanelContext = {
  scene: ExportScene;
  number: string;
  start: number;
  image: PanelImage;
  aspect: number;
};

function samplePanelFrame(layout: PdfLayout, geometry: PageGeometry, aspect: number): Box {
  if (layout === "single") return singlePanelBoxes(geometry, aspect).frame;
  return gridPanelBoxes(layout, gridCells(layout, geometry)[0] as Box, aspect).frame;
}

function startTimes(scenes: ExportScene[]): number[] {
  let t = 0;
  return scenes.map((s) => {
    const start = t;
    t += s.durationSeconds;
    return start;
  });
}

async function frameJpeg(
  scene: ExportScene,
  read: ReadObject,
  width: number,
  height: number,
): Promise<{ bytes: Buffer } | { missing: "not-generated" | "unreadable" }> {
  if (!scene.frame) return { missing: "not-generated" };
  const source = await readFrameForRender(scene.frame, read, Math.max(width, height));
  if (!source) return { missing: "unreadable" };
  try {
    return { bytes: await coverJpeg(source, width, height) };
  } catch {
    return { missing: "unreadable" };
  }
}

/**
 * Crops to the box's aspect and downscales to the pixels the box needs; never upscales, since
 * that adds bytes and no detail.
 */
async function coverJpeg(source: Buffer, width: number, height: number): Promise<Buffer> {
  const image = sharp(source, { failOn: "none" }).rotate();
  const meta = await image.metadata();
  const sourceWidth = meta.autoOrient?.width ?? meta.width;
  const sourceHeight = meta.autoOrient?.height ?? meta.height;
  if (!sourceWidth || !sourceHeight) throw new Error("image has no size");
  const aspect = width / height;
  const cropWidth = Math.min(sourceWidth, sourceHeight * aspect);
  const outWidth = Math.max(1, Math.round(Math.min(width, cropWidth)));
  const outHeight = Math.max(1, Math.round(outWidth / aspect));
  return image
    .resize(outWidth, outHeight, { fit: "cover", position: "centre" })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Drawing

const charsets = new WeakMap<PDFFont, Set<number>>();

/**
 * Text the font can draw. A missing glyph would print as a box and measure wrongly, spilling into
 * the next column: emoji are dropped, anything else the font lacks (CJK, Greek…) becomes "?".
 */
function drawable(font: PDFFont, value: string): string {
  let charset = charsets.get(font);
  if (!charset) {
    charset = new Set(font.getCharacterSet());
    charsets.set(font, charset);
  }
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (charset.has(code)) out += ch;
    else if (/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0e\ufe0f]/u.test(ch)) continue;
    else out += "?";
  }
  return out;
}

function widthOf(font: PDFFont, value: string, size: number): number {
  return font.widthOfTextAtSize(drawable(font, value), size);
}

function text(page: PDFPage, value: string, x: number, y: number, font: PDFFont, size: number, color = INK): void {
  const shown = drawable(font, value);
  if (shown) page.drawText(shown, { x, y, font, size, color });
}

function rule(page: PDFPage, x1: number, x2: number, y: number, thickness = 0.5, color = RULE): void {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
}

/** Draws lines from a top edge; returns the y below the last line. */
function lines(page: PDFPage, values: string[], x: number, top: number, font: PDFFont, size: number, leading: number, color = INK): number {
  let baseline = top - size * 0.93;
  for (const value of values) {
    text(page, value, x, baseline, font, size, color);
    baseline -= leading;
  }
  return top - values.length * leading;
}

function drawFrame(page: PDFPage, box: Box, image: PanelImage, fonts: Fonts, labelSize: number): void {
  if ("image" in image) {
    page.drawImage(image.image, box);
    page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.5 });
    return;
  }
  page.drawRectangle({ ...box, color: WASH, borderColor: RULE, borderWidth: 0.75, borderDashArray: [3, 2] });
  const label = fitLine(PLACEHOLDER_LABEL[image.missing], (t) => widthOf(fonts.regular, t, labelSize), box.width - 8);
  const width = widthOf(fonts.regular, label, labelSize);
  text(page, label, box.x + (box.width - width) / 2, box.y + box.height / 2 - labelSize * 0.35, fonts.regular, labelSize, MUTED);
}

function drawFooter(
  page: PDFPage,
  geometry: PageGeometry,
  fonts: Fonts,
  title: string,
  pageNo: number,
  totalPages: number,
  range: string | null,
): void {
  const { content } = geometry;
  const size = 7.5;
  rule(page, content.x, content.x + content.width, geometry.footerRuleY);
  const pageLabel = `${pageNo} / ${totalPages}`;
  const pageWidth = widthOf(fonts.regular, pageLabel, size);
  text(page, pageLabel, content.x + content.width - pageWidth, geometry.footerBaseline, fonts.regular, size, MUTED);
  const rangeWidth = range ? widthOf(fonts.regular, range, size) : 0;
  if (range) {
    text(page, range, content.x + (content.width - rangeWidth) / 2, geometry.footerBaseline, fonts.regular, size, FAINT);
  }
  const titleRoom = content.width / 2 - rangeWidth / 2 - 16;
  const shortTitle = fitLine(title, (t) => widthOf(fonts.semibold, t, size), titleRoom);
  text(page, shortTitle, content.x, geometry.footerBaseline, fonts.semibold, size, BODY);
}

/** The artwork's attribution (CC BY icons), in small print just above the cover's footer rule. */
function drawCredits(page: PDFPage, geometry: PageGeometry, fonts: Fonts, lines: readonly string[]): void {
  const { content } = geometry;
  const size = 6.5;
  [...lines].reverse().forEach((line, i) => {
    const shown = fitLine(line, (t) => widthOf(fonts.regular, t, size), content.width);
    text(page, shown, content.x, geometry.footerRuleY + 6 + i * (size * 1.4), fonts.regular, size, FAINT);
  });
}

/**
 * "03  Wide · Dolly in" on the left, "0:06 · 3 s" on the right; in a narrow column the shot moves
 * to a second line rather than being cut. Returns the height used.
 */
function drawMetaLine(page: PDFPage, panel: PanelContext, box: Box, top: number, fonts: Fonts, size: number): number {
  const baseline = top - size * 0.93;
  const numberSize = size + 1;
  text(page, panel.number, box.x, baseline, fonts.semibold, numberSize, INK);
  const numberWidth = widthOf(fonts.semibold, panel.number, numberSize) + size * 0.8;
  const timing = `${formatClock(panel.start)} · ${formatSeconds(panel.scene.durationSeconds)}`;
  const timingWidth = widthOf(fonts.regular, timing, size);
  text(page, timing, box.x + box.width - timingWidth, baseline, fonts.regular, size, MUTED);
  const shot = `${shotLabel(panel.scene.shotType)} · ${cameraLabel(panel.scene.cameraMove)}`;
  const measure = (t: string) => widthOf(fonts.regular, t, size);
  const shotRoom = box.width - numberWidth - timingWidth - size;
  const lineHeight = size * 1.3;
  if (measure(shot) <= shotRoom) {
    text(page, shot, box.x + numberWidth, baseline, fonts.regular, size, BODY);
    return lineHeight;
  }
  text(page, fitLine(shot, measure, box.width), box.x, baseline - lineHeight, fonts.regular, size, BODY);
  return lineHeight * 2;
}

type TextBlock = { value: string; font: PDFFont; size: number; color: ReturnType<typeof rgb>; minLines: number };

function sceneBlocks(scene: ExportScene, fonts: Fonts, size: number): TextBlock[] {
  const blocks: TextBlock[] = [{ value: scene.description, font: fonts.regular, size, color: INK, minLines: 2 }];
  if (scene.dialogue?.trim()) {
    blocks.push({ value: `“${scene.dialogue.trim()}”`, font: fonts.mono, size: size - 0.5, color: BODY, minLines: 1 });
  }
  if (scene.notes?.trim()) {
    blocks.push({ value: `Notes: ${scene.notes.trim()}`, font: fonts.regular, size: size - 0.5, color: MUTED, minLines: 1 });
  }
  return blocks;
}

/** Description, dialogue and notes share the lines the box has; each is cut with "…" if it must be. */
function drawBlocks(page: PDFPage, blocks: TextBlock[], box: Box, top: number, leading: number, blockGap: number): void {
  const room = top - box.y - blockGap * (blocks.length - 1);
  const available = Math.max(0, Math.floor(room / leading));
  const wrapped = blocks.map((b) => fitText(b.value, (t) => widthOf(b.font, t, b.size), box.width, 10_000));
  const share = shareLines(
    wrapped.map((w) => w.length),
    blocks.map((b) => b.minLines),
    available,
  );
  let y = top;
  blocks.forEach((block, i) => {
    const count = share[i] ?? 0;
    if (count === 0) return;
    const fitted = fitText(block.value, (t) => widthOf(block.font, t, block.size), box.width, count);
    y = lines(page, fitted, box.x, y, block.font, block.size, leading, block.color) - blockGap;
  });
}

function drawGridPanel(page: PDFPage, layout: Exclude<PdfLayout, "single">, cell: Box, panel: PanelContext, fonts: Fonts): void {
  const compact = layout === "grid-3x3";
  const size = compact ? 7 : 8;
  const leading = size * 1.32;
  const boxes = gridPanelBoxes(layout, cell, panel.aspect);
  drawFrame(page, boxes.frame, panel.image, fonts, compact ? 6.5 : 7.5);
  const top = boxes.text.y + boxes.text.height;
  const metaHeight = drawMetaLine(page, panel, boxes.text, top, fonts, size) + 5;
  rule(page, boxes.text.x, boxes.text.x + boxes.text.width, top - metaHeight + 2.5, 0.4);
  drawBlocks(page, sceneBlocks(panel.scene, fonts, size + 0.5), boxes.text, top - metaHeight - 1, leading + 0.5, size * 0.45);
}

function drawSinglePanel(page: PDFPage, geometry: PageGeometry, panel: PanelContext, fonts: Fonts, sceneCount: number): void {
  const boxes = singlePanelBoxes(geometry, panel.aspect);
  const { header } = boxes;
  const top = header.y + header.height;

  text(page, panel.number, header.x, top - 20, fonts.semibold, 22, INK);
  const numberWidth = widthOf(fonts.semibold, panel.number, 22);
  text(page, `of ${sceneNumber(sceneCount, sceneCount)}`, header.x + numberWidth + 6, top - 20, fonts.regular, 10, FAINT);
  const shot = `${shotLabel(panel.scene.shotType)} · ${cameraLabel(panel.scene.cameraMove)}`;
  const shotX = header.x + numberWidth + 6 + widthOf(fonts.regular, `of ${sceneNumber(sceneCount, sceneCount)}`, 10) + 18;
  const end = panel.start + panel.scene.durationSeconds;
  const timing = `${formatClock(panel.start)} – ${formatClock(end)}  ·  ${formatSeconds(panel.scene.durationSeconds)}`;
  const timingWidth = widthOf(fonts.regular, timing, 11);
  text(page, timing, header.x + header.width - timingWidth, top - 19, fonts.regular, 11, MUTED);
  const shotText = fitLine(shot, (t) => widthOf(fonts.semibold, t, 12), header.x + header.width - timingWidth - 24 - shotX);
  text(page, shotText, shotX, top - 19, fonts.semibold, 12, BODY);
  rule(page, header.x, header.x + header.width, header.y + 10);

  drawFrame(page, boxes.frame, panel.image, fonts, 11);

  const size = 10.5;
  const sections: Section[] = [
    { label: "Description", weight: 2, block: { value: panel.scene.description, font: fonts.regular, size, color: INK, minLines: 3 } },
  ];
  if (panel.scene.dialogue?.trim()) {
    sections.push({
      label: "Dialogue",
      weight: 1.4,
      block: { value: panel.scene.dialogue.trim(), font: fonts.mono, size: size - 1, color: INK, minLines: 2 },
    });
  }
  if (panel.scene.notes?.trim()) {
    sections.push({
      label: "Notes",
      weight: 1.4,
      block: { value: panel.scene.notes.trim(), font: fonts.regular, size: size - 0.5, color: BODY, minLines: 2 },
    });
  }
  if (panel.scene.characters.length > 0) {
    sections.push({
      label: "Characters",
      weight: 1,
      block: { value: panel.scene.characters.join(", "), font: fonts.regular, size: size - 0.5, color: BODY, minLines: 1 },
    });
  }
  if (boxes.arrangement === "side") drawStackedSections(page, sections, boxes.text, fonts);
  else drawSectionColumns(page, sections, boxes.text, fonts);
}

type Section = { label: string; weight: number; block: TextBlock };

const SECTION = { labelSize: 7, labelHeight: 13, gap: 14, leading: 15 };

function drawSection(page: PDFPage, section: Section, x: number, top: number, width: number, lineCount: number, fonts: Fonts): number {
  const { block } = section;
  drawLabel(page, section.label.toUpperCase(), x, top - SECTION.labelSize, fonts.semibold, SECTION.labelSize);
  const fitted = fitText(block.value, (t) => widthOf(block.font, t, block.size), width, lineCount);
  return lines(page, fitted, x, top - SECTION.labelHeight, block.font, block.size, SECTION.leading, block.color);
}

/** One column, sections one under another, sharing its lines. */
function drawStackedSections(page: PDFPage, sections: Section[], box: Box, fonts: Fonts): void {
  const top = box.y + box.height;
  const room = box.height - sections.length * SECTION.labelHeight - (sections.length - 1) * SECTION.gap;
  const wrapped = sections.map(({ block }) => fitText(block.value, (t) => widthOf(block.font, t, block.size), box.width, 10_000));
  const share = shareLines(
    wrapped.map((w) => w.length),
    sections.map(({ block }) => block.minLines),
    Math.max(0, Math.floor(room / SECTION.leading)),
  );
  let y = top;
  sections.forEach((section, i) => {
    const count = share[i] ?? 0;
    if (count > 0) y = drawSection(page, section, box.x, y, box.width, count, fonts) - SECTION.gap;
  });
}

/** Side by side under a wide frame, widths by weight. */
function drawSectionColumns(page: PDFPage, sections: Section[], box: Box, fonts: Fonts): void {
  const gap = 20;
  const totalWeight = sections.reduce((sum, s) => sum + s.weight, 0);
  const usable = box.width - gap * (sections.length - 1);
  const lineCount = Math.max(1, Math.floor((box.height - SECTION.labelHeight) / SECTION.leading));
  let x = box.x;
  for (const section of sections) {
    const width = (usable * section.weight) / totalWeight;
    drawSection(page, section, x, box.y + box.height, width, lineCount, fonts);
    x += width + gap;
  }
}

/** Small spaced capitals, the way a printed form labels its fields. */
function drawLabel(page: PDFPage, value: string, x: number, baseline: number, font: PDFFont, size: number): void {
  let cursor = x;
  for (const ch of value) {
    text(page, ch, cursor, baseline, font, size, FAINT);
    cursor += widthOf(font, ch, size) + size * 0.12;
  }
}

async function drawCover(
  doc: PDFDocument,
  page: PDFPage,
  geometry: PageGeometry,
  sb: ExportStoryboard,
  scenes: ExportScene[],
  read: ReadObject,
  fonts: Fonts,
  now: Date,
): Promise<void> {
  const { content } = geometry;
  const landscape = geometry.width > geometry.height;
  const aspect = aspectValue(sb.aspectRatio);
  const textWidth = landscape ? content.width * 0.45 : content.width;

  const titleSize = 28;
  const titleLeading = titleSize * 1.15;
  const loglineSize = 12.5;
  const loglineLeading = 18;
  const factRow = 42;
  const titleLines = fitText(sb.title, (t) => widthOf(fonts.semibold, t, titleSize), textWidth, 3);
  const loglineLines = sb.logline?.trim()
    ? fitText(sb.logline, (t) => widthOf(fonts.regular, t, loglineSize), textWidth, 6)
    : [];
  const facts: Array<[string, string]> = [
    ["Style", styleLabel(sb.style)],
    ["Aspect ratio", sb.aspectRatio],
    ["Duration", formatClock(runningTime(scenes))],
    ["Scenes", String(scenes.length)],
    ["Date", formatDate(now)],
  ];
  const factColumns = 3;
  const textHeight =
    26 +
    titleLines.length * titleLeading +
    (loglineLines.length ? 14 + loglineLines.length * loglineLeading : 0) +
    30 +
    16 +
    Math.ceil(facts.length / factColumns) * factRow;

  // The first frame, if any, as the cover image: beside the text in landscape, below it in portrait.
  const first = scenes.find((s) => s.frame);
  const heroLimit: Box = landscape
    ? { x: 0, y: 0, width: content.width * 0.5, height: content.height * 0.8 }
    : { x: 0, y: 0, width: content.width, height: content.height - textHeight - 40 };
  const heroSize = first ? fitTopLeft(heroLimit, aspect) : null;
  const heroGap = 36;
  const blockHeight = landscape
    ? Math.max(textHeight, heroSize?.height ?? 0)
    : textHeight + (heroSize ? heroGap + heroSize.height : 0);
  const blockTop = Math.min(content.y + content.height, content.y + (content.height + blockHeight) / 2 + 12);

  const textTop = landscape ? blockTop - (blockHeight - textHeight) / 2 : blockTop;
  drawLabel(page, "STORYBOARD", content.x, textTop - 8, fonts.semibold, 8);
  let y = lines(page, titleLines, content.x, textTop - 26, fonts.semibold, titleSize, titleLeading, INK);
  if (loglineLines.length) y = lines(page, loglineLines, content.x, y - 14, fonts.regular, loglineSize, loglineLeading, BODY);
  y -= 30;
  rule(page, content.x, content.x + textWidth, y);
  const columnWidth = textWidth / factColumns;
  facts.forEach(([label, value], i) => {
    const x = content.x + (i % factColumns) * columnWidth;
    const rowTop = y - 16 - Math.floor(i / factColumns) * factRow;
    drawLabel(page, label.toUpperCase(), x, rowTop - 7, fonts.semibold, 7);
    const shown = fitLine(value, (t) => widthOf(fonts.regular, t, 12), columnWidth - 10);
    text(page, shown, x, rowTop - 24, fonts.regular, 12, INK);
  });

  if (!first?.frame || !heroSize) return;
  const heroBox: Box = landscape
    ? {
        x: content.x + content.width - heroSize.width,
        y: blockTop - (blockHeight + heroSize.height) / 2,
        width: heroSize.width,
        height: heroSize.height,
      }
    : { x: content.x, y: blockTop - textHeight - heroGap - heroSize.height, width: heroSize.width, height: heroSize.height };
  const jpeg = await frameJpeg(first, read, pixelsFor(heroBox.width, IMAGE_DPI), pixelsFor(heroBox.height, IMAGE_DPI));
  if ("missing" in jpeg) return;
  drawFrame(page, heroBox, { image: await doc.embedJpg(jpeg.bytes) }, fonts, 10);
}
