import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertValidKey, contentTypeForKey } from "./keys";
import type { Storage, StoredObject, StoredStream } from "./types";

const etagOf = (size: number, mtimeMs: number) =>
  `"${createHash("sha1").update(`${size}:${mtimeMs}`).digest("hex").slice(0, 20)}"`;

export class LocalStorage implements Storage {
  readonly driver = "local" as const;
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(/*turbopackIgnore: true*/ root);
  }

  /** Resolves a validated key and re-checks containment, so no key can escape the root. */
  private pathFor(key: string): string {
    assertValidKey(key);
    const full = path.resolve(/*turbopackIgnore: true*/ this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error("storage key escapes the root");
    return full;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const full = this.pathFor(key);
    await mkdir(path.dirname(full), { recursive: true });
    // Write then rename: a reader never sees a half-written file, and two writers of the same
    // content-addressed key simply replace one complete file with an identical one.
    const tmp = `${full}.${randomUUID()}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, full);
  }

  async get(key: string): Promise<StoredObject | null> {
    const full = this.pathFor(key);
    try {
      const [body, info] = await Promise.all([readFile(full), stat(full)]);
      return { body, contentType: contentTypeForKey(key), size: info.size, etag: etagOf(info.size, info.mtimeMs) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async stream(key: string): Promise<StoredStream | null> {
    const full = this.pathFor(key);
    try {
      const info = await stat(full);
      if (!info.isFile()) return null;
      const stream = Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>;
      return { stream, contentType: contentTypeForKey(key), size: info.size, etag: etagOf(info.size, info.mtimeMs) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathFor(key));
      return true;
    } catch {
      return false;
    }
  }

  async url(key: string): Promise<string> {
    assertValidKey(key);
    return `/api/files/${key}`;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const dir = this.pathFor(prefix.replace(/\/$/, ""));
    const existed = await access(dir).then(
      () => true,
      () => false,
    );
    await rm(dir, { recursive: true, force: true });
    return existed ? 1 : 0;
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const probe = path.join(this.root, `.health-${randomUUID()}`);
    await writeFile(probe, "ok");
    await rm(probe, { force: true });
  }
}
