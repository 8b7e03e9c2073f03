import { inflateRawSync } from "node:zlib";

// A small, strict ZIP reader for imported bundles: central directory → local headers → stored or
// deflated entries. Everything is bounds-checked, sizes are capped before and during inflation
// (a ZIP bomb stops at the cap), and anything unusual (encryption, ZIP64, other methods, names
// with "..") is refused. It returns a reason instead of throwing so the caller picks the 4xx.

export type ZipLimits = { maxEntries: number; maxEntryBytes: number; maxTotalBytes: number };
export type ZipEntries = Map<string, Buffer>;
export type ZipResult = { ok: true; entries: ZipEntries } | { ok: false; problem: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
}

export function readZip(zip: Buffer, limits: ZipLimits): ZipResult {
  const fail = (problem: string): ZipResult => ({ ok: false, problem });
  // The end record sits in the last 22 + up to 65535 (comment) bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail("it is not a ZIP file (no end of central directory)");
  const count = zip.readUInt16LE(eocd + 10);
  const dirSize = zip.readUInt32LE(eocd + 12);
  const dirOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return fail("ZIP64 archives are not supported");
  if (count > limits.maxEntries) return fail(`it has more than ${limits.maxEntries} entries`);
  if (dirOffset + dirSize > eocd) return fail("its central directory is out of bounds");

  const entries: ZipEntries = new Map();
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) return fail("its central directory is corrupt");
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    if (p + 46 + nameLength > eocd) return fail("its central directory is corrupt");
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (name.endsWith("/")) continue; // a folder
    if (flags & 0x1) return fail(`${name} is encrypted`);
    if (name.includes("\\") || name.startsWith("/") || name.split("/").includes("..") || name.includes("\0")) {
      return fail(`the entry name ${JSON.stringify(name.slice(0, 80))} is not allowed`);
    }
    if (method !== 0 && method !== 8) return fail(`${name} uses an unsupported compression method`);
    if (size > limits.maxEntryBytes) return fail(`${name} is larger than ${Math.round(limits.maxEntryBytes / 1024 / 1024)} MB`);
    total += size;
    if (total > limits.maxTotalBytes) return fail(`it unpacks to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`);
    if (entries.has(name)) return fail(`${name} appears twice`);

    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) return fail(`${name} has no local header`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) return fail(`${name} is truncated`);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) {
      if (compressedSize !== size) return fail(`${name} has inconsistent sizes`);
      data = raw;
    } else {
      try {
        // Cap the output at the declared size: a lying header cannot make us inflate more.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
      } catch {
        return fail(`${name} could not be decompressed`);
      }
      if (data.length !== size) return fail(`${name} has inconsistent sizes`);
    }
    entries.set(name, data);
  }
  return { ok: true, entries };
}
