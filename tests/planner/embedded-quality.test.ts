import { describe, it, expect } from "vitest";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { planRequestSchema, type Plan, type PlanRequestInput } from "@/lib/planner/schema";
import { CORPUS } from "./corpus";

// Plans a director reads: characters found and drawn, no template grammar showing through,
// one-line ideas told as their own sequence of actions, tone that fits the idea.

const plan = (input: PlanRequestInput) => planEmbedded(planRequestSchema.parse(input));
const DURATIONS = [15, 30, 60] as const;

/** Broken grammar a template or parser can leave behind. */
const ARTEFACTS: ReadonlyArray<readonly [string, RegExp]> = [
  ["a relative pronoun used as a noun", /\b(a|an|the)\s+(that|which|who)\b/i],
  ["a possessive on a relative pronoun", /['’]s\s+(that|which|who)\b/i],
  ["a figure that is a figure", /\bfigure is a small figure\b/i],
  ["a doubled article", /(?<!\p{L})(the|a|an)\s+(the|a|an)(?!\p{L})/iu],
  ["a doubled word", /\b(\w{3,})\s+\1\b/i],
  ["a dangling dash", /—\s*$|—\s*[.,;:]/],
  ["empty parentheses", /\(\s*\)/],
  ["a space before punctuation", /\s[,.;:](?!\d)/],
  ["a doubled full stop", /\.\.(?!\.)/],
];
const TITLE_ARTEFACT = /\b(That|Which|Who|Whom)\b|—\s*$|\(\s*\)/;

function texts(p: Plan): string[] {
  return [p.title, p.logline, ...p.scenes.flatMap((s) => [s.description, s.dialogue ?? "", s.notes ?? ""])].filter(Boolean);
}

describe("embedded planner quality: no grammar artefacts", () => {
  for (const idea of CORPUS) {
    it(`${idea.id} reads cleanly at 15, 30 and 60 s`, () => {
      for (const targetDuration of DURATIONS) {
        const p = plan({ prompt: idea.prompt, targetDuration });
        expect(p.title, `${idea.id} title`).not.toMatch(TITLE_ARTEFACT);
        for (const t of texts(p)) {
          // Long pasted paragraphs keep the writer's own words; the checks are for what the planner writes.
          if ((idea.prompt.length > 300 || !/^[\x00-\x7f‘’“”—–…é]*$/.test(idea.prompt)) && idea.prompt.includes(t.replace(/[.]$/, ""))) continue;
          for (const [what, re] of ARTEFACTS) expect(t, `${idea.id} @${targetDuration}s: ${what}`).not.toMatch(re);
        }
      }
    });
  }
});

describe("embedded planner quality: characters", () => {
  for (const idea of CORPUS.filter((c) => c.characters)) {
    it(`${idea.id} designs ${idea.characters!.join(", ")} and draws them`, () => {
      const p = plan({ prompt: idea.prompt });
      const names = p.characters.map((c) => c.name);
      for (const name of idea.characters!) expect(names).toContain(name);
      const hero = idea.characters![0]!;
      const drawn = p.scenes.filter((s) => s.characters.includes(hero)).length;
      if (p.form === "story") expect(drawn, `${hero} in most frames`).toBeGreaterThanOrEqual(Math.ceil(p.scenes.length * 0.6));
      else expect(drawn, `${hero} uses the product on screen`).toBeGreaterThanOrEqual(2);
    });
  }

  it("resolves pronouns to a look: the lighthouse keeper who is 'her' is drawn as a woman", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "story-lighthouse-keeper")!.prompt });
    expect(p.characters[0]?.look).toMatch(/\bwoman\b/);
  });

  it("finds kin, groups, trades and animals", () => {
    const cases: Array<[string, string[]]> = [
      ["A young nurse sings to her patients every night.", ["Young nurse"]],
      ["A boy and his grandmother plant a tree.", ["Boy", "Grandmother"]],
      ["Two kids build a snowman.", ["The first kid", "The second kid"]],
      ["A girl rides a grey mare to the sea.", ["Girl", "Grey mare"]],
      ["A courier delivers a parcel.", ["Courier"]],
    ];
    for (const [prompt, expected] of cases) {
      const names = plan({ prompt }).characters.map((c) => c.name);
      for (const name of expected) expect(names, prompt).toContain(name);
    }
  });
});

