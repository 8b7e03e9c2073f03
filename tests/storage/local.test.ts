import { lstat, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalStorage } from "@/lib/storage/local";
import { tempDir } from "../helpers/temp";
import { storageContract } from "./storage-contract";

let root: string;
beforeAll(async () => {
  root = path.join(await tempDir(), "files");
});

describe("LocalStorage", () => {
  storageContract(() => new LocalStorage(root));

  it("serves URLs through the file route", async () => {
    expect(await new LocalStorage(root).url("storyboards/x/frames/a.png")).toBe("/api/files/storyboards/x/frames/a.png");
  });

  it("leaves no temporary files behind after concurrent writes of one key", async () => {
    const storage = new LocalStorage(root);
    await Promise.all(
      Array.from({ length: 10 }, () => storage.put("storyboards/race/frames/same.bin", Buffer.alloc(50_000, 1))),
    );
    const files = await readdir(path.join(root, "storyboards/race/frames"));
    expect(files).toEqual(["same.bin"]);
  });

  describe("refuses symlinks out of its root", () => {
    let outside: string;
    let storage: LocalStorage;
    beforeAll(async () => {
      outside = path.join(await tempDir(), "outside");
      await mkdir(outside, { recursive: true });
      await writeFile(path.join(outside, "secret.txt"), "top secret");
      storage = new LocalStorage(path.join(await tempDir(), "files"));
      await storage.put("storyboards/ok/frames/a.png", Buffer.from("fine"));
      // a link in place of a file, and a link in place of a folder, both pointing outside
      await symlink(path.join(outside, "secret.txt"), path.join(storage.root, "storyboards/ok/frames/link.png"));
      await symlink(outside, path.join(storage.root, "storyboards/evil"));
    });

    it("never reads through a symlinked file or folder", async () => {
      for (const key of ["storyboards/ok/frames/link.png", "storyboards/evil/secret.txt"]) {
        expect(await storage.get(key), key).toBeNull();
        expect(await storage.stream(key), key).toBeNull();
        expect(await storage.exists(key), key).toBe(false);
      }
      expect((await storage.get("storyboards/ok/frames/a.png"))!.body.toString()).toBe("fine");
    });

    it("never writes through a symlinked folder", async () => {
      await expect(storage.put("storyboards/evil/frames/x.png", Buffer.from("planted"))).rejects.toThrow(/symlink/);
      await expect(storage.put("storyboards/evil/secret.txt", Buffer.from("planted"))).rejects.toThrow(/symlink/);
      expect(await readdir(outside)).toEqual(["secret.txt"]);
      expect(await readFile(path.join(outside, "secret.txt"), "utf8")).toBe("top secret");
    });

    it("writing a key that is a symlink replaces the link, not its target", async () => {
      const key = "storyboards/ok/frames/link2.png";
      await symlink(path.join(outside, "secret.txt"), path.join(storage.root, key));
      await storage.put(key, Buffer.from("new frame"));
      expect(await readFile(path.join(outside, "secret.txt"), "utf8")).toBe("top secret");
      expect((await lstat(path.join(storage.root, key))).isSymbolicLink()).toBe(false);
      expect((await storage.get(key))!.body.toString()).toBe("new frame");
    });

    it("never deletes through a symlinked folder", async () => {
      await storage.delete("storyboards/evil/secret.txt");
      await storage.deletePrefix("storyboards/evil/frames/");
      expect(await readFile(path.join(outside, "secret.txt"), "utf8")).toBe("top secret");
    });
  });
});
