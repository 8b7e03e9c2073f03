import sharp from "sharp";

// dHash: a 64-bit perceptual fingerprint. The image is reduced to 9×8 greys and each bit says
// whether a pixel is brighter than its right-hand neighbour, so the hash follows the picture's
// large-scale structure and shrugs off line jitter, compression and small shifts. Two unrelated
// pictures differ in ~32 of 64 bits; near-duplicates in fewer than ~10.

/** 64-bit difference hash of an encoded image (PNG, WebP, JPEG…). */
export async function dHash(image: Buffer): Promise<bigint> {
  const { data } = await sharp(image)
    .greyscale()
    .resize(9, 8, { fit: "fill", kernel: "lanczos3" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = data[y * 9 + x] ?? 0;
      const right = data[y * 9 + x + 1] ?? 0;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash;
}

/** Number of differing bits between two 64-bit hashes (0 = same structure, 64 = inverse). */
export function hammingDistance(a: bigint, b: bigint): number {
  let x = (a ^ b) & 0xffff_ffff_ffff_ffffn;
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/** The hash as 16 hex digits, for logs and fixtures. */
export function hashToHex(hash: bigint): string {
  return hash.toString(16).padStart(16, "0");
}

/**
 * 64-bit average hash: 8×8 greys, each bit says whether a cell is brighter than the mean. Coarser
 * than dHash (it sees where the mass of the picture is), so it is the stricter test of "a new
 * composition": a frame that only moves its strokes keeps its aHash.
 */
export async function aHash(image: Buffer): Promise<bigint> {
  const { data } = await sharp(image).greyscale().resize(8, 8, { fit: "fill", kernel: "lanczos3" }).raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let i = 0; i < 64; i++) sum += data[i] ?? 0;
  const mean = sum / 64;
  let hash = 0n;
  for (let i = 0; i < 64; i++) hash = (hash << 1n) | ((data[i] ?? 0) > mean ? 1n : 0n);
  return hash;
}
