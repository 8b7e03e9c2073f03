import "server-only";
import { eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { webhookReceipts } from "../schema";

/**
 * Records a delivery; false when this webhook id was recorded already (a replay or a duplicate
 * delivery). Expired receipts are swept on the way, so the table stays the size of the window.
 */
export async function recordWebhookReceipt({
  db,
  id,
  now,
  keepMs,
}: {
  db: DbOrTx;
  id: string;
  now: Date;
  keepMs: number;
}): Promise<boolean> {
  await db.delete(webhookReceipts).where(lt(webhookReceipts.expiresAt, now));
  const rows = await db
    .insert(webhookReceipts)
    .values({ id, expiresAt: new Date(now.getTime() + keepMs) })
    .onConflictDoNothing()
    .returning({ id: webhookReceipts.id });
  return rows.length > 0;
}

/** Forgets a delivery that could not be applied, so the sender's retry of it is accepted. */
export async function deleteWebhookReceipt({ db, id }: { db: DbOrTx; id: string }): Promise<void> {
  await db.delete(webhookReceipts).where(eq(webhookReceipts.id, id));
}
