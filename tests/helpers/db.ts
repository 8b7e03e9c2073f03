import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/client";
import { tempDir } from "./temp";

/** A real libSQL file database, migrated, in a temporary folder. */
export async function tempDatabase(): Promise<Database & { url: string }> {
  const dir = await tempDir("storyframe-db-");
  const url = `file:${path.join(dir, "test.db")}`;
  const database = await openDatabase(url);
  return { ...database, url };
}
