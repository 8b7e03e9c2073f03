// The no-keys product end to end on eight corpus ideas (tests/planner/corpus.ts): each idea is
// planned by the embedded planner and each scene drawn by the sketch renderer, captioned with the
// plan's description and what the frame depicts — the picture a new user meets first.
//
//   npx tsx scripts/contact-sheet-corpus.ts   → docs/sketch-corpus-contact-sheet.png

import { spawnSync } from "node:child_process";

const IDEAS = ["story-lighthouse-keeper", "ad-cargo-bike", "story-aldar-kose", "story-rival-chefs", "explainer-compound", "story-nurse", "story-fox", "es-faro"];

async function main(): Promise<void> {
  const [{ default: sharp }, { renderSketchFrame }, { planEmbedded }, { planRequestSchema }, { CORPUS }, { planSceneInput }] = await Promise.all([
    import("sharp"),
    import("@/lib/providers/sketch/render-sketch"),
    import("@/lib/planner/embedded/plan-embedded"),
    import("@/lib/planner/schema"),
    import("../tests/planner/corpus"),
    import("../tests/helpers/plan-input"),
  ]);
  const pad = 18;
  const thumbW = 384;
  const thumbH = 219;
  const labelH = 44;
  const titleH = 40;
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const label = (markup: string, px: number, width: number) =>
    sharp({ text: { text: markup, font: `sans ${px}`, dpi: 72, rgba: true, width, wrap: "word" } }).png().toBuffer();
  const layers: { input: Buffer; left: number; top: number }[] = [];
  let y = pad;
  let width = 0;
  const ideas = IDEAS.map((id) => CORPUS.find((c) => c.id === id)).filter((c) => c !== undefined);
  for (const idea of ideas) {
    const plan = planEmbedded(planRequestSchema.parse({ prompt: idea.prompt, targetDuration: 30 }));
    layers.push({ input: await label(`<span foreground="#2c2b29"><b>${esc(plan.title)}</b>  —  “${esc(idea.prompt.slice(0, 140))}”</span>`, 20, 2400), left: pad, top: y + 8 });
    y += titleH;
    let x = pad;
    for (const [i, s] of plan.scenes.slice(0, 6).entries()) {
      const { png, depicts } = await renderSketchFrame(planSceneInput(plan, s, 1000 + i));
      layers.push({ input: await sharp(png).resize(thumbW, thumbH).png().toBuffer(), left: x, top: y });
      const text = `<span foreground="#2c2b29">${esc(s.description.slice(0, 96))}</span>\n<span foreground="#7a756b">drew: ${esc(depicts.join(", ").slice(0, 80) || "—")}</span>`;
      layers.push({ input: await label(text, 12, thumbW), left: x, top: y + thumbH + 4 });
      x += thumbW + pad;
      width = Math.max(width, x);
    }
    y += thumbH + labelH + pad;
  }
  const file = "docs/sketch-corpus-contact-sheet.png";
  await sharp({ create: { width, height: y, channels: 3, background: "#e9e5db" } })
    .composite(layers)
    .png({ palette: true, quality: 90, effort: 8, colours: 128 })
    .toFile(file);
  console.log(file);
}

// The renderer imports "server-only", which only resolves to a no-op under the react-server
// condition; re-run ourselves with it so `npx tsx scripts/contact-sheet-corpus.ts` just works.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
