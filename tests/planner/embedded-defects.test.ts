import { describe, expect, it } from "vitest";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { planRequestSchema, type Plan } from "@/lib/planner/schema";
import { CORPUS } from "./corpus";
import { coverage, fragmentFindings, repeatedStock, type Finding } from "./defects";

// Defect classes over the whole corpus, not a few phrases: no fragment ("a for", "the bike's
// for…"), no verb read as a noun, no garbled title, no stock line twice on one board, and every
// character and key prop of the idea named in plain words in some scene.

const DURATIONS = [15, 30, 60] as const;
const plans = CORPUS.flatMap((idea) => DURATIONS.map((targetDuration) => ({ idea, targetDuration, plan: planEmbedded(planRequestSchema.parse({ prompt: idea.prompt, targetDuration })) })));
const show = (fs: Finding[]) => fs.map((f) => `${f.kind}: ${f.text}`).join("\n");

describe("embedded planner defects over the corpus", () => {
  it(`covers at least 70 ideas (${CORPUS.length}), with names from several cultures and 4+ languages`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(70);
    const langs = new Set(CORPUS.map((c) => c.lang).filter(Boolean));
    for (const l of ["es", "fr", "de", "ru"]) expect(langs.has(l as never), l).toBe(true);
  });

  it("no fragments, dangling words, garbled possessives or verb-as-noun phrases", () => {
    const found = plans.flatMap(({ idea, targetDuration, plan }) => fragmentFindings(plan, idea.prompt).map((f) => ({ ...f, text: `${idea.id}@${targetDuration}: ${f.text}` })));
    expect(show(found)).toBe("");
  });

  it("no stock line twice within a board", () => {
    const found = plans.flatMap(({ idea, targetDuration, plan }) => repeatedStock(plan, idea.prompt).map((f) => ({ ...f, text: `${idea.id}@${targetDuration}: ${f.text}` })));
    expect(show(found)).toBe("");
  });

  it("names every expected character, and at least 95 % of key props, in some scene description", () => {
    let props = 0;
    let propsNamed = 0;
    const castMissing: string[] = [];
    for (const { idea, targetDuration, plan } of plans) {
      const cov = coverage(plan, idea);
      props += cov.props[1];
      propsNamed += cov.props[0];
      for (const m of cov.missing) if (m.kind === "cast-missing") castMissing.push(`${idea.id}@${targetDuration}: ${m.text}`);
    }
    expect(castMissing).toEqual([]);
    expect(propsNamed / props).toBeGreaterThanOrEqual(0.95);
  });

  it("the defect checks can fail: a plan with the issue's garbles is caught", () => {
    const p = plans[0]!.plan;
    const bad: Plan = {
      ...p,
      title: "Kose and the Aldar Kose Outwits",
      scenes: p.scenes.map((s, i) => ({ ...s, description: i === 0 ? "Reveal: the electric cargo bike, a for, slides into frame. Close on the electric cargo bike's parents who do the school run." : "Dust turning in a shaft of light over everything here." })),
    };
    const kinds = new Set(fragmentFindings(bad, "x").map((f) => f.kind));
    expect(kinds).toEqual(new Set(["dangling", "article-fragment", "possessive-garble", "title"]));
    expect(repeatedStock(bad, "x").length).toBeGreaterThan(0);
    expect(coverage(bad, { id: "x", prompt: "x", subject: [], form: "story", cast: [["seagull"]], props: [["sandwich"]] }).missing).toHaveLength(2);
  });
});

describe("tone and shots", () => {
  const plan = (prompt: string) => planEmbedded(planRequestSchema.parse({ prompt }));
  it("a trickster comedy is playful, never stark or austere; a rescue is tense; a grandmother's lesson is tender", () => {
    const trick = plan("Aldar Kose outwits a greedy bai on the frozen steppe in winter").styleBible.mood;
    expect(trick).toContain("playful");
    expect(trick).not.toContain("stark");
    expect(trick).not.toContain("austere");
    expect(plan("A firefighter rescues a kitten from the roof of a burning bakery").styleBible.mood).toContain("tense");
    expect(plan("Grandma Mei teaches her grandson to fold dumplings").styleBible.mood).toContain("tender");
  });

  it("a tense story shoots its middle handheld; a comedy lands its climax on a face", () => {
    const tense = plan("A firefighter rescues a kitten from the roof of a burning bakery").scenes;
    expect(tense.filter((s) => s.narrativeRole === "rising" || s.narrativeRole === "climax").some((s) => s.cameraMove === "handheld")).toBe(true);
    const comedy = plan("A lighthouse keeper and a seagull who steals his sandwich").scenes;
    expect(["close-up", "medium"]).toContain(comedy.find((s) => s.narrativeRole === "climax")?.shotType);
  });
});

describe("inserts name the thing they show", () => {
  const plan = (prompt: string, frameCount = 6) => planEmbedded(planRequestSchema.parse({ prompt, frameCount }));
  it("a stolen sandwich is named in the insert, in the gull's beak", () => {
    const d = plan("A lighthouse keeper and a seagull who steals his sandwich").scenes.map((s) => s.description);
    expect(d).toContain("Insert: the sandwich in the seagull's beak.");
  });

  it("a brand's insert and packshot say what the product is", () => {
    const cases: Array<[string, RegExp]> = [
      ["Commercial for Hush, noise-cancelling headphones for students who study in loud cafés", /headphones/],
      ["A 30-second spot for Taco Loco, a food truck that parks outside the stadium on game nights", /food truck/],
      ["Ad for Barkley's, a grain-free dog food for old dogs who still love a long walk", /dog food/],
      ["Advert for the Drift stroller, so light a grandfather can fold it with one hand", /stroller/],
    ];
    for (const [prompt, kind] of cases) {
      for (const frameCount of [3, 6, 10]) {
        const scenes = plan(prompt, frameCount).scenes;
        const shown = scenes.filter((s) => /^(Insert|Packshot):/.test(s.description));
        expect(shown.length, `${prompt} @${frameCount}`).toBeGreaterThan(0);
        for (const s of shown) expect(s.description, `${prompt} @${frameCount}`).toMatch(kind);
      }
    }
  });
});
