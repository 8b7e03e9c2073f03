import "server-only";
import path from "node:path";
import sharp from "sharp";
import { createWorker } from "tesseract.js";
import { AppError } from "@/lib/errors";
import { INPUT_LIMITS } from "../schemas";

// CPU OCR with the English data shipped in @tesseract.js-data/eng: the language file is read from
// the npm package's folder, never fetched, so this works with no network at all.
// Resolved from the project root at call time: the bundler rewrites import.meta.url and require.
const langPath = () => path.join(process.cwd(), "node_modules", "@tesseract.js-data", "eng", "4.0.0_best_int");

/** base64 (or a data: URL) → PNG bytes sharp has checked, sized for OCR. */
export async function decodeImage(imageData: string): Promise<Buffer> {
  const b64 = imageData.replace(/^data:[^;,]*;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new AppError("UNREADABLE_INPUT", "image_data is not base64.");
  const bytes = Buffer.from(b64, "base64");
  if (bytes.byteLength > INPUT_LIMITS.imageMaxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "The image is larger than 8 MB.");
  try {
    const img = sharp(bytes, { limitInputPixels: 40_000_000 });
    const meta = await img.metadata();
    if (!meta.width || !meta.height) throw new Error("no size");
    // Small screenshots read better upscaled; grey removes coloured roadmap bars behind text.
    const scale = meta.width < 1000 ? 2 : 1;
    return await img.resize({ width: meta.width * scale }).greyscale().png().toBuffer();
  } catch {
    throw new AppError("UNREADABLE_INPUT", "image_data is not a PNG, JPEG, WebP or GIF image.");
  }
}

export async function ocrImage(png: Buffer): Promise<string> {
  const worker = await createWorker("eng", 1, { langPath: langPath(), gzip: true, cacheMethod: "none" });
  try {
    const { data } = await worker.recognize(png);
    return data.text;
  } finally {
    await worker.terminate();
  }
}
