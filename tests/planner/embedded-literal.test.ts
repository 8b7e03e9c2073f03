import { describe, expect, it } from "vitest";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { stageOut } from "@/lib/planner/embedded/literal";
import { planRequestSchema, type Plan } from "@/lib/planner/schema";
import { CORPUS } from "./corpus";

// Issue 13: scene descriptions a renderer (and a reader) can take literally — who, what, where.
// Camera and mood wording lives in the notes; everyone a scene lists is named in its words.

const plan = (prompt: string, targetDuration = 30): Plan => planEmbedded(planRequestSchema.parse({ prompt, targetDuration }));
const plans = CORPUS.map((idea) => ({ idea, plan: plan(idea.prompt) }));

const STAGING = /dust turning in a shaft of light|the frame holds, quiet|the day's work done|a long beat|let the frame go still|nothing has happened yet|small in a wide frame|hold on [^.]*\bfaces?\b/i;

describe("embedded planner: literal scene descriptions", () => {
  it("keeps staging and stock mood lines out of every description, and in the notes", () => {
    const leaks = plans.flatMap(({ idea, plan: p }) => p.scenes.filter((s) => STAGING.test(s.description)).map((s) => `${idea.id}#${s.order}: ${s.description}`));
    expect(leaks.join("\n")).toBe("");
    const staged = plans.flatMap(({ plan: p }) => p.scenes.filter((s) => /^Staging:|\nStaging:/.test(s.notes ?? "")));
    expect(staged.length).toBeGreaterThan(20);
  });

  it("moves a staging sentence to the notes and leaves what the frame shows", () => {
    expect(stageOut("The cat on a sunlit windowsill; dust turning in a shaft of light. Nothing has happened yet.")).toEqual({
      text: "The cat on a sunlit windowsill.",
      staging: ["Nothing has happened yet", "dust turning in a shaft of light"],
    });
    expect(stageOut("Pull back: the fox and the baker, both out of breath. The frame holds, quiet.").text).toBe("The fox and the baker, both out of breath.");
    // A line that is nothing but staging stays as it is rather than becoming empty.
    expect(stageOut("A long beat.").text).toBe("A long beat.");
  });

  it("names everyone a scene lists in frame, in its description", () => {
    const missing: string[] = [];
    for (const { idea, plan: p } of plans) {
      if (idea.lang) continue;
      for (const s of p.scenes) {
        const text = s.description.toLowerCase();
        for (const name of s.characters) {
          // Its name, or the species its look leads with ("dog: scruffy brown terrier…").
          const species = /^([\p{L} -]+):/u.exec(p.characters.find((c) => c.name === name)?.look ?? "")?.[1] ?? "";
          const words = `${name} ${species}`.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !/^(the|first|second)$/.test(w));
          const stems = words.map((w) => w.replace(/s$/, ""));
          if (!stems.some((w) => text.includes(w))) missing.push(`${idea.id}#${s.order} ${name}: ${s.description}`);
        }
      }
    }
    expect(missing.join("\n")).toBe("");
  });

  it("names the one it means by a pronoun, not as an onlooker", () => {
    const p = plan(CORPUS.find((c) => c.id === "story-lighthouse-keeper")!.prompt);
    const all = p.scenes.map((s) => s.description).join(" ");
    expect(all).toMatch(/the lighthouse keeper's hands unroll the message/);
    expect(all).not.toMatch(/looks on|at the edge of the lighthouse/);
  });

  it("names a cast animal with its species", () => {
    const p = plan(CORPUS.find((c) => c.id === "story-anansi")!.prompt);
    const withAnansi = p.scenes.filter((s) => s.characters.includes("Anansi"));
    expect(withAnansi.length).toBeGreaterThan(3);
    for (const s of withAnansi) expect(s.description).toMatch(/\bAnansi the spider\b|\bspider\b/);
    // The look leads with the species, so the renderer reads the same noun the scene uses.
    for (const id of ["story-cat", "story-fox", "story-penguin"]) {
      const q = plan(CORPUS.find((c) => c.id === id)!.prompt);
      const animal = q.characters[0]!;
      expect(animal.look.startsWith(`${animal.name.toLowerCase()}:`), `${id}: ${animal.look}`).toBe(true);
    }
  });

  it("makes a joint subject agree and keeps both rivals in their beats", () => {
    const p = plan(CORPUS.find((c) => c.id === "story-rivals-race")!.prompt);
    const all = p.scenes.map((s) => s.description).join(" ");
    expect(all).toMatch(/Kofi and Dani race down/);
    expect(all).not.toMatch(/\braces down\b|theirself|\bat Lisbon\b/);
    expect(p.scenes.at(-1)!.characters).toEqual(expect.arrayContaining(["Kofi", "Dani"]));
  });

  it("designs two rival chefs as two characters, both in the pair's scenes", () => {
    const p = plan(CORPUS.find((c) => c.id === "story-rival-chefs")!.prompt);
    expect(p.characters.map((c) => c.name)).toEqual(["The first chef", "The second chef"]);
    expect(p.characters[0]!.look).not.toBe(p.characters[1]!.look);
    for (const s of p.scenes) expect(s.characters).toEqual(["The first chef", "The second chef"]);
  });

  it("does not read an idiom as a prop ('keeps a boy company')", () => {
    const p = plan(CORPUS.find((c) => c.id === "story-nurse")!.prompt);
    // The idea's own sentence says it; the planner's lines must not pick it up as a thing.
    expect(p.scenes.map((s) => s.description).join(" ")).not.toMatch(/(going to|far from|and) boy company/);
  });

  it("gives a bare prop its article and never takes a deadline for a goal ('find it before her oxygen runs out')", () => {
    const p = plan(CORPUS.find((c) => c.id === "story-astronaut")!.prompt);
    const all = p.scenes.map((s) => s.description).join(" ");
    expect(all).not.toMatch(/going to wedding ring|and it before|in the Moon/);
    expect(all).toMatch(/the wedding ring together on the Moon/);
  });

  it("keeps extreme close-ups for a named thing with no one in frame", () => {
    const bad = plans.flatMap(({ idea, plan: p }) => p.scenes.filter((s) => s.shotType === "extreme-close-up" && s.characters.length > 0).map((s) => `${idea.id}#${s.order}`));
    expect(bad).toEqual([]);
  });

  it("builds a steps diagram for an unseen 'how X does Y' explainer from its own words", () => {
    const p = plan("Explain how a dishwasher cleans plates");
    expect(p.form).toBe("explainer");
    const diagrams = p.scenes.map((s) => s.diagram).filter((d) => d !== null);
    expect(diagrams.length).toBeGreaterThanOrEqual(3);
    expect(diagrams[0]!.kind).toBe("steps");
    expect(diagrams[0]!.labels.join(" | ")).toMatch(/plates/i);
    expect(diagrams[0]!.labels.join(" | ")).toMatch(/dishwasher/i);
    const all = p.scenes.map((s) => s.description).join(" ");
    expect(all).toMatch(/the plates go into the dishwasher/);
    expect(all).not.toMatch(/people get on with their day|exchange shown/);
    // A making verb: what comes out is the object.
    const honey = plan("How do bees make honey");
    expect(honey.scenes.map((s) => s.description).join(" ")).toMatch(/the honey comes out/);
    expect(honey.scenes.some((s) => s.diagram?.kind === "steps")).toBe(true);
  });
});
