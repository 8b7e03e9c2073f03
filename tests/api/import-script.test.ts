import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

beforeAll(async () => {
  await useTempAppEnv();
});

const fountain = readFileSync(path.join(__dirname, "../inputs/fixtures/night-shift.fountain"), "utf8");
const fdx = readFileSync(path.join(__dirname, "../inputs/fixtures/night-shift.fdx"), "utf8");
const route = () => import("@/app/api/storyboards/import-script/route");

describe("POST /api/storyboards/import-script", () => {
  it.each([
    ["Fountain", fountain],
    ["FDX (format guessed)", fdx],
  ])("imports %s as an ordinary storyboard the editor can read back", async (_n, script) => {
    const res = await call((await route()).POST, { method: "POST", body: { script, style: "noir" } });
    expect(res.status).toBe(201);
    const sb = res.body.storyboard;
    expect(sb).toMatchObject({ title: "Night Shift", style: "noir", form: "story", status: "draft" });
    expect(sb.scenes).toHaveLength(3);
    expect(res.body.script.cast).toEqual(["ADA", "BEN"]);
    const one = await import("@/app/api/storyboards/[id]/route");
    const again = await call(one.GET, { params: { id: sb.id } });
    expect(again.status).toBe(200);
    expect(again.body.storyboard.scenes.map((s: { description: string }) => s.description)).toEqual(sb.scenes.map((s: { description: string }) => s.description));
  });

  it.each([
    ["an empty script", { script: "" }, 422, "UNREADABLE_INPUT"],
    ["a binary file", { script: "\u0000\u0001ELF" }, 422, "UNREADABLE_INPUT"],
    ["a script over the limit", { script: "x".repeat(200_001) }, 400, "INVALID_REQUEST"],
    ["an unknown format", { script: fountain, format: "docx" }, 400, "INVALID_REQUEST"],
    ["FDX declared for Fountain text", { script: fountain, format: "fdx" }, 422, "UNREADABLE_INPUT"],
  ])("answers %s with %s %s", async (_n, body, status, code) => {
    const res = await call((await route()).POST, { method: "POST", body });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ success: false, error: { code } });
    expect(typeof res.body.error.message).toBe("string");
  });
});

describe("POST /api/storyboards/from-code", () => {
  const code = readFileSync(path.join(__dirname, "../inputs/fixtures/quote_builder.py"), "utf8");
  it("answers 201 with the understanding and the storyboard", async () => {
    const r = await import("@/app/api/storyboards/from-code/route");
    const res = await call(r.POST, { method: "POST", body: { file_content: code, file_name: "quote_builder.py", stage: "shipped", audience: "btl_champion" } });
    expect(res.status).toBe(201);
    expect(res.body.understanding.what_it_does).toMatch(/priced service quote/);
    expect(res.body.storyboard).toMatchObject({ form: "explainer", status: "draft" });
    expect(res.body.storyboard.scenes.length).toBeGreaterThanOrEqual(5);
  });
  it("answers an unsupported language with 422 UNSUPPORTED_INPUT", async () => {
    const r = await import("@/app/api/storyboards/from-code/route");
    const res = await call(r.POST, { method: "POST", body: { file_content: "fn main() {}", file_name: "main.rs" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, error: { code: "UNSUPPORTED_INPUT" } });
  });
});
