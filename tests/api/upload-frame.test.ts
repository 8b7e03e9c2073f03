import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

// Issue 14: your own picture for a frame — validated, processed by sharp and stored like a
// generated frame, a new variation that becomes the selected one.

beforeAll(async () => {
  await useTempAppEnv();
});

const r = async () => ({
  collection: await import("@/app/api/storyboards/route"),
  one: await import("@/app/api/storyboards/[id]/route"),
  upload: (await import("@/app/api/storyboards/[id]/scenes/[sceneId]/frames/route")).POST,
  undo: (await import("@/app/api/storyboards/[id]/undo/route")).POST,
  files: (await import("@/app/api/files/[...key]/route")).GET,
});

async function create(prompt: string) {
  const res = await call((await r()).collection.POST, { method: "POST", body: { prompt, frameCount: 3 } });
  return res.body.storyboard;
}

/** A picture no renderer would draw: an orange disc on teal, with a label. */
async function picture(format: "png" | "jpeg" | "webp", width = 640, height = 360): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#0f766e"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#f97316"/><text x="20" y="${height - 24}" font-family="DejaVu Sans" font-size="28" fill="white">my own picture</text></svg>`;
  return sharp(Buffer.from(svg))[format]().toBuffer();
}

async function send(id: string, sceneId: string, body: BodyInit, contentType?: string) {
  const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
  const res = await (await r()).upload(new Request("http://127.0.0.1/x", { method: "POST", body, headers }), {
    params: Promise.resolve({ id, sceneId }),
  });
  return { status: res.status, body: await res.json() };
}

async function fetchFile(url: string): Promise<Buffer> {
  const key = new URL(url, "http://127.0.0.1").pathname.replace(/^\/api\/files\//, "").split("/").map(decodeURIComponent);
  const res = await (await r()).files(new Request(`http://127.0.0.1${url}`), { params: Promise.resolve({ key }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("POST /api/storyboards/:id/scenes/:sceneId/frames", () => {
  it("stores a raw PNG body as a new selected variation with display and thumbnail copies", async () => {
    const sb = await create("A potter at her wheel");
    const scene = sb.scenes[1];
    const png = await picture("png");
    const res = await send(sb.id, scene.id, new Uint8Array(png), "image/png");
    expect(res.status).toBe(201);
    const shown = res.body.scene.selectedFrame;
    expect(shown).toMatchObject({ id: res.body.frameId, status: "succeeded", provider: "upload", image: { width: 640, height: 360 } });
    expect(res.body.scene.variations.map((v: { id: string }) => v.id)).toEqual([res.body.frameId]);
    expect(res.body.storyboard.scenesCompleted).toBe(1);

    const original = await fetchFile(shown.image.originalUrl);
    expect(original.equals(png)).toBe(true);
    const display = await fetchFile(shown.image.url);
    expect((await sharp(display).metadata()).format).toBe("webp");
    const thumb = await sharp(await fetchFile(shown.image.thumbnailUrl)).metadata();
    expect(thumb).toMatchObject({ format: "webp", width: 480, height: 270 });
    // The display copy is the same picture (compared by its pixels, scaled down to a few).
    const signature = async (b: Buffer) => (await sharp(b).resize(4, 4, { fit: "fill" }).removeAlpha().raw().toBuffer()).toJSON().data;
    const [a, d] = [await signature(png), await signature(display)];
    expect(a.every((v: number, i: number) => Math.abs(v - d[i]!) <= 8)).toBe(true);
  });

  it("accepts a multipart form (field file) and JPEG / WebP; the upload replaces the selection, undo restores the previous one", async () => {
    const sb = await create("A cyclist climbs a mountain pass");
    const scene = sb.scenes[0];
    const first = await send(sb.id, scene.id, new Uint8Array(await picture("jpeg")), "image/jpeg");
    expect(first.status).toBe(201);
    const form = new FormData();
    form.set("file", new File([new Uint8Array(await picture("webp", 800, 800))], "square.webp", { type: "image/webp" }));
    const second = await send(sb.id, scene.id, form);
    expect(second.status).toBe(201);
    expect(second.body.scene.selectedFrame).toMatchObject({ id: second.body.frameId, image: { width: 800, height: 800 } });
    expect(second.body.scene.variations).toHaveLength(2);

    const undone = await call((await r()).undo, { method: "POST", params: { id: sb.id } });
    expect(undone.body.undone.kind).toBe("frame.upload");
    expect(undone.body.storyboard.scenes[0].selectedFrame.id).toBe(first.body.frameId);
  });

  it.each([
    ["an SVG", async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), "image/svg+xml", 422],
    ["text called a PNG", async () => Buffer.from("definitely not a picture"), "image/png", 422],
    ["a truncated PNG", async () => (await picture("png")).subarray(0, 200), "image/png", 422],
    ["a GIF", async () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).gif().toBuffer(), "image/gif", 422],
    ["an empty body", async () => Buffer.alloc(0), "image/png", 400],
    ["a JSON body", async () => Buffer.from('{"image":"x"}'), "application/json", 415],
    ["no content type", async () => Buffer.from("x"), "", 415],
    ["a body over the cap", async () => Buffer.alloc(13 * 1024 * 1024, 1), "image/png", 413],
    ["a form without a file", async () => Buffer.from('--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--b--\r\n'), "multipart/form-data; boundary=b", 400],
    ["a broken form", async () => Buffer.from("--nope"), "multipart/form-data; boundary=b", 400],
  ])("refuses %s with a 4xx and stores nothing", async (_name, make, type, status) => {
    const sb = await create("A gardener plants tulips");
    const res = await send(sb.id, sb.scenes[0].id, new Uint8Array(await make()), type || undefined);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ success: false, error: { code: expect.any(String) } });
    const after = (await call((await r()).one.GET, { params: { id: sb.id } })).body.storyboard;
    expect(after.scenes[0].variations).toEqual([]);
  });

  it("refuses an approved storyboard (409 STORYBOARD_LOCKED), an unknown scene (404) and a bomb-sized image (422)", async () => {
    const sb = await create("A lighthouse keeper paints the lamp");
    const png = new Uint8Array(await picture("png"));
    expect((await send(sb.id, "no-such-scene", png, "image/png")).status).toBe(404);
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect((await send(sb.id, sb.scenes[0].id, new Uint8Array(huge), "image/png")).status).toBe(422);
    await call((await r()).one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true, force: true } });
    const locked = await send(sb.id, sb.scenes[0].id, png, "image/png");
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("STORYBOARD_LOCKED");
  });
});
