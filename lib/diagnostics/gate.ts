import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";

/**
 * Diagnostics are open in development. In production they need DIAGNOSTICS_TOKEN, sent as
 * `Authorization: Bearer <token>`; without a configured token they do not exist (404).
 */
export function assertDiagnosticsAllowed(request: Request): void {
  const config = env();
  if (config.NODE_ENV !== "production") return;
  if (!config.DIAGNOSTICS_TOKEN) throw new AppError("DIAGNOSTICS_DISABLED", "Not found.");
  const given = (request.headers.get("authorization") ?? "").replace(/^Bearer\s+/i, "");
  const a = Buffer.from(given);
  const b = Buffer.from(config.DIAGNOSTICS_TOKEN);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AppError("UNAUTHORIZED", "Send the diagnostics token as Authorization: Bearer <DIAGNOSTICS_TOKEN>.");
  }
}
