import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/diagnostics/health";
import { LocalStorage } from "@/lib/storage/local";
import type { Storage } from "@/lib/storage/types";
import { tempDatabase } from "../helpers/db";
import { tempDir } from "../helpers/temp";

describe("health", () => {
  it("is ok when the database and storage answer", async () => {
    const { client } = await tempDatabase();
    const storage = new LocalStorage(await tempDir());
    const health = await checkHealth({ database: async () => client, storage: () => storage });
    expect(health.status).toBe("ok");
    expect(health.checks.database.ok).toBe(true);
    expect(health.checks.storage.ok).toBe(true);
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("names what failed, without leaking internals", async () => {
    const { client } = await tempDatabase();
    const broken = { check: async () => Promise.reject(new Error("EACCES: /srv/secret/path")) } as unknown as Storage;
    const health = await checkHealth({ database: async () => client, storage: () => broken });
    expect(health.status).toBe("degraded");
    expect(health.checks.storage).toMatchObject({ ok: false, error: "unavailable" });
    expect(JSON.stringify(health)).not.toContain("/srv/secret");

    const noDb = await checkHealth({
      database: async () => Promise.reject(new Error("connect ECONNREFUSED")),
      storage: () => new LocalStorage("/tmp"),
    });
    expect(noDb.checks.database.ok).toBe(false);
  });

  it("times out a backend that hangs", async () => {
    const hanging = { check: () => new Promise(() => {}) } as unknown as Storage;
    const { client } = await tempDatabase();
    const health = await checkHealth({ database: async () => client, storage: () => hanging, timeoutMs: 50 });
    expect(health.checks.storage.ok).toBe(false);
    expect(health.checks.storage.error).toMatch(/no answer/);
  });
});
