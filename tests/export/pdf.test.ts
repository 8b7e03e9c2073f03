import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PDF_LAYOUTS, pageCount } from "@/lib/export/pdf-layout";
import { renderStoryboardPdf } from "@/lib/export/pdf";
import { FIXTURE_NOW, type Fixture, buildStoryboard } from "@/tests/export/fixtures";
import { warnIfMissing } from "@/tests/helpers/missing-tool";

const run = promisify(execFile);
const hasPdftotext = warnIfMissing(
  await run("pdftotext", ["-v"]).then(
    () => true,
    () => false,
  ),
  "pdftotext",
  "the PDF text checks in tests/export/pdf.test.ts",
  "poppler-utils",
);

let fifty: Fixture;
let dir: string;

beforeAll(async () => {
  fifty = await buildStoryboard({ scenes: 50, missing: [2, 17] });
  dir = await mkdtemp(path.join(os.tmpdir(), "storyframe-pdf-test-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function withScenes(fixture: Fixture, count: number): Fixture {
  return { ...fixture, sb: { ...fixture.sb, scenes: fixture.sb.scenes.slice(0, count) } };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, bytes);
  const { stdout } = await run("pdftotext", [file, "-"], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Widths of the images embedded in a PDF. */
async function imageWidths(bytes: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes);
  const widths: number[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of("Subtype")) === PDFName.of("Image")) {
      const width = object.dict.get(PDFName.of("Width"));
      if (width instanceof PDFNumber) widths.push(width.asNumber());
    }
  }
  return widths;
}

describe("renderStoryboardPdf", () => {
  it.each(PDF_LAYOUTS.flatMap((layout) => [1, 6, 10, 50].map((scenes) => [layout, scenes] as const)))(
    "%s with %i scenes has a cover and the right number of panel pages",
    async (layout, scenes) => {
      const bytes = await renderStoryboardPdf(withScenes(fifty, scenes).sb, fifty.read, { layout, now: FIXTURE_NOW });
      const doc = await PDFDocument.load(bytes);
      const expected = { "grid-2x3": 1 + Math.ceil(scenes / 6), "grid-3x3": 1 + Math.ceil(scenes / 9), single: 1 + scenes }[layout];
      expect(doc.getPageCount()).toBe(expected);
      expect(pageCount(layout, scenes)).toBe(expected);
      const [width, height] = [doc.getPage(1).getWidth(), doc.getPage(1).getHeight()];
      if (layout === "grid-3x3") expect(height).toBeGreaterThan(width);
      else expect(width).toBeGreaterThan(height);
      expect(doc.getTitle()).toBe(fifty.sb.title);
    },
    60_000,
  );

  it.skipIf(!hasPdftotext)("prints the title, facts, scene text, placeholders and page numbers (pdftotext)", async () => {
    const fixture = withScenes(fifty, 10);
    const bytes = await renderStoryboardPdf(fixture.sb, fixture.read, { now: FIXTURE_NOW });
    const text = (await pdfText(bytes)).replace(/\s+/g, " ");
    expect(text).toContain("The Keeper of Gull Rock");
    expect(text).toContain(fixture.sb.logline ?? "");
    expect(text).toContain("Pencil sketch");
    expect(text).toContain("0:30");
    expect(text).toContain("6 March 2026");
    expect(text).toContain("Frame not generated yet");
    // "1 / 3": pdftotext may drop the narrow spaces around the slash.
    expect(text).toMatch(/\b1 ?\/ ?3\b/);
    expect(text).toMatch(/\b3 ?\/ ?3\b/);
    expect(text).toContain("Close-up · Dolly in");
    for (const scene of fixture.sb.scenes.slice(0, 4)) {
      // Descriptions wrap across lines; the opening words are on one line.
      expect(text).toContain(scene.description.split(" ").slice(0, 5).join(" "));
    }
  });

  it.skipIf(!hasPdftotext)("truncates text that overflows a panel with an ellipsis", async () => {
    const fixture = await buildStoryboard({ scenes: 1 });
    const scene = fixture.sb.scenes[0]!;
    scene.description = `${"word ".repeat(300)}LAST-WORD`;
    scene.notes = "🚀 emoji and 日本語 are replaced, never drawn as boxes";
    const bytes = await renderStoryboardPdf(fixture.sb, fixture.read, { layout: "grid-3x3", now: FIXTURE_NOW });
    const text = await pdfText(bytes);
    expect(text).toContain("…");
    expect(text).not.toContain("LAST-WORD");
  });

  it("downscales frames to what the panel needs and keeps files small", async () => {
    const big = await buildStoryboard({ scenes: 6, frameWidth: 1344 });
    const bytes = await renderStoryboardPdf(big.sb, big.read, { layout: "grid-2x3", now: FIXTURE_NOW });
    const widths = await imageWidths(bytes);
    // Six panels plus the cover image; a 2×3 panel is ~3.4 in wide → ~680 px at 200 dpi.
    expect(widths).toHaveLength(7);
    expect(Math.max(...widths.slice(0, 6))).toBeLessThan(1344);
    expect(widths.filter((w) => w > 600 && w < 760)).toHaveLength(6);
    expect(bytes.byteLength).toBeLessThan(1_000_000);
  });

  it("draws a placeholder when a stored frame cannot be read", async () => {
    const fixture = await buildStoryboard({ scenes: 2 });
    const broken: Fixture["read"] = async (key) => {
      if (key.includes("scene-1")) throw new Error("gone");
      return fixture.read(key);
    };
    const bytes = await renderStoryboardPdf(fixture.sb, broken, { now: FIXTURE_NOW });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
    if (hasPdftotext) expect(await pdfText(bytes)).toContain("Frame could not be read");
  });

  it("renders every aspect ratio", async () => {
    for (const aspectRatio of ["9:16", "1:1", "4:3", "2.39:1"] as const) {
      const fixture = await buildStoryboard({ scenes: 2, aspectRatio });
      for (const layout of PDF_LAYOUTS) {
        const bytes = await renderStoryboardPdf(fixture.sb, fixture.read, { layout, now: FIXTURE_NOW });
        expect((await PDFDocument.load(bytes)).getPageCount()).toBe(pageCount(layout, 2));
      }
    }
  }, 60_000);

  it("embeds only the glyphs it uses", async () => {
    const fixture = await buildStoryboard({ scenes: 1, missing: [1] });
    const bytes = await renderStoryboardPdf(fixture.sb, fixture.read, { now: FIXTURE_NOW });
    // The three Geist files weigh ~400 KB; subsets of the used glyphs are a small fraction.
    expect(bytes.byteLength).toBeLessThan(80_000);
  });
});

describe("credits for the artwork", () => {
  it.skipIf(!hasPdftotext)("prints the icons' attribution on the cover when the frames carry CC BY art", async () => {
    const fixture = await buildStoryboard({ scenes: 3 });
    const credits = ["Icons made by Delapouite, Lorc from game-icons.net, CC BY 3.0.", "Material Design Icons by Pictogrammers, Apache-2.0."];
    const text = await pdfText(await renderStoryboardPdf({ ...fixture.sb, credits }, fixture.read, { now: FIXTURE_NOW }));
    expect(text.replace(/\s+/g, " ")).toContain("Icons made by Delapouite, Lorc from game-icons.net, CC BY 3.0.");
    expect(text.replace(/\s+/g, " ")).toContain("Material Design Icons by Pictogrammers, Apache-2.0.");
    const none = await pdfText(await renderStoryboardPdf(fixture.sb, fixture.read, { now: FIXTURE_NOW }));
    expect(none).not.toContain("CC BY");
  });
});
