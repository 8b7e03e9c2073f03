import { describe, expect, it } from "vitest";
import { assertValidKey, frameKeys, isImmutableKey, keyProblem } from "@/lib/storage/keys";

const TRAVERSALS = [
  "../etc/passwd",
  "..",
  "a/../../b",
  "a/./b",
  "/etc/passwd",
  "C:/Windows/win.ini",
  "c:\\windows",
  "a\\..\\b",
  "a/b\0.png",
  "%2e%2e/secret",
  "a/%2e%2e/b",
  "a//b",
  "a/b/",
  "",
  ".hidden",
  "a/.env",
  "a/b c.png",
  "~/x",
  "a/..%2fb",
  "x".repeat(600),
  "ünïcode/key.png",
];

describe("storage keys", () => {
  it.each(TRAVERSALS)("refuses %j", (key) => {
    expect(keyProblem(key)).not.toBeNull();
    expect(() => assertValidKey(key)).toThrow(/Invalid storage key/);
  });

  it.each(["storyboards/abc/frames/x.png", "a.txt", "exports/2026/11/board-1.pdf"])("accepts %j", (key) => {
    expect(keyProblem(key)).toBeNull();
  });

  it("names frames by content and marks them immutable", () => {
    const hash = "a".repeat(64);
    const keys = frameKeys("sb_1", hash, "png");
    expect(keys.original).toBe(`storyboards/sb_1/frames/${hash}.png`);
    expect(keys.display).toBe(`storyboards/sb_1/frames/${hash}.display.webp`);
    expect(isImmutableKey(keys.thumbnail)).toBe(true);
    expect(isImmutableKey("storyboards/sb_1/export.pdf")).toBe(false);
  });
});
