import { readdir } from "node:fs/promises";
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
});
