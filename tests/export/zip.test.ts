import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { renderStoryboardPdf } from "@/lib/export/pdf";
import { parseStoryboardJson } from "@/lib/export/storyboard-json";
import type { ReadObject } from "@/lib/export/types";
import { streamStoryboardZip } from "@/lib/export/zip";
import { FIXTURE_NOW, buildStoryboard } from "@/tests/export/fixtures";
import { collect, readZip } from "@/tests/export/zip-reader";

const run = promisify(execFile);
const hasUnzip = await run("unzip", ["-v"]).then(
  () => true,
  () => false,
);

describe("streamStoryboardZip", () => {
  it("holds the frames as stored, storyboard.json, the PDF and MISSING.txt", async () => {
    const fixture = await buildStoryboard({ scenes: 5, missing: [2] });
    const pdf = await renderStoryboardPdf(fixture.sb, fixture.read, { now: FIXTURE_NOW });
    const zip = await collect(streamStoryboardZip(fixture.sb, fixture.read, { pdf, now: FIXTURE_NOW }));
    const entries = readZip(zip);

    expect(entries.map((e) => e.name)).toEqual([
      "01-a-lighthouse-keeper-climbs-the-spiral.png",
      "03-from-the-gallery-she-sees-a-small-boat.webp",
      "04-she-races-down-the-rocks-to-the-jetty.png",
      "05-waves-break-over-the-bow-as-she-rows.jpg",
      "storyboard.json",
      "storyboard.pdf",
      "MISSING.txt",
    ]);
    for (const [name, key] of [
      ["01-a-lighthouse-keeper-climbs-the-spiral.png", "frames/scene-1/original.png"],
      ["03-from-the-gallery-she-sees-a-small-boat.webp", "frames/scene-3/original.webp"],
      ["05-waves-break-over-the-bow-as-she-rows.jpg", "frames/scene-5/original.jpg"],
    ] as const) {
      const entry = entries.find((e) => e.name === name);
      expect(entry?.method, `${name} is stored, not recompressed`).toBe(0);
      expect(entry?.data.equals(fixture.objects.get(key)!)).toBe(true);
    }

    const json = parseStoryboardJson(JSON.parse(entries.find((e) => e.name === "storyboard.json")!.data.toString("utf8")));
    expect(json.scenes).toHaveLength(5);
    expect(json.scenes[1]?.frame).toBeNull();
    expect(json.exportedAt).toBe(FIXTURE_NOW.toISOString());

    expect(Buffer.from(pdf).equals(entries.find((e) => e.name === "storyboard.pdf")!.data)).toBe(true);
    const missing = entries.find((e) => e.name === "MISSING.txt")!.data.toString("utf8");
    expect(missing).toContain("02  Close on her weathered hands");
    expect(missing).toContain("not generated yet");
    expect(missing).not.toContain("01 ");

    if (hasUnzip) {
      const dir = await mkdtemp(path.join(os.tmpdir(), "storyframe-zip-test-"));
      try {
        await writeFile(path.join(dir, "a.zip"), zip);
        const { stdout } = await run("unzip", ["-t", path.join(dir, "a.zip")]);
        expect(stdout).toContain("No errors detected");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });

  it("leaves out storyboard.pdf when none is given and MISSING.txt when nothing is missing", async () => {
    const fixture = await buildStoryboard({ scenes: 2 });
    const entries = readZip(await collect(streamStoryboardZip(fixture.sb, fixture.read, { now: FIXTURE_NOW })));
    expect(entries.map((e) => e.name)).toEqual(["01-a-lighthouse-keeper-climbs-the-spiral.png", "02-close-on-her-weathered-hands-as-she.jpg", "storyboard.json"]);
  });

  it("lists a frame whose object cannot be read in MISSING.txt instead of failing the archive", async () => {
    const fixture = await buildStoryboard({ scenes: 2 });
    const read: ReadObject = async (key) => {
      if (key.includes("scene-2")) throw new Error("NoSuchKey");
      return fixture.read(key);
    };
    const entries = readZip(await collect(streamStoryboardZip(fixture.sb, read, { now: FIXTURE_NOW })));
    expect(entries.map((e) => e.name)).toEqual(["01-a-lighthouse-keeper-climbs-the-spiral.png", "storyboard.json", "MISSING.txt"]);
    expect(entries[2]?.data.toString("utf8")).toContain("02  Close on her weathered hands as she trims the wick; the brass glints in the fir… — the stored image could not be read");
  });

  it("reads frames lazily, as the reader drains the archive", async () => {
    const fixture = await buildStoryboard({ scenes: 8 });
    const reads: string[] = [];
    const frameBytes = 700 * 1024;
    const read: ReadObject = async (key) => {
      reads.push(key);
      return randomBytes(frameBytes);
    };
    const reader = streamStoryboardZip(fixture.sb, read, { now: FIXTURE_NOW }).getReader();
    await new Promise((r) => setTimeout(r, 50));
    expect(reads, "nothing is read before the first pull").toHaveLength(0);

    let received = 0;
    const first = await reader.read();
    received += first.value?.byteLength ?? 0;
    await new Promise((r) => setTimeout(r, 100));
    // Only about 1 MB may run ahead of the reader: at most a couple of frames fetched so far.
    expect(reads.length).toBeLessThanOrEqual(3);

    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value.byteLength;
    }
    expect(reads).toHaveLength(8);
    expect(received).toBeGreaterThan(8 * frameBytes);
  });

  it("stops reading frames when the client goes away", async () => {
    const fixture = await buildStoryboard({ scenes: 8 });
    const reads: string[] = [];
    const read: ReadObject = async (key) => {
      reads.push(key);
      return randomBytes(700 * 1024);
    };
    const stream = streamStoryboardZip(fixture.sb, read, { now: FIXTURE_NOW });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    const after = reads.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(reads.length).toBe(after);
    expect(after).toBeLessThan(8);
  });
});

describe("CREDITS.txt", () => {
  it("is written when the frames' artwork asks for attribution, and only then", async () => {
    const fixture = await buildStoryboard({ scenes: 2 });
    const credits = ["Icons made by Lorc from game-icons.net, CC BY 3.0."];
    const withCredits = readZip(await collect(streamStoryboardZip({ ...fixture.sb, credits }, fixture.read, { now: FIXTURE_NOW })));
    expect(withCredits.find((e) => e.name === "CREDITS.txt")?.data.toString("utf8")).toBe(`${credits[0]}\n`);
    const without = readZip(await collect(streamStoryboardZip(fixture.sb, fixture.read, { now: FIXTURE_NOW })));
    expect(without.some((e) => e.name === "CREDITS.txt")).toBe(false);
  });
});
