import { crc32, deflateRawSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { readZip } from "@/lib/export/read-zip";
import { call, useTempAppEnv } from "../helpers/app-env";

// Issue 14: the bundle export (ZIP: JSON + every selected frame and variation) imports back with
// every frame; JSON imports are titled "… (imported)"; a bad bundle is a 4xx that leaves nothing.

let storageDir: string;
beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv());
});

const r = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  list: (await import("@/app/api/storyboards/route")).GET,
  one: (await import("@/app/api/storyboards/[id]/route")).GET,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  exportFile: (await import("@/app/api/storyboards/[id]/export/route")).GET,
  importFile: (await import("@/app/api/storyboards/import/route")).POST,
  upload: (await import("@/app/api/storyboards/[id]/scenes/[sceneId]/frames/route")).POST,
  files: (await import("@/app/api/files/[...key]/route")).GET,
});

const LIMITS = { maxEntries: 1000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

async function settle(id: string) {
  const routes = await r();
  for (let i = 0; i < 60; i++) {
    if ((await call(routes.status, { params: { id } })).body.progress.scenesInFlight === 0) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error("frames never finished");
}

async function exportBundle(id: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await (await r()).exportFile(new Request(`http://127.0.0.1/x?format=bundle`), { params: Promise.resolve({ id }) });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function importBytes(body: Buffer | string, type: string) {
  const res = await (await r()).importFile(
    new Request("http://127.0.0.1/api/storyboards/import", { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body), headers: { "content-type": type } }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
}

async function fileBytes(url: string): Promise<Buffer> {
  const key = new URL(url, "http://127.0.0.1").pathname.replace(/^\/api\/files\//, "").split("/").map(decodeURIComponent);
  const res = await (await r()).files(new Request(`http://127.0.0.1${url}`), { params: Promise.resolve({ key }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** A ZIP written by hand, so a test can make it lie. */
function zipOf(entries: { name: string; data: Buffer; deflate?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const countStoryboards = async () => (await call((await r()).list, { url: "http://127.0.0.1/api/storyboards?limit=100" })).body.storyboards.length;

let bundle: Buffer;
let original: { id: string; title: string; scenes: { variations: { id: string }[]; selectedFrame: { id: string; image: { originalUrl: string } } }[] };

describe("bundle export → import", () => {
  it("exports the JSON, a manifest and every selected frame and variation; import brings every frame back", async () => {
    const routes = await r();
    const created = (await call(routes.create, { method: "POST", body: { prompt: "A tightrope walker crosses a canyon at sunset", frameCount: 3 } })).body.storyboard;
    await call(routes.generate, { method: "POST", params: { id: created.id } });
    await settle(created.id);
    // a second variation of scene 1, then an uploaded picture for scene 2 (selected)
    await call(routes.generate, { method: "POST", params: { id: created.id }, body: { sceneIds: [created.scenes[0].id], force: true } });
    await settle(created.id);
    const png = await sharp({ create: { width: 320, height: 180, channels: 3, background: "#7c3aed" } }).png().toBuffer();
    const up = await routes.upload(new Request("http://127.0.0.1/x", { method: "POST", body: new Uint8Array(png), headers: { "content-type": "image/png" } }), {
      params: Promise.resolve({ id: created.id, sceneId: created.scenes[1].id }),
    });
    expect(up.status).toBe(201);
    original = (await call(routes.one, { params: { id: created.id } })).body.storyboard;
    expect(original.scenes.map((s) => s.variations.length)).toEqual([2, 2, 1]);

    const { res, bytes } = await exportBundle(created.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/\.storyframe\.zip"/);
    bundle = bytes;
    const opened = readZip(bytes, LIMITS);
    if (!opened.ok) throw new Error(opened.problem);
    const names = [...opened.entries.keys()].sort();
    expect(names).toEqual(["bundle.json", "frames/01-1.png", "frames/01-2.png", "frames/02-1.png", "frames/02-2.png", "frames/03-1.png", "storyboard.json"]);
    const manifest = JSON.parse(opened.entries.get("bundle.json")!.toString());
    expect(manifest.frames.filter((f: { selected: boolean }) => f.selected).map((f: { scene: number }) => f.scene)).toEqual([1, 2, 3]);
    expect(manifest.frames.find((f: { file: string }) => f.file === "frames/02-1.png")).toMatchObject({ provider: "upload", width: 320, height: 180, selected: true });
    expect(opened.entries.get("frames/02-1.png")!.equals(png)).toBe(true);

    const imported = await importBytes(bytes, "application/zip");
    expect(imported.status).toBe(201);
    const copy = imported.body.storyboard;
    expect(copy.title).toBe(`${original.title} (imported)`);
    expect(copy.scenes.map((s: { variations: unknown[] }) => s.variations.length)).toEqual([2, 2, 1]);
    for (const [i, scene] of copy.scenes.entries()) {
      expect(scene.selectedFrame).not.toBeNull();
      const [mine, theirs] = [await fileBytes(scene.selectedFrame.image.originalUrl), await fileBytes(original.scenes[i]!.selectedFrame.image.originalUrl)];
      expect(mine.equals(theirs), `scene ${i + 1}: the selected picture is the same`).toBe(true);
    }
    expect(copy.scenes[1].selectedFrame.provider).toBe("upload");
    expect(copy.scenes[0].selectedFrame.id).not.toBe(original.scenes[0]!.selectedFrame.id);
    // the copy's pictures live under the copy: deleting the original doesn't touch them
    expect(copy.scenes[0].selectedFrame.image.url).toContain(copy.id);
  });

  it("a JSON import is a copy titled “… (imported)” with the text and no pictures", async () => {
    const res = await (await r()).exportFile(new Request(`http://127.0.0.1/x?format=json`), { params: Promise.resolve({ id: original.id }) });
    const imported = await importBytes(await res.text(), "application/json");
    expect(imported.status).toBe(201);
    expect(imported.body.storyboard.title).toBe(`${original.title} (imported)`);
    expect(imported.body.storyboard.scenes.every((s: { selectedFrame: unknown }) => s.selectedFrame === null)).toBe(true);
  });

  const entriesOf = () => {
    const opened = readZip(bundle, LIMITS);
    if (!opened.ok) throw new Error(opened.problem);
    return [...opened.entries].map(([name, data]) => ({ name, data }));
  };
  const withManifest = (edit: (m: { frames: { file: string; scene: number; selected: boolean }[] }) => void) =>
    entriesOf().map((e) => {
      if (e.name !== "bundle.json") return e;
      const m = JSON.parse(e.data.toString());
      edit(m);
      return { name: e.name, data: Buffer.from(JSON.stringify(m)) };
    });

  it.each([
    ["random bytes", () => Buffer.from("PK\u0003\u0004 but then nothing"), 400],
    ["a ZIP without bundle.json", () => zipOf(entriesOf().filter((e) => e.name !== "bundle.json")), 400],
    ["a ZIP without storyboard.json", () => zipOf(entriesOf().filter((e) => e.name !== "storyboard.json")), 400],
    ["a manifest naming a missing file", () => zipOf(entriesOf().filter((e) => e.name !== "frames/03-1.png")), 400],
    ["a manifest naming scene 9", () => zipOf(withManifest((m) => (m.frames[0]!.scene = 9))), 400],
    ["a manifest path outside frames/", () => zipOf(withManifest((m) => (m.frames[0]!.file = "../../etc/passwd"))), 400],
    ["two selected frames for one scene", () => zipOf(withManifest((m) => m.frames.forEach((f) => (f.selected = f.scene === 1 ? true : f.selected)))), 400],
    ["a frame that is not an image", () => zipOf(entriesOf().map((e) => (e.name === "frames/02-1.png" ? { name: e.name, data: Buffer.from("not a png") } : e))), 400],
    ["an entry named with ..", () => zipOf([...entriesOf(), { name: "../evil.txt", data: Buffer.from("x") }]), 400],
    ["a deflate bomb (1 KB declared, 50 MB inside)", () => zipOf([...entriesOf(), { name: "frames/bomb.png", data: Buffer.alloc(50 * 1024 * 1024), deflate: true, declaredSize: 1024 }]), 400],
    ["an entry over the size cap", () => zipOf([...entriesOf(), { name: "frames/big.png", data: Buffer.alloc(1), declaredSize: 13 * 1024 * 1024 }]), 400],
    ["a bad storyboard.json", () => zipOf(entriesOf().map((e) => (e.name === "storyboard.json" ? { name: e.name, data: Buffer.from('{"format":"nope"}') } : e))), 400],
  ])("refuses %s with a 4xx and imports nothing", async (_name, make, status) => {
    const before = await countStoryboards();
    const res = await importBytes(make(), "application/zip");
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
    expect(res.body).toMatchObject({ success: false, error: { code: "INVALID_REQUEST", message: expect.any(String) } });
    expect(await countStoryboards()).toBe(before);
  });

  it("refuses other content types (415) and leaves no files behind from a half-checked bundle", async () => {
    expect((await importBytes(bundle, "text/plain")).status).toBe(415);
    expect((await importBytes(bundle, "image/png")).status).toBe(415);
    const { readdir } = await import("node:fs/promises");
    const folders = async () => (await readdir(`${storageDir}/storyboards`)).sort();
    const before = await folders();
    const broken = zipOf(entriesOf().map((e) => (e.name === "frames/03-1.png" ? { name: e.name, data: Buffer.from("truncated") } : e)));
    expect((await importBytes(broken, "application/octet-stream")).status).toBe(400);
    expect(await folders()).toEqual(before);
  });
});
