// Page geometry for the storyboard PDF, in PDF points with the origin at the bottom left. Pure, so
// the arithmetic is tested without drawing anything.

export const PDF_LAYOUTS = ["grid-2x3", "grid-3x3", "single"] as const;
export type PdfLayout = (typeof PDF_LAYOUTS)[number];

export const PAPERS = { a4: [595.28, 841.89], letter: [612, 792] } as const;
export type Paper = keyof typeof PAPERS;

export type Box = { x: number; y: number; width: number; height: number };

export type PageGeometry = {
  width: number;
  height: number;
  /** Where panels (or the cover) go. */
  content: Box;
  /** Baseline of the footer text and the height of the thin rule above it. */
  footerBaseline: number;
  footerRuleY: number;
};

type GridSpec = {
  orientation: "landscape" | "portrait";
  columns: number;
  rows: number;
  gutterX: number;
  gutterY: number;
  /** Room kept under a stacked frame for the meta line and a few lines of text. */
  minTextHeight: number;
};

const GRIDS: Record<Exclude<PdfLayout, "single">, GridSpec> = {
  "grid-2x3": { orientation: "landscape", columns: 3, rows: 2, gutterX: 22, gutterY: 24, minTextHeight: 84 },
  "grid-3x3": { orientation: "portrait", columns: 3, rows: 3, gutterX: 16, gutterY: 20, minTextHeight: 70 },
};

const MARGIN = { top: 40, side: 40, bottom: 52 };
const FRAME_TEXT_GAP = 8;
const SIDE_TEXT_MIN_WIDTH = 90;

export function orientationOf(layout: PdfLayout): "landscape" | "portrait" {
  return layout === "single" ? "landscape" : GRIDS[layout].orientation;
}

export function panelsPerPage(layout: PdfLayout): number {
  return layout === "single" ? 1 : GRIDS[layout].columns * GRIDS[layout].rows;
}

/** Cover plus as many panel pages as the scenes need. */
export function pageCount(layout: PdfLayout, sceneCount: number): number {
  return 1 + Math.ceil(sceneCount / panelsPerPage(layout));
}

export function pageGeometry(layout: PdfLayout, paper: Paper): PageGeometry {
  const [short, long] = PAPERS[paper];
  const landscape = orientationOf(layout) === "landscape";
  const width = landscape ? long : short;
  const height = landscape ? short : long;
  return {
    width,
    height,
    content: {
      x: MARGIN.side,
      y: MARGIN.bottom,
      width: width - 2 * MARGIN.side,
      height: height - MARGIN.top - MARGIN.bottom,
    },
    footerBaseline: 24,
    footerRuleY: 36,
  };
}

/** Grid cells of a panel page in reading order (left to right, top to bottom). */
export function gridCells(layout: Exclude<PdfLayout, "single">, page: PageGeometry): Box[] {
  const spec = GRIDS[layout];
  const { content } = page;
  const cellWidth = (content.width - spec.gutterX * (spec.columns - 1)) / spec.columns;
  const cellHeight = (content.height - spec.gutterY * (spec.rows - 1)) / spec.rows;
  const cells: Box[] = [];
  for (let row = 0; row < spec.rows; row++) {
    for (let column = 0; column < spec.columns; column++) {
      cells.push({
        x: content.x + column * (cellWidth + spec.gutterX),
        y: content.y + content.height - (row + 1) * cellHeight - row * spec.gutterY,
        width: cellWidth,
        height: cellHeight,
      });
    }
  }
  return cells;
}

export type PanelBoxes = { frame: Box; text: Box; arrangement: "stacked" | "side" };

/**
 * Frame and text areas inside a grid cell. Wide frames sit on top with the text below; tall frames
 * (9:16) would leave a stacked panel mostly empty, so they sit beside their text when it still has
 * a readable width.
 */
export function gridPanelBoxes(layout: Exclude<PdfLayout, "single">, cell: Box, aspect: number): PanelBoxes {
  const spec = GRIDS[layout];
  const maxFrameHeight = cell.height - spec.minTextHeight - FRAME_TEXT_GAP;
  const stackedWidth = Math.min(cell.width, maxFrameHeight * aspect);
  const sideWidth = cell.height * aspect;
  if (stackedWidth < cell.width * 0.6 && cell.width - sideWidth - FRAME_TEXT_GAP * 1.5 >= SIDE_TEXT_MIN_WIDTH) {
    const textX = cell.x + sideWidth + FRAME_TEXT_GAP * 1.5;
    return {
      arrangement: "side",
      frame: { x: cell.x, y: cell.y, width: sideWidth, height: cell.height },
      text: { x: textX, y: cell.y, width: cell.x + cell.width - textX, height: cell.height },
    };
  }
  const frameHeight = stackedWidth / aspect;
  const frameY = cell.y + cell.height - frameHeight;
  return {
    arrangement: "stacked",
    frame: { x: cell.x, y: frameY, width: stackedWidth, height: frameHeight },
    text: { x: cell.x, y: cell.y, width: cell.width, height: frameY - FRAME_TEXT_GAP - cell.y },
  };
}

export type SingleBoxes = {
  header: Box;
  frame: Box;
  /** "below": text in columns under a wide frame; "side": one text column beside a tall frame. */
  arrangement: "below" | "side";
  text: Box;
};

/**
 * 1-up presentation page: a header line, then the frame as large as it fits. Wide frames (16:9,
 * 2.39:1) leave a band below for text columns; narrower ones leave a column beside.
 */
export function singlePanelBoxes(page: PageGeometry, aspect: number): SingleBoxes {
  const { content } = page;
  const headerHeight = 44;
  const bodyTop = content.y + content.height - headerHeight;
  const bodyHeight = bodyTop - content.y;
  const header = { x: content.x, y: bodyTop, width: content.width, height: headerHeight };
  if (aspect >= 1.5) {
    const textBand = 118;
    const gap = 18;
    const frameWidth = Math.min(content.width, (bodyHeight - textBand - gap) * aspect);
    const frameHeight = frameWidth / aspect;
    const x = content.x + (content.width - frameWidth) / 2;
    const frameY = bodyTop - frameHeight;
    return {
      header: { ...header, x, width: frameWidth },
      arrangement: "below",
      frame: { x, y: frameY, width: frameWidth, height: frameHeight },
      text: { x, y: content.y, width: frameWidth, height: frameY - gap - content.y },
    };
  }
  const gap = 24;
  const minTextWidth = 220;
  const frameWidth = Math.min(content.width - minTextWidth - gap, bodyHeight * aspect);
  const frameHeight = frameWidth / aspect;
  const textX = content.x + frameWidth + gap;
  // Long lines are hard to read; a tall frame leaves more width than text needs.
  const maxTextWidth = 340;
  return {
    header,
    arrangement: "side",
    frame: { x: content.x, y: bodyTop - frameHeight, width: frameWidth, height: frameHeight },
    text: { x: textX, y: content.y, width: Math.min(maxTextWidth, content.x + content.width - textX), height: bodyHeight },
  };
}

/** The largest box of the given aspect inside `area`, aligned to its top left. */
export function fitTopLeft(area: Box, aspect: number): Box {
  const width = Math.min(area.width, area.height * aspect);
  const height = width / aspect;
  return { x: area.x, y: area.y + area.height - height, width, height };
}

/** Pixels for a box of `points` at the given resolution. */
export function pixelsFor(points: number, dpi = 200): number {
  return Math.max(1, Math.ceil((points / 72) * dpi));
}
