import "server-only";

import * as archiverModule from "archiver";
import type { Archiver, ArchiverOptions } from "archiver";

import { extensionForContentType, sceneNumber, slugify } from "@/lib/export/labels";
import { orderedScenes } from "@/lib/export/scenes";
import { stringifyStoryboardJson, toStoryboardJson } from "@/lib/export/storyboard-json";
import type { ExportStoryboard, ReadObject } from "@/lib/export/types";

export type ZipOptions = {
  /** A rendered PDF to include as storyboard.pdf. */
  pdf?: Uint8Array;
  /** exportedAt in storyboard.json and the entries' timestamps. */
  now?: Date;
};

/**
 * How far the archive may run ahead of the reader before the next frame is fetched. archiver
 * accepts appended buffers at once and holds them until read, so without this gate a slow client
 * would make us hold every frame of the storyboard in memory.
 */
const AHEAD_BYTES = 1024 * 1024;

/**
 * The storyboard as a ZIP, streamed: frames are read one at a time, as the client drains the
 * archive, so memory stays near one frame however large the storyboard. Entries:
 * `01-<scene-slug>.<ext>` (each frame as originally stored), `storyboard.json`, `storyboard.pdf`
 * when given, and `MISSING.txt` listing scenes without a frame.
 */
export function streamStoryboardZip(sb: ExportStoryboard, read: ReadObject, options: ZipOptions = {}): ReadableStream<Uint8Array> {
  const now = options.now ?? new Date();
  return streamZipArchive((archive, gate) => fillArchive(archive, sb, read, now, options.pdf, gate));
}

/**
 * A ZIP streamed as the client drains it; `fill` appends entries (waiting on `gate.ready()`
 * before reading each large one) and finalizes the archive. Shared by the ZIP and bundle exports.
 */
export function streamZipArchive(fill: (archive: Archiver, gate: ReadGate) => Promise<void>): ReadableStream<Uint8Array> {
  // Frames are already compressed: they are stored; only text entries are deflated.
  const archive = createZipArchive({ zlib: { level: 6 } });
  const chunks = archive[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const gate = new ReadGate();
  let started = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          fill(archive, gate).catch((error: unknown) => {
            archive.destroy(error instanceof Error ? error : new Error(String(error)));
          });
        }
        const { value, done } = await chunks.next();
        if (done) {
          controller.close();
          return;
        }
        gate.consumed(value.length);
        controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      async cancel() {
        gate.cancel();
        archive.abort();
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

async function fillArchive(
  archive: Archiver,
  sb: ExportStoryboard,
  read: ReadObject,
  now: Date,
  pdf: Uint8Array | undefined,
  gate: ReadGate,
): Promise<void> {
  const scenes = orderedScenes(sb);
  const missing: string[] = [];
  for (const [index, scene] of scenes.entries()) {
    const number = sceneNumber(index + 1, scenes.length);
    if (!scene.frame) {
      missing.push(`${number}  ${oneLine(scene.description)} — not generated yet`);
      continue;
    }
    await gate.ready();
    if (gate.cancelled) return;
    let bytes: Buffer;
    try {
      bytes = await read(scene.frame.originalKey);
    } catch {
      // One unreadable object should not cost the user the whole archive; MISSING.txt says which.
      missing.push(`${number}  ${oneLine(scene.description)} — the stored image could not be read`);
      continue;
    }
    if (gate.cancelled) return;
    const name = `${number}-${slugify(scene.description)}.${extensionForContentType(scene.frame.contentType)}`;
    archive.append(bytes, { name, store: true, date: now });
    gate.appended(bytes.length);
  }

  archive.append(stringifyStoryboardJson(toStoryboardJson(sb, now)), { name: "storyboard.json", date: now });
  if (pdf) archive.append(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), { name: "storyboard.pdf", store: true, date: now });
  if (missing.length > 0) {
    const text = [
      "These scenes have no frame in this archive:",
      "",
      ...missing,
      "",
      "They are still listed, with their text, in storyboard.json.",
      "",
    ].join("\n");
    archive.append(text, { name: "MISSING.txt", date: now });
  }
  if (sb.credits?.length) archive.append(`${sb.credits.join("\n")}\n`, { name: "CREDITS.txt", date: now });
  await archive.finalize();
}

/**
 * archiver 7 (installed) exports a factory function while @types/archiver 8 describes archiver 8's
 * classes. This accepts both, so upgrading either package does not break the ZIP export.
 */
function createZipArchive(options: ArchiverOptions): Archiver {
  const mod = archiverModule as unknown as {
    ZipArchive?: new (options: ArchiverOptions) => Archiver;
    default?: unknown;
  };
  if (typeof mod.ZipArchive === "function") return new mod.ZipArchive(options);
  const factory = (typeof mod.default === "function" ? mod.default : mod) as (format: "zip", options: ArchiverOptions) => Archiver;
  return factory("zip", options);
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Counts bytes handed to archiver against bytes the reader took, and parks the producer between. */
export class ReadGate {
  private appendedBytes = 0;
  private consumedBytes = 0;
  private waiter: (() => void) | null = null;
  cancelled = false;

  appended(bytes: number): void {
    this.appendedBytes += bytes;
  }

  consumed(bytes: number): void {
    this.consumedBytes += bytes;
    this.wake();
  }

  cancel(): void {
    this.cancelled = true;
    this.wake();
  }

  /** Resolves once the reader is within AHEAD_BYTES of what was appended (or gave up). */
  ready(): Promise<void> {
    if (this.cancelled || this.appendedBytes - this.consumedBytes <= AHEAD_BYTES) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiter = () => {
        if (this.cancelled || this.appendedBytes - this.consumedBytes <= AHEAD_BYTES) {
          this.waiter = null;
          resolve();
        }
      };
    });
  }

  private wake(): void {
    this.waiter?.();
  }
}
