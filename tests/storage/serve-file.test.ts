import { beforeAll, describe, expect, it } from "vitest";
import { serveStoredFile } from "@/lib/storage/serve-file";
import { route } from "@/lib/http/respond";
import { LocalStorage } from "@/lib/storage/local";
import { tempDir } from "../helpers/temp";

let storage: LocalStorage;
const hash = "b".repeat(64);
const serve = (key: string, headers: Record<string, string> = {}) =>
  route((req: Request) => serveStoredFile(req, storage, key.split("/")))(
    new Request(`http://local.test/api/files/${key}`, { headers }),
    {},
  );

beforeAll(async () => {
  storage = new LocalStorage(await tempDir());
  await storage.put(`storyboards/s/frames/${hash}.display.webp`, Buffer.from("RIFFxxxxWEBP"));
  await storage.put("storyboards/s/notes.txt", Buffer.from("hello"));
});

describe("file route", () => {
  it("serves content-addressed frames as immutable with type and ETag", async () => {
    const res = await serve(`storyboards/s/frames/${hash}.display.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(res.headers.get("etag")).toBeTruthy();
    expect(await res.text()).toBe("RIFFxxxxWEBP");
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await serve("storyboards/s/notes.txt");
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).not.toContain("immutable");
    const again = await serve("storyboards/s/notes.txt", { "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  it("answers 404 for a missing file", async () => {
    expect((await serve("storyboards/s/missing.png")).status).toBe(404);
  });

  it.each(["..", "../../etc/passwd", "storyboards/../../x", "a/./b", ".env", "a/%2e%2e/b"])(
    "answers 400 to traversal %j",
    async (key) => {
      const res = await serve(key);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("INVALID_REQUEST");
    },
  );
});
