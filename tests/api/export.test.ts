import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

beforeAll(async () => {
  await useTempAppEnv();
});

const r = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  exportFile: (await import("@/app/api/storyboards/[id]/export/route")).GET,
  importFile: (await import("@/app/api/storyboards/import/route")).POST,
});

async function drawnStoryboard(prompt: string, frameCount: number) {
  const routes = await r();
  const id = (await call(routes.create, { method: "POST", body: { prompt, frameCount } })).body.storyboard.id as string;
  await call(routes.generate, { method: "POST", params: { id } });
  for (let i = 0; i < 40; i++) {
    const { progress } = (await call(routes.status, { params: { id } })).body;
    if (progress.scenesInFlight === 0) return id;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error("not drawn");
}

const exportAs = async (id: string, query: string) => {
  const url = `http://127.0.0.1/api/storyboards/${id}/export?${query}`;
  const handler = (await r()).exportFile as (req: Request, ctx: unknown) => Promise<Response>;
  return handler(new Request(url), { params: Promise.resolve({ id }) });
};

describe("export and import routes", () => {
  it.each([
    ["日本語", "pdf", `attachment; filename="storyboard.pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf`],
    ["Crème brûlée", "json", `attachment; filename="Creme brulee.storyboard.json"; filename*=UTF-8''Cr%C3%A8me%20br%C3%BBl%C3%A9e.storyboard.json`],
    ["The Keeper's Rock", "pdf", `attachment; filename="The Keeper's Rock.pdf"; filename*=UTF-8''The%20Keeper%27s%20Rock.pdf`],
  ])("a storyboard titled %j downloads under its title (%s)", async (title, format, disposition) => {
    const routes = await r();
    const id = (await call(routes.create, { method: "POST", body: { prompt: "A fox in the snow", title, frameCount: 3 } })).body.storyboard.id as string;
    const res = await exportAs(id, `format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(disposition);
    await res.arrayBuffer();
  });

  it("round-trips JSON: export → import → export is identical but for the export date and the “(imported)” title", async () => {
    const id = await drawnStoryboard("A grandmother teaches her grandson to fish at dawn on a misty lake", 4);
    const first = await exportAs(id, "format=json");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.storyboard\.json"/);
    const file = await first.json();
    const imported = await call((await r()).importFile, { method: "POST", body: file });
    expect(imported.status).toBe(201);
    expect(imported.body.storyboard.scenes).toHaveLength(4);
    const second = await (await exportAs(imported.body.storyboard.id, "format=json")).json();
    const strip = (j: { exportedAt?: string; storyboard: { title: string }; scenes: { frame: unknown }[] }) => ({
      ...j,
      exportedAt: undefined,
      storyboard: { ...j.storyboard, title: undefined },
      scenes: j.scenes.map((s) => ({ ...s, frame: undefined })),
    });
    expect(strip(second)).toEqual(strip(file));
    expect(second.storyboard.title).toBe(`${file.storyboard.title} (imported)`);
  });

  it("rejects foreign or broken JSON with 400 and issues", async () => {
    const { importFile } = await r();
    const foreign = await call(importFile, { method: "POST", body: { hello: "world" } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues.length).toBeGreaterThan(0);
    const broken = await call(importFile, { method: "POST", body: "{not json" });
    expect(broken.status).toBe(400);
  });

  it("exports a PDF and a ZIP, counting placeholders", async () => {
    const id = await drawnStoryboard("A courier cycles through a flooded city to deliver a birthday cake", 3);
    const pdf = await exportAs(id, "format=pdf&layout=grid-3x3");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("x-storyframe-placeholders")).toBe("0");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const zip = await exportAs(id, "format=zip");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
  });

  it("rejects an unknown format or layout", async () => {
    const id = await drawnStoryboard("A kite festival on a windy beach", 3);
    expect((await exportAs(id, "format=docx")).status).toBe(400);
    expect((await exportAs(id, "format=pdf&layout=poster")).status).toBe(400);
    expect((await exportAs("missing", "format=pdf")).status).toBe(404);
  });
});

describe("credits travel with the frames", () => {
  it("a drawn board whose frames depict game-icons art exports a ZIP with CREDITS.txt naming game-icons.net (CC BY 3.0)", async () => {
    const { readZip } = await import("@/tests/export/zip-reader");
    const id = await drawnStoryboard("An old lighthouse keeper and a seagull who steals his sandwich every morning", 4);
    const res = await exportAs(id, "format=zip");
    expect(res.status).toBe(200);
    const entries = readZip(Buffer.from(await res.arrayBuffer()));
    const credits = entries.find((e) => e.name === "CREDITS.txt")?.data.toString("utf8") ?? "";
    expect(credits).toMatch(/game-icons\.net, CC BY 3\.0/);
  });
});
