import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

/**
 * Diagnostics are open in development. In production they need DIAGNOSTICS_TOKEN, sent as
 * `Authorization: Bearer <token>`; without a configured token they do not exist (404).
 */
export function assertDiagnosticsAllowed(request: Request): void {
  // Read the request before anything else: it also keeps Next from prerendering these routes at
  // build time (Cache Components prerender any GET handler that touches no request data).
  const authorization = request.headers.get("authorization") ?? "";
  const config = env();
  if (config.NODE_ENV !== "production") return;
  if (!config.DIAGNOSTICS_TOKEN) throw new AppError("DIAGNOSTICS_DISABLED", "Not found.");
  const given = authorization.replace(/^Bearer\s+/i, "");
  const a = Buffer.from(given);
  const b = Buffer.from(config.DIAGNOSTICS_TOKEN);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AppError("UNAUTHORIZED", "Send the diagnostics token as Authorization: Bearer <DIAGNOSTICS_TOKEN>.");
  }
}
