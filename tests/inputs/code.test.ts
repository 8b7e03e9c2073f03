import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCode } from "@/lib/inputs/code/read-code";
import { planCode, understandCode } from "@/lib/inputs/code/understand-code";
import { codeInputSchema } from "@/lib/inputs/schemas";
import { planSchema } from "@/lib/planner/schema";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const body = (file_content: string, file_name: string, extra: Record<string, unknown> = {}) =>
  codeInputSchema.parse({ file_content, file_name, stage: "demo", audience: "business_owner", ...extra });

describe("readCode", () => {
  it.each([
    ["quote-builder.ts.fixture", "quote-builder.ts", "typescript", ["parseSurvey", "sizeEquipment", "applyMarkup", "buildQuote"]],
    ["quote_builder.py", "quote_builder.py", "python", ["parse_survey", "size_equipment", "build_quote"]],
    ["dispatch.go", "dispatch.go", "go", ["FindFreeCrews", "RankByDistance", "Assign"]],
  ])("%s: language and the entry point's call flow", (file, name, language, flow) => {
    const r = readCode(fixture(file), name)!;
    expect(r.language).toBe(language);
    expect(r.flow).toEqual(flow);
  });
  it("reads doc comments per function and keeps user-facing strings", () => {
    const r = readCode(fixture("quote-builder.ts.fixture"), "quote-builder.ts")!;
    expect(r.symbols.find((s) => s.name === "sizeEquipment")).toMatchObject({ exported: true, doc: "Sizes the heat pump for each room's load." });
    expect(r.symbols.find((s) => s.name === "applyMarkup")).toMatchObject({ exported: false, doc: null });
    expect(r.imports).toEqual(["zod", "./prices"]);
    expect(r.strings).toEqual(["Your quote is ready to send to the customer"]);
  });
});

describe("understandCode", () => {
  it.each([
    ["quote-builder.ts.fixture", "quote-builder.ts", /site survey into a priced HVAC quote/, "receipt"],
    ["quote_builder.py", "quote_builder.py", /priced service quote/, "receipt"],
    ["dispatch.go", "dispatch.go", /^Assigns the nearest free crew/, "calendar"],
  ])("%s names what the code does", (file, name, what, icon) => {
    const { understanding: u } = understandCode(body(fixture(file), name));
    expect(u.what_it_does).toMatch(what);
    expect(u.suggested_icon).toBe(icon);
    for (const k of ["headline", "business_value", "who_benefits", "differentiator", "pain_point_addressed"] as const) expect(u[k].length).toBeGreaterThan(5);
  });
  it("speaks to the preset's people and pains, and honours a custom headline", () => {
    const { understanding: u } = understandCode(body(fixture("dispatch.go"), "dispatch.go", { icp_preset: "coperniq_mep", audience: "c_suite", custom_headline: "Crews, dispatched" }));
    expect(u.headline).toBe("Crews, dispatched");
    expect(u.who_benefits).toMatch(/COO of a multi-branch MEP contractor/);
    expect(u.pain_point_addressed).toMatch(/by hand/);
  });
  it.each([
    ["an unsupported language", "fn main() {}", "main.rs", "UNSUPPORTED_INPUT"],
    ["an empty file", "  ", "a.ts", "UNREADABLE_INPUT"],
    ["a binary file", "\u0000\u0001\u0002", "a.ts", "UNREADABLE_INPUT"],
    ["a file with nothing to read", "x = 1\n", "a.py", "UNREADABLE_INPUT"],
    ["an unknown preset", "def run():\n  pass\n", "a.py", "INVALID_REQUEST"],
  ])("refuses %s", (_n, content, name, code) => {
    expect(() => understandCode(body(content, name, code === "INVALID_REQUEST" ? { icp_preset: "nope" } : {}))).toThrow(expect.objectContaining({ code }));
  });
});

describe("planCode", () => {
  it("plans an explainer whose how-scenes follow the code's flow and whose CTA fits the stage", () => {
    const { plan } = planCode(body(fixture("dispatch.go"), "dispatch.go", { stage: "preview" }));
    expect(planSchema.parse(plan)).toEqual(plan);
    expect(plan.form).toBe("explainer");
    expect(plan.scenes.map((s) => s.narrativeRole)).toEqual(["problem", "solution", "how", "how", "how", "benefit", "cta"]);
    expect(plan.scenes.filter((s) => s.narrativeRole === "how").map((s) => s.description)).toEqual([
      "Step 1: Lists the crews that are not on a job.",
      "Step 2: Orders crews by distance to the call.",
      "Step 3: Picks the nearest free crew for the call.",
    ]);
    expect(plan.scenes.at(-1)!.description).toMatch(/preview/i);
  });
});
