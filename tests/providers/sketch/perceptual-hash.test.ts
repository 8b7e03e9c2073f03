import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { dHash, hammingDistance, hashToHex } from "@/lib/providers/sketch/perceptual-hash";

function gradient(width: number, height: number, flip: boolean): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = Math.round(((flip ? width - 1 - x : x) / (width - 1)) * 255);
  }
  return sharp(data, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

describe("dHash", () => {
  it("hashes a left-to-right brightening ramp to all zeros and its mirror to all ones", async () => {
    expect(await dHash(await gradient(90, 80, false))).toBe(0n);
    expect(await dHash(await gradient(90, 80, true))).toBe(0xffff_ffff_ffff_ffffn);
  });

  it("ignores size and encoding", async () => {
    const png = await gradient(180, 160, true);
    const small = await sharp(png).resize(45, 40).jpeg({ quality: 70 }).toBuffer();
    expect(hammingDistance(await dHash(png), await dHash(small))).toBeLessThanOrEqual(2);
  });
});

describe("hammingDistance", () => {
  it.each([
    [0n, 0n, 0],
    [0n, 1n, 1],
    [0b1011n, 0b0110n, 3],
    [0n, 0xffff_ffff_ffff_ffffn, 64],
  ])("%s vs %s → %s", (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
  });

  it("formats hashes as 16 hex digits", () => {
    expect(hashToHex(0xabcn)).toBe("0000000000000abc");
  });
});