describe("embedded planner quality: beats follow the idea", () => {
  const oneLiners = CORPUS.filter((c) => c.form === "story" && c.characters && /,\s*and\b|\band\b|\bto\b|\bbefore\b/.test(c.prompt));

  for (const idea of oneLiners) {
    it(`${idea.id}: never the whole idea in one frame, short visual beats`, () => {
      for (const targetDuration of DURATIONS) {
        const p = plan({ prompt: idea.prompt, targetDuration });
        const whole = idea.prompt.replace(/[.]$/, "").toLowerCase();
        for (const s of p.scenes) {
          expect(s.description.toLowerCase()).not.toContain(whole);
          expect(s.description.length).toBeLessThanOrEqual(220);
        }
      }
    });
  }

  it("the lighthouse idea's actions come in order: finds, reads, climbs, the storm", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "story-lighthouse-keeper")!.prompt });
    const d = p.scenes.map((s) => s.description);
    const at = (re: RegExp) => d.findIndex((x) => re.test(x));
    expect(at(/finds a message/)).toBeGreaterThan(0);
    expect(at(/reads it/)).toBeGreaterThan(at(/finds a message/));
    expect(at(/climbs the tower/)).toBeGreaterThan(at(/reads it/));
    expect(at(/storm breaks/)).toBeGreaterThan(at(/climbs the tower/));
    expect(d.join(" ")).toMatch(/lighthouse/);
  });

  it("the raft is built before the river is crossed", () => {
    const d = plan({ prompt: CORPUS.find((c) => c.id === "story-raft")!.prompt }).scenes.map((s) => s.description);
    expect(d.findIndex((x) => /build a raft/.test(x))).toBeLessThan(d.findIndex((x) => /cross the river/.test(x)));
  });

  it("'and the baker chases it' gives the baker a beat of their own, chasing the fox", () => {
    const d = plan({ prompt: CORPUS.find((c) => c.id === "story-fox")!.prompt }).scenes.map((s) => s.description);
    expect(d.some((x) => /the baker chases the fox/i.test(x))).toBe(true);
  });
});

describe("embedded planner quality: tone", () => {
  const TENSE = /stumbles|all (is )?lost|hopeless|neither gives ground|doubt sets in|point of no return|lose everything/i;

  it("gentle ideas get no setbacks from the template bank", () => {
    for (const prompt of [CORPUS.find((c) => c.id === "story-clouds")!.prompt, "A girl plants a garden with her grandmother", "A cat naps in a sunny window"]) {
      for (const targetDuration of DURATIONS) {
        for (const s of plan({ prompt, targetDuration }).scenes) expect(s.description, prompt).not.toMatch(TENSE);
      }
    }
  });

  it("the fisherman's lesson is told as a lesson: pointing, a wrong guess, reading the sky", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "story-clouds")!.prompt });
    const d = p.scenes.map((s) => s.description).join(" ");
    expect(d).toMatch(/points at the clouds/);
    expect(d).toMatch(/wrong guess/);
    expect(d).toMatch(/reads the clouds/);
    expect(p.scenes.filter((s) => s.characters.includes("Granddaughter")).length).toBeGreaterThanOrEqual(4);
  });
});

describe("embedded planner quality: ads", () => {
  it("a generic product is named cleanly, its claim becomes beats with people, and the end card has a line", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "ad-bottle")!.prompt });
    expect(p.title).toBe("Cold for 24 Hours");
    const d = p.scenes.map((s) => s.description).join(" ");
    expect(d).toMatch(/the reusable water bottle/);
    expect(d).not.toMatch(/\ba that\b|'s that/);
    expect(d).toMatch(/ice still clinking/);
    expect(p.scenes.some((s) => s.narrativeRole === "feature" && s.characters.length > 0)).toBe(true);
    expect(p.scenes.at(-1)?.notes).toMatch(/Cold for 24 hours/);
  });
});

// Speed is measured by scripts/bench/planner.ts (≤ 20 ms per plan), not asserted in a test: a
// timed assertion fails on a busy machine and passes on a fast one without saying anything.
