import { describe, expect, it } from "vitest";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { planRequestSchema } from "@/lib/planner/schema";
import { sketchDepicts } from "@/lib/providers/sketch/render-sketch";
import { planSceneInput } from "../helpers/plan-input";
import { CORPUS, type CorpusIdea } from "../planner/corpus";

// Issue 13's measure, end to end with no keys: each corpus idea is planned by the embedded planner,
// each scene is composed by the sketch renderer, and the renderer's `depicts` (what it actually
// placed) is checked against what the scene names — its visible cast, and the idea's characters,
// animals, props and landmarks its description mentions. Ground truth comes from the corpus, not
// from the renderer's own vocabulary, so a noun the renderer cannot draw counts as a miss.

const norm = (s: string) => s.toLowerCase().replace(/^(the|a|an)\s+/, "").replace(/[’']s\b/g, "").trim();
const stem = (w: string) => w.replace(/(ies)$/, "y").replace(/(?<=[^s])s$/, "");
const words = (s: string) => norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);

function mentions(text: string, phrase: string): boolean {
  const t = ` ${words(text).join(" ")} `;
  return t.includes(` ${words(phrase).join(" ")} `);
}

/** A depicted noun stands for a wanted one when one's words contain the other's ("cargo bike" ~ "electric cargo bike"). */
function covered(wanted: readonly string[], depicts: readonly string[]): boolean {
  return wanted.some((w) => depicts.some((d) => mentions(d, w) || mentions(w, d)));
}

type SceneCheck = { idea: string; order: number; wanted: string[][]; depicts: string[]; ok: boolean };

function checkIdea(idea: CorpusIdea): { scenes: SceneCheck[]; propsDrawn: number; propsWanted: number } {
  const plan = planEmbedded(planRequestSchema.parse({ prompt: idea.prompt, targetDuration: 30 }));
  const entities = [...(idea.cast ?? []), ...(idea.props ?? [])];
  const drawnAnywhere = new Set<string>();
  const scenes = plan.scenes.map((scene, i) => {
    const depicts = sketchDepicts(planSceneInput(plan, scene, 1000 + i));
    depicts.forEach((d) => drawnAnywhere.add(d));
    // What this scene names: its visible cast, and every corpus entity its description mentions.
    const wanted: string[][] = [
      ...scene.characters.map((c) => [c]),
      ...entities.filter((alts) => alts.some((a) => mentions(scene.description, a))),
    ];
    return { idea: idea.id, order: scene.order, wanted, depicts, ok: wanted.every((alts) => covered(alts, depicts)) };
  });
  const props = idea.props ?? [];
  const propsDrawn = props.filter((alts) => covered(alts, [...drawnAnywhere])).length;
  return { scenes, propsDrawn, propsWanted: props.length };
}

describe("the board shows the idea (embedded planner → sketch renderer)", () => {
  const results = CORPUS.map((idea) => ({ idea, ...checkIdea(idea) }));
  const scenes = results.flatMap((r) => r.scenes);
  const coveredScenes = scenes.filter((s) => s.ok).length;
  const propsWanted = results.reduce((n, r) => n + r.propsWanted, 0);
  const propsDrawn = results.reduce((n, r) => n + r.propsDrawn, 0);

  it("runs over a corpus of at least 60 ideas", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  // Issue 13's goal is 90 % of scenes. Measured when the planner and renderer work landed together:
  // 95.6 % of scenes (453/474) and 64 of 72 key props. The floors sit a little under that, so a
  // regression fails here while an unrelated corpus addition doesn't.
  const SCENE_FLOOR = 0.93;
  const PROPS_FLOOR = 0.85;

  it("depicts covers the cast and the props the description names in at least the measured share of scenes", () => {
    const rate = coveredScenes / scenes.length;
    const misses = scenes.filter((s) => !s.ok).map((s) => `${s.idea}#${s.order}: wanted ${s.wanted.map((w) => w[0]).join(", ")} — drew ${s.depicts.join(", ") || "nothing"}`);
    console.info(`[corpus] scene coverage ${coveredScenes}/${scenes.length} = ${(100 * rate).toFixed(1)} %; key props drawn somewhere in their board ${propsDrawn}/${propsWanted}`);
    if (rate < SCENE_FLOOR || process.env.CORPUS_MISSES) console.info(misses.join("\n"));
    expect(rate).toBeGreaterThanOrEqual(SCENE_FLOOR);
  });

  it("every board draws most of its idea's key props somewhere", () => {
    expect(propsWanted).toBeGreaterThan(20);
    expect(propsDrawn / propsWanted).toBeGreaterThanOrEqual(PROPS_FLOOR);
  });

  it("depicts is deterministic for a given seed", () => {
    const again = checkIdea(CORPUS[0]!).scenes.map((s) => s.depicts);
    expect(again).toEqual(results[0]!.scenes.map((s) => s.depicts));
  });
});
