import { randomUUID } from "node:crypto";

/** Text ids that travel in URLs. */
export function newId(): string {
  return randomUUID();
}
