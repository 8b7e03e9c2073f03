import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessScriptFormat, lineSeconds, parseScript, sceneSeconds, splitHeading } from "@/lib/inputs/script/parse-script";
import { planScript } from "@/lib/inputs/script/plan-script";
import { planSchema } from "@/lib/planner/schema";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("parseScript: Fountain", () => {
  const s = parseScript(fixture("night-shift.fountain"));

  it("reads the title page, one scene per slugline (forced included), boneyard cut", () => {
    expect(s.format).toBe("fountain");
    expect(s.title).toBe("Night Shift");
    expect(s.scenes.map((x) => x.heading)).toEqual(["INT. HOSPITAL CORRIDOR - NIGHT", "EXT. PARKING LOT - DAWN", "INSIDE THE CAR"]);
    expect(JSON.stringify(s)).not.toContain("CAFETERIA");
  });

  it("carries INT/EXT, location, time of day and the act (section) into each scene", () => {
    expect(s.scenes.map((x) => [x.interior, x.location, x.timeOfDay, x.act])).toEqual([
      ["INT", "HOSPITAL CORRIDOR", "NIGHT", "ACT ONE"],
      ["EXT", "PARKING LOT", "DAWN", "ACT ONE"],
      [null, "INSIDE THE CAR", null, "ACT TWO"],
    ]);
  });

  it("keeps dialogue with speakers (dual dialogue, V.O. extension folded), notes and transitions", () => {
    expect(s.scenes[0]!.lines).toEqual([
      { kind: "action", text: "The lights hum. NURSE ADA pushes a cart past empty beds." },
      { kind: "dialogue", speaker: "ADA", text: "Three more hours.", parenthetical: "(to herself)" },
    ]);
    expect(s.scenes[0]!.notes).toEqual(["check the cart colour"]);
    expect(s.scenes[1]!.speakers).toEqual(["BEN", "ADA"]);
    expect(s.scenes[1]!.transition).toBe("CUT TO:");
    expect(s.scenes[2]!.speakers).toEqual(["BEN"]);
    expect(s.cast).toEqual(["ADA", "BEN"]);
  });
});

describe("parseScript: FDX", () => {
  const s = parseScript(fixture("night-shift.fdx"));
  it("is guessed from the XML root and gives the same scenes and cast", () => {
    expect(guessScriptFormat(fixture("night-shift.fdx"))).toBe("fdx");
    expect(guessScriptFormat(fixture("night-shift.fountain"))).toBe("fountain");
    expect(s.format).toBe("fdx");
    expect(s.title).toBe("Night Shift");
    expect(s.scenes.map((x) => x.location)).toEqual(["HOSPITAL CORRIDOR", "PARKING LOT", "CAR"]);
    expect(s.scenes[0]!.lines[1]).toEqual({ kind: "dialogue", speaker: "ADA", text: "Three more hours.", parenthetical: "(to herself)" });
    expect(s.scenes[1]!.lines[0]).toEqual({ kind: "action", text: "Rain. ADA runs to her car & BEN waits." });
    expect(s.scenes[1]!.speakers).toEqual(["BEN", "ADA"]);
    expect(s.scenes[1]!.transition).toBe("CUT TO:");
    expect(s.cast).toEqual(["ADA", "BEN"]);
  });
});

describe("durations and headings", () => {
  it.each([
    [{ kind: "action" as const, text: "one two three four five" }, 1.5],
    [{ kind: "dialogue" as const, speaker: "A", text: "one two three four five", parenthetical: null }, 2.5],
  ])("line %j lasts %d s", (line, secs) => {
    expect(lineSeconds(line)).toBeCloseTo(secs, 5);
  });
  it("a scene lasts the sum of its lines", () => {
    const s = parseScript("INT. ROOM - DAY\n\nShe waits.\n\nBOB\nHello there.\n");
    expect(sceneSeconds(s.scenes[0]!)).toBeCloseTo(0.5 + 0.4 + 1 + 0.6, 5);
  });
  it.each([
    ["INT./EXT. CAR - MOVING", "INT./EXT", "CAR", "MOVING"],
    ["EXT. ROOFTOP", "EXT", "ROOFTOP", null],
    ["INT. HOUSE - KITCHEN - NIGHT", "INT", "HOUSE - KITCHEN", "NIGHT"],
  ])("splits %s", (h, i, l, t) => {
    expect(splitHeading(h)).toEqual({ interior: i, location: l, timeOfDay: t });
  });
});

describe("planScript", () => {
  it("gives a valid plan: one scene per slugline, speakers as cast, dialogue kept, story form", () => {
    const { plan } = planScript({ script: fixture("night-shift.fountain") });
    expect(planSchema.parse(plan)).toEqual(plan);
    expect(plan.form).toBe("story");
    expect(plan.title).toBe("Night Shift");
    expect(plan.characters.map((c) => c.name)).toEqual(["Ada", "Ben"]);
    expect(plan.scenes).toHaveLength(3);
    expect(plan.scenes[0]!.description).toContain("Hospital Corridor");
    expect(plan.scenes[0]!.description).toContain("night");
    expect(plan.scenes[1]!.dialogue).toContain("BEN: You forgot your coffee.");
    expect(plan.scenes[1]!.characters).toEqual(["Ben", "Ada"]);
    expect(plan.scenes[1]!.notes).toContain("CUT TO:");
  });

  it("splits a long scene into shots of at most 15 s", () => {
    const long = Array.from({ length: 8 }, (_, i) => `Beat ${i}: the detective searches every drawer of the desk slowly and carefully.`).join("\n\n");
    const { plan } = planScript({ script: `INT. OFFICE - NIGHT\n\n${long}\n\nEXT. STREET - NIGHT\n\nShe leaves.\n\nINT. CAR - NIGHT\n\nShe drives.\n` });
    const office = plan.scenes.filter((s) => s.notes?.includes("INT. OFFICE - NIGHT"));
    expect(office.length).toBeGreaterThan(1);
    for (const s of plan.scenes) expect(s.durationSeconds).toBeLessThanOrEqual(15);
  });

  it.each([
    ["an empty script", "   \n", "UNREADABLE_INPUT"],
    ["a binary file", "PK\u0003\u0004\u0000\u0000binary", "UNREADABLE_INPUT"],
    ["text with no scene", "", "UNREADABLE_INPUT"],
    ["13 scenes", Array.from({ length: 13 }, (_, i) => `INT. ROOM ${i} - DAY\n\nWait.\n`).join("\n"), "INPUT_TOO_LONG"],
  ])("refuses %s with %s", (_n, script, code) => {
    expect(() => planScript({ script })).toThrow(expect.objectContaining({ code }));
  });
});
