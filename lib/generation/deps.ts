import type { Db } from "@/lib/db/client";
import type { FrameRow } from "@/lib/db/schema";
import type { ImageProvider } from "@/lib/providers/types";
import type { Storage } from "@/lib/storage/types";

/** Everything the pipeline touches, passed in so tests run it on their own database, disk and clock. */
export type GenerationDeps = {
  db: Db;
  storage: Storage;
  providerFor: (frame: Pick<FrameRow, "provider" | "model">) => ImageProvider;
  now: () => Date;
  /** Polls of one in-flight frame within this interval share one provider call. */
  checkIntervalMs: number;
  /** How long a start or finalization may hold a frame before another request may take over. */
  leaseMs: number;
  /**
   * How long POST …/generate's background work keeps following a frame that sync mode did not
   * finish (checks at the expected finish, due retries). 0 or absent: start only.
   */
  followUpMs?: number;
};
