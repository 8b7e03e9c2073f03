import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

// A stand-in for a model's output: photo-like content (smooth gradients, soft shapes, fine grain)
// so that decoding and re-encoding cost about what a real flux frame costs. A flat or pure-noise
// image would be unrealistically cheap or expensive to encode.

export type TestImageOptions = {
  width: number;
  height: number;
  format: "webp" | "png" | "jpeg";
  /** Varies the content, so several frames get different bytes (content-addressed storage). */
  variant?: number;
  quality?: number;
};

function sceneSvg(width: number, height: number, variant: number): string {
  const hue = (variant * 47) % 360;
  const circles = Array.from({ length: 9 }, (_, i) => {
    const x = ((i * 137 + variant * 53) % 100) / 100;
    const y = ((i * 71 + variant * 29) % 100) / 100;
    const r = 0.06 + ((i * 13 + variant) % 10) / 60;
    return `<circle cx="${(x * width).toFixed(0)}" cy="${(y * height).toFixed(0)}" r="${(r * height).toFixed(0)}" fill="hsl(${(hue + i * 31) % 360},55%,${35 + (i % 4) * 10}%)" fill-opacity="0.55"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},45%,72%)"/>
      <stop offset="0.6" stop-color="hsl(${(hue + 40) % 360},40%,48%)"/>
      <stop offset="1" stop-color="hsl(${(hue + 80) % 360},35%,22%)"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  ${circles}
  <path d="M0 ${height * 0.72} Q ${width * 0.3} ${height * 0.55} ${width * 0.55} ${height * 0.7} T ${width} ${height * 0.66} V ${height} H 0 Z" fill="hsl(${(hue + 120) % 360},30%,25%)"/>
</svg>`;
}

/** Encoded image bytes of the requested size and format. */
export async function makeTestImage(options: TestImageOptions): Promise<Buffer> {
  const { width, height, format } = options;
  const variant = options.variant ?? 0;
  const base = await sharp(Buffer.from(sceneSvg(width, height, variant))).blur(1.5).removeAlpha().raw().toBuffer();
  // Fine grain, as in any photo or diffusion output: it is what makes encoders work.
  const grain = await sharp({
    create: { width, height, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: "gaussian", mean: 128, sigma: 16 } },
  })
    .blur(0.6)
    .raw()
    .toBuffer();
  const mixed = Buffer.alloc(base.length);
  for (let i = 0; i < base.length; i++) mixed[i] = Math.max(0, Math.min(255, base[i]! + (grain[i]! - 128) * 0.5));
  const image = sharp(mixed, { raw: { width, height, channels: 3 } });
  const quality = options.quality ?? 90;
  if (format === "webp") return image.webp({ quality }).toBuffer();
  if (format === "jpeg") return image.jpeg({ quality }).toBuffer();
  return image.png({ compressionLevel: 6 }).toBuffer();
}

/** makeTestImage, kept on disk under `dir` so later runs skip the encoding (bench/tmp is ignored by git). */
export async function cachedTestImage(dir: string, options: TestImageOptions): Promise<Buffer> {
  const { width, height, format } = options;
  const file = path.join(dir, `${width}x${height}-v${options.variant ?? 0}-q${options.quality ?? 90}.${format}`);
  try {
    return await readFile(file);
  } catch {
    const bytes = await makeTestImage(options);
    await mkdir(dir, { recursive: true });
    await writeFile(file, bytes);
    return bytes;
  }
}
