import { expect, it } from "vitest";
import type { Storage } from "@/lib/storage/types";

/** The behaviour every Storage implementation promises; run against local disk and real S3. */
export function storageContract(make: () => Storage) {
  it("round-trips bytes with a content type", async () => {
    const storage = make();
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    await storage.put("storyboards/sb1/frames/one.png", body, { contentType: "image/png" });
    expect(await storage.exists("storyboards/sb1/frames/one.png")).toBe(true);
    const got = await storage.get("storyboards/sb1/frames/one.png");
    expect(got?.body.equals(body)).toBe(true);
    expect(got?.contentType).toBe("image/png");
    expect(got?.size).toBe(body.length);
    expect(got?.etag).toBeTruthy();
  });

  it("streams an object", async () => {
    const storage = make();
    const body = Buffer.alloc(200_000, 7);
    await storage.put("storyboards/sb1/big.bin", body);
    const s = await storage.stream("storyboards/sb1/big.bin");
    expect(s).not.toBeNull();
    const read = Buffer.from(await new Response(s!.stream).arrayBuffer());
    expect(read.equals(body)).toBe(true);
  });

  it("answers null / false for missing objects", async () => {
    const storage = make();
    expect(await storage.get("storyboards/none/missing.png")).toBeNull();
    expect(await storage.stream("storyboards/none/missing.png")).toBeNull();
    expect(await storage.exists("storyboards/none/missing.png")).toBe(false);
  });

  it("overwrites the same key harmlessly", async () => {
    const storage = make();
    await storage.put("storyboards/sb2/same.txt", Buffer.from("one"));
    await storage.put("storyboards/sb2/same.txt", Buffer.from("one"));
    expect((await storage.get("storyboards/sb2/same.txt"))?.body.toString()).toBe("one");
  });

  it("deletes one object and a whole prefix", async () => {
    const storage = make();
    await storage.put("storyboards/sb3/a.txt", Buffer.from("a"));
    await storage.put("storyboards/sb3/frames/b.txt", Buffer.from("b"));
    await storage.put("storyboards/sb4/keep.txt", Buffer.from("k"));
    await storage.delete("storyboards/sb3/a.txt");
    expect(await storage.exists("storyboards/sb3/a.txt")).toBe(false);
    await storage.deletePrefix("storyboards/sb3/");
    expect(await storage.exists("storyboards/sb3/frames/b.txt")).toBe(false);
    expect(await storage.exists("storyboards/sb4/keep.txt")).toBe(true);
  });

  it("refuses traversal keys on every operation", async () => {
    const storage = make();
    await expect(storage.put("../escape.txt", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get("a/../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.stream("/etc/passwd")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.delete("a\\..\\b")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.deletePrefix("../")).rejects.toThrow(/Invalid storage key/);
  });

  it("answers its health check", async () => {
    await expect(make().check()).resolves.toBeUndefined();
  });
}
