import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { tempDir } from "../helpers/temp";

async function tables(url: string) {
  const client = createClient({ url });
  const rs = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const names = rs.rows.map((r) => String(r.name));
  const applied = await client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
  client.close();
  return { names, applied: Number(applied.rows[0]?.n) };
}

describe("migrations", () => {
  it("create the schema on a fresh file database, creating its folder", async () => {
    const dir = await tempDir();
    const url = `file:${path.join(dir, "nested", "deeper", "fresh.db")}`;
    const { client } = await openDatabase(url);
    client.close();
    const { names, applied } = await tables(url);
    expect(names).toEqual(expect.arrayContaining(["storyboards", "scenes", "frames", "__drizzle_migrations"]));
    expect(applied).toBeGreaterThanOrEqual(1);
  });

  it("are a no-op on an already-migrated database", async () => {
    const dir = await tempDir();
    const url = `file:${path.join(dir, "again.db")}`;
    const first = await openDatabase(url);
    const before = await tables(url);
    expect(await migrateDatabase(first.client)).toBe(0);
    first.client.close();
    const second = await openDatabase(url);
    second.client.close();
    expect(await tables(url)).toEqual(before);
  });

  it("are safe when several processes open the same new database at once", async () => {
    const dir = await tempDir();
    const url = `file:${path.join(dir, "race.db")}`;
    const clients = Array.from({ length: 4 }, () => createClient({ url, timeout: 5000 }));
    const applied = await Promise.all(clients.map((c) => migrateDatabase(c)));
    for (const c of clients) c.close();
    // exactly one opener applied each migration; the rest found it done
    const { applied: recorded } = await tables(url);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(recorded);
  });
});
