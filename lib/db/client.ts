import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/lib/config/env";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema>;
/** A database or a transaction: queries accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Database = { db: Db; client: Client };

/** Opens a database (creating a file database's folder) and applies pending migrations. */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0] ?? "";
    if (file) await mkdir(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  }
  // The busy timeout lets concurrent writers (two polls finalizing, two processes migrating) wait
  // for the file's write lock instead of failing at once.
  const client = createClient({ url, authToken, timeout: 5000 });
  if (url.startsWith("file:")) {
    // WAL lets readers (polls) proceed while a frame is being recorded; it persists in the file.
    await client.execute("PRAGMA journal_mode = WAL").catch(() => {});
  }
  await migrateDatabase(client);
  return { db: drizzle(client, { schema }), client };
}

let opening: Promise<Database> | undefined;

/** The app's one database, opened and migrated before the first query. */
export function getDatabase(): Promise<Database> {
  opening ??= openDatabase(env().DATABASE_URL, env().DATABASE_AUTH_TOKEN).catch((e) => {
    opening = undefined; // let the next request try again (e.g. Turso briefly unreachable)
    throw e;
  });
  return opening;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
