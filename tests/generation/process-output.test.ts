import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processOutput } from "@/lib/generation/process-output";

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

describe("processOutput", () => {
  it("keeps a display-ready WebP as its own display copy and still makes a thumbnail", async () => {
    const webp = await image(1344, 768).webp().toBuffer();
    const out = await processOutput(webp);
    expect(out.display).toBeNull();
    expect(out.original).toMatchObject({ ext: "webp", contentType: "image/webp" });
    const thumb = await sharp(out.thumbnail).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 480, 274]);
  });

  it("re-encodes a PNG, and a WebP over 1920 px, to a display WebP", async () => {
    const png = await processOutput(await image(1024, 1024).png().toBuffer());
    expect((await sharp(png.display!).metadata()).format).toBe("webp");
    const big = await processOutput(await image(2400, 1000).webp().toBuffer());
    const meta = await sharp(big.display!).metadata();
    expect([meta.width, meta.height]).toEqual([1920, 800]);
  });

  it("refuses what is not a raster image", async () => {
    await expect(processOutput(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"))).rejects.toMatchObject({
      failure: { code: "INVALID_OUTPUT" },
    });
    await expect(processOutput(Buffer.from("not an image"))).rejects.toMatchObject({ failure: { code: "INVALID_OUTPUT" } });
  });
});
