import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { lstat, mkdir, open, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertValidKey, contentTypeForKey } from "./keys";
import type { Storage, StoredObject, StoredStream } from "./types";

// Where the platform has it, O_NOFOLLOW makes opening a symlink fail (ELOOP) instead of following it.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

const isMissing = (e: unknown) => ["ENOENT", "ENOTDIR", "ELOOP"].includes((e as NodeJS.ErrnoException).code ?? "");

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

  /**
   * Whether `folder` really is where its path says, under the real root: a symlink anywhere on the
   * way (planted in the folder, or left by an operator) must not lead reads, writes or deletes out
   * of it. False when the folder does not exist.
   */
  private async isRealFolder(folder: string): Promise<boolean> {
    try {
      const [realRoot, real] = await Promise.all([realpath(this.root), realpath(folder)]);
      return real === path.join(realRoot, path.relative(this.root, folder));
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }

  /** Opens a stored file for reading, never through a symlink; null when there is no such file. */
  private async openFile(key: string) {
    const full = this.pathFor(key);
    try {
      if (!(await this.isRealFolder(path.dirname(full)))) return null;
      const handle = await open(full, constants.O_RDONLY | NO_FOLLOW);
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      return { handle, info };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async put(key: string, body: Buffer): Promise<void> {
    const full = this.pathFor(key);
    await mkdir(this.root, { recursive: true });
    // Check the deepest existing folder before creating the rest, and the result after.
    const folder = path.dirname(full);
    let existing = folder;
    while (existing !== this.root && !(await lstat(existing).then(() => true, () => false))) existing = path.dirname(existing);
    if (!(await this.isRealFolder(existing))) throw symlinkRefused(key);
    await mkdir(folder, { recursive: true });
    if (!(await this.isRealFolder(folder))) throw symlinkRefused(key);
    // Write then rename: a reader never sees a half-written file, and two writers of the same
    // content-addressed key simply replace one complete file with an identical one. "wx" creates
    // the temporary file exclusively (never through a planted symlink); rename replaces a symlink
    // at the key rather than writing through it.
    const tmp = `${full}.${randomUUID()}.tmp`;
    await writeFile(tmp, body, { flag: "wx" });
    await rename(tmp, full);
  }

  async get(key: string): Promise<StoredObject | null> {
    const opened = await this.openFile(key);
    if (!opened) return null;
    try {
      const body = await opened.handle.readFile();
      return { body, contentType: contentTypeForKey(key), size: opened.info.size, etag: etagOf(opened.info.size, opened.info.mtimeMs) };
    } finally {
      await opened.handle.close();
    }
  }

  async stream(key: string): Promise<StoredStream | null> {
    const opened = await this.openFile(key);
    if (!opened) return null;
    const { handle, info } = opened;
    const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    return { stream, contentType: contentTypeForKey(key), size: info.size, etag: etagOf(info.size, info.mtimeMs) };
  }

  async exists(key: string): Promise<boolean> {
    const opened = await this.openFile(key);
    if (!opened) return false;
    await opened.handle.close();
    return true;
  }

  async url(key: string): Promise<string> {
    assertValidKey(key);
    return `/api/files/${key}`;
  }

  async delete(key: string): Promise<void> {
    const full = this.pathFor(key);
    // rm removes a symlink itself, never its target; the folder check keeps it inside the root.
    if (await this.isRealFolder(path.dirname(full))) await rm(full, { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const dir = this.pathFor(prefix.replace(/\/$/, ""));
    if (!(await this.isRealFolder(path.dirname(dir)))) return 0;
    const existed = await lstat(dir).then(
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

function symlinkRefused(key: string): Error {
  return new Error(`storage refuses to write ${key}: a folder on its path is a symlink`);
}
