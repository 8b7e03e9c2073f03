import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Accepts only `Authorization: Bearer <secret>` (what Vercel Cron sends with CRON_SECRET). The
 * comparison is constant-time; an unset secret refuses everyone rather than letting anyone in.
 */
export function requireBearer(request: Request, secret: string | undefined, name: string): void {
  if (!secret) throw new AppError("UNAUTHORIZED", `${name} is not set: this route is closed until it is.`);
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !timingSafeEqual(digest(match[1]!), digest(secret))) {
    throw new AppError("UNAUTHORIZED", `Send Authorization: Bearer <${name}>.`);
  }
}
