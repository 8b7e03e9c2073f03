import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { planRoadmap, readRoadmapText, sanitizeText } from "@/lib/inputs/roadmap/plan-roadmap";
import { roadmapInputSchema } from "@/lib/inputs/schemas";
import { planSchema } from "@/lib/planner/schema";
import { call, useTempAppEnv } from "../helpers/app-env";

const ITEMS = [
  ["Q1", "Mobile Offline Mode"],
  ["Q2", "Smart Scheduling"],
  ["Q3", "Customer Portal"],
  ["Q4", "Invoice Automation"],
] as const;

async function roadmapPng(): Promise<string> {
  const rows = ITEMS.map(([q, t], i) => `<text x="40" y="${160 + i * 80}" font-family="DejaVu Sans" font-size="32">${q} ${t}</text>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="500"><rect width="100%" height="100%" fill="white"/><text x="40" y="70" font-family="DejaVu Sans" font-size="40" font-weight="bold">Product Roadmap 2027</text>${rows}</svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString("base64");
}

beforeAll(async () => {
  await useTempAppEnv();
});
const route = () => import("@/app/api/storyboards/from-roadmap/route");

describe("POST /api/storyboards/from-roadmap (tesseract.js, English data from the npm package)", () => {
  it("reads a roadmap PNG rendered here and plans one scene per milestone", async () => {
    const res = await call((await route()).POST, { method: "POST", body: { image_data: await roadmapPng(), audience: "c_suite" } });
    expect(res.status).toBe(201);
    expect(res.body.roadmap.title).toBe("Product Roadmap 2027");
    expect(res.body.roadmap.items).toEqual(ITEMS.map(([when, text]) => ({ when, text })));
    const descriptions = res.body.storyboard.scenes.map((s: { description: string }) => s.description);
    for (const [q, t] of ITEMS) expect(descriptions).toContain(`${q}: ${t}`);
  }, 60_000);

  it.each([
    ["not base64", { image_data: "%%%not base64%%%" }, 422, "UNREADABLE_INPUT"],
    ["not an image", { image_data: Buffer.from("hello, I am a text file").toString("base64") }, 422, "UNREADABLE_INPUT"],
    ["an empty field", { image_data: "" }, 400, "INVALID_REQUEST"],
  ])("answers %s with %s %s", async (_n, body, status, code) => {
    const res = await call((await route()).POST, { method: "POST", body });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ success: false, error: { code } });
  });

  it("answers an image with no text with 422 UNREADABLE_INPUT", async () => {
    const blank = (await sharp({ create: { width: 400, height: 300, channels: 3, background: "#ffffff" } }).png().toBuffer()).toString("base64");
    const res = await call((await route()).POST, { method: "POST", body: { image_data: blank } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("UNREADABLE_INPUT");
  }, 60_000);
});

describe("roadmap text", () => {
  it("groups items under the quarter, month or phase they follow", () => {
    expect(readRoadmapText("Roadmap\nQ3\nSSO login\nAudit log\nNov 2027 — Data export\n").items).toEqual([
      { when: "Q3", text: "SSO login" },
      { when: "Q3", text: "Audit log" },
      { when: "Nov 2027", text: "Data export" },
    ]);
  });
  it("sanitize_ip strips numbers, internal codes, emails and customer names", () => {
    expect(sanitizeText("PRJ-1234 Bulk import for Acme Corp (50k rows) ann@acme.io")).toBe("Bulk import rows");
    const body = roadmapInputSchema.parse({ image_data: "x", sanitize_ip: true });
    const { plan } = planRoadmap({ title: "Roadmap 2027", items: [{ when: "Q1 2027", text: "JIRA-42 Portal for Globex" }, { when: "Q2", text: "Scheduling v2" }] }, body);
    expect(planSchema.parse(plan)).toEqual(plan);
    expect(JSON.stringify(plan)).not.toMatch(/2027|JIRA|42|Globex/);
  });
});
