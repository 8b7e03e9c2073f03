import "server-only";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";

/** Runs statements atomically in one round trip (a libSQL batch is an implicit transaction). */
export async function runBatch(db: Db, items: BatchItem<"sqlite">[]): Promise<void> {
  if (items.length === 0) return;
  await db.batch(items as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
