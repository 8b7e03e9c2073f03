import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "@libsql/client";

// Applies drizzle-kit's migrations (drizzle/meta/_journal.json + NNNN_tag.sql) and records them in
// drizzle's own __drizzle_migrations table, so drizzle-kit tooling agrees with what ran.
// Runs inside a write transaction: two processes starting at once serialize on the database's write
// lock, and the second finds the work done.

type Journal = { entries: { idx: number; tag: string; when: number }[] };

export function migrationsFolder(): string {
  return path.join(process.cwd(), "drizzle");
}

async function readMigrations(folder: string) {
  const journal = JSON.parse(await readFile(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;
  return Promise.all(
    journal.entries.map(async (entry) => {
      const sqlText = await readFile(path.join(folder, `${entry.tag}.sql`), "utf8");
      return {
        tag: entry.tag,
        createdAt: entry.when,
        hash: createHash("sha256").update(sqlText).digest("hex"),
        statements: sqlText
          .split("--> statement-breakpoint")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    }),
  );
}

const isBusy = (e: unknown) => /SQLITE_BUSY|database is locked/i.test(String((e as Error)?.message ?? e));

/** Returns the number of migrations applied by this call (0 when the database was up to date). */
export async function migrateDatabase(client: Client, folder = migrationsFolder()): Promise<number> {
  const migrations = await readMigrations(folder);
  for (let attempt = 0; ; attempt++) {
    try {
      return await applyPending(client, migrations);
    } catch (e) {
      if (!isBusy(e) || attempt >= 50) throw e;
      await new Promise((r) => setTimeout(r, 20 + attempt * 20));
    }
  }
}

async function applyPending(client: Client, migrations: Awaited<ReturnType<typeof readMigrations>>) {
  await client.execute(
    "CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)",
  );
  const tx = await client.transaction("write");
  try {
    const last = await tx.execute("SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1");
    const lastAt = Number(last.rows[0]?.created_at ?? 0);
    let applied = 0;
    for (const m of migrations) {
      if (m.createdAt <= lastAt) continue;
      for (const statement of m.statements) await tx.execute(statement);
      await tx.execute({
        sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)",
        args: [m.hash, m.createdAt],
      });
      applied++;
    }
    await tx.commit();
    return applied;
  } catch (e) {
    await tx.rollback().catch(() => {});
    throw e;
  } finally {
    tx.close();
  }
}
