// Renders the eight idea storyboards of tests/providers/sketch/idea-boards.ts (ideas the renderer
// was not tuned for) and writes a contact sheet, each frame captioned with what it depicts:
//
//   npx tsx scripts/contact-sheet-ideas.ts            → docs/sketch-ideas-contact-sheet.png
//   npx tsx scripts/contact-sheet-ideas.ts --frames   → also every full-size frame under /tmp/sketch-ideas
//
// It also prints the depicts coverage: the share of scenes whose depicts covers every drawable
// noun of the description (a noun the index knows as a person, animal, thing or place).

import { spawnSync } from "node:child_process";

async function main(): Promise<void> {
  const [{ default: sharp }, { renderSketchFrame }, { IDEA_BOARDS, ideaInput }, { coverageOf }, fs] = await Promise.all([
    import("sharp"),
    import("@/lib/providers/sketch/render-sketch"),
    import("../tests/providers/sketch/idea-boards"),
    import("@/lib/providers/sketch/icons/coverage"),
    import("node:fs/promises"),
  ]);
  const writeFrames = process.argv.includes("--frames");
  const pad = 18;
  const thumbH = 230;
  const labelH = 26;
  const titleH = 38;
  const perRow = 6;
  const layers: { input: Buffer; left: number; top: number }[] = [];
  const label = (text: string, px: number, width: number) =>
    sharp({ text: { text: `<span foreground="#2c2b29">${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</span>`, font: `sans ${px}`, dpi: 72, rgba: true, width } }).png().toBuffer();
  let y = pad;
  let covered = 0;
  let total = 0;
  let width = 0;
  for (const b of IDEA_BOARDS) {
    layers.push({ input: await label(b.title, 22, 1800), left: pad, top: y + 6 });
    y += titleH;
    let x = pad;
    for (const scene of b.scenes) {
      const { png, depicts } = await renderSketchFrame(ideaInput(b, scene));
      const cov = coverageOf(scene, depicts);
      total++;
      if (cov.missing.length === 0) covered++;
      else console.log(`  ${b.title} #${scene.number}: not drawn ${cov.missing.join(", ")} (drew ${depicts.join(", ")})`);
      if (writeFrames) {
        await fs.mkdir("/tmp/sketch-ideas", { recursive: true });
        await fs.writeFile(`/tmp/sketch-ideas/${b.seed}-${scene.number}.png`, png);
      }
      const t = await sharp(png).resize({ height: thumbH }).png().toBuffer({ resolveWithObject: true });
      layers.push({ input: t.data, left: x, top: y });
      const text = `${scene.number} ${scene.shotType}: ${depicts.join(", ")}${cov.missing.length ? `  — not drawn: ${cov.missing.join(", ")}` : ""}`;
      layers.push({ input: await label(text.slice(0, 90), 13, t.info.width), left: x, top: y + thumbH + 4 });
      x += t.info.width + pad;
      width = Math.max(width, x);
    }
    y += thumbH + labelH + pad;
    void perRow;
  }
  await fs.mkdir("docs", { recursive: true });
  const file = "docs/sketch-ideas-contact-sheet.png";
  await sharp({ create: { width, height: y, channels: 3, background: "#e9e5db" } })
    .composite(layers)
    .png({ palette: true, quality: 90, effort: 8, colours: 128 })
    .toFile(file);
  console.log(`${file}; depicts covers the description's drawable nouns in ${covered}/${total} scenes (${((100 * covered) / total).toFixed(0)} %)`);
}

// The renderer imports "server-only", which only resolves to a no-op under the react-server
// condition; re-run ourselves with it so `npx tsx scripts/contact-sheet-ideas.ts` just works.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
