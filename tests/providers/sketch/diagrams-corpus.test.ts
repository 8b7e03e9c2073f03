import { describe, expect, it } from "vitest";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { planRequestSchema } from "@/lib/planner/schema";
import { frameLayout } from "@/lib/providers/sketch/compose-frame";
import { composeDiagramFrame } from "@/lib/providers/sketch/diagrams/compose-diagram-frame";
import { planSceneInput } from "../../helpers/plan-input";
import { CORPUS } from "../../planner/corpus";

// Issue 13's measure (tests/corpus/board-shows-idea.test.ts) for diagram scenes only: each corpus
// explainer is planned by the embedded planner, its chart scenes composed, and the frame's
// `depicts` checked against the corpus entities the description names (same matching rules).
// Before the diagrams drew icons, 37 of 59 diagram scenes were covered (62.7 %); now 59.

const norm = (s: string) => s.toLowerCase().replace(/^(the|a|an)\s+/, "").replace(/[’']s\b/g, "").trim();
const stem = (w: string) => w.replace(/(ies)$/, "y").replace(/(?<=[^s])s$/, "");
const words = (s: string) => norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);
const mentions = (text: string, phrase: string) => ` ${words(text).join(" ")} `.includes(` ${words(phrase).join(" ")} `);
const covered = (alts: readonly string[], depicts: readonly string[]) => alts.some((w) => depicts.some((d) => mentions(d, w) || mentions(w, d)));

describe("diagram scenes of the corpus show what they name", () => {
  const layout = frameLayout("16:9");
  const scenes = CORPUS.flatMap((idea) => {
    const plan = planEmbedded(planRequestSchema.parse({ prompt: idea.prompt, targetDuration: 30 }));
    return plan.scenes.flatMap((scene, i) => {
      if (!scene.diagram) return [];
      const input = planSceneInput(plan, scene, 1000 + i);
      const { depicts } = composeDiagramFrame(input, scene.diagram, layout);
      // Things only: a cast member in a chart scene is the figure renderer's, not the chart's.
      const wanted = (idea.props ?? []).filter((alts) => alts.some((a) => mentions(scene.description, a)));
      return [{ id: `${idea.id}#${scene.order}`, wanted, depicts, ok: wanted.every((alts) => covered(alts, depicts)) }];
    });
  });

  it("covers at least 90 % of the corpus's diagram scenes' named things", () => {
    const ok = scenes.filter((s) => s.ok).length;
    const misses = scenes.filter((s) => !s.ok).map((s) => `${s.id}: wanted ${s.wanted.map((w) => w[0]).join(", ")} — drew ${s.depicts.join(", ")}`);
    console.info(`[diagrams] corpus diagram scenes covered ${ok}/${scenes.length} = ${((100 * ok) / scenes.length).toFixed(1)} %` + (misses.length ? "\n" + misses.join("\n") : ""));
    expect(scenes.length).toBeGreaterThan(30);
    expect(ok / scenes.length).toBeGreaterThanOrEqual(0.9);
  });
});
