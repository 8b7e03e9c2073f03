import "server-only";
import Replicate from "replicate";
import { maskKey } from "@/lib/planner/check-llm";
import { mapCallError } from "./provider";

export type ReplicateCheck = {
  keySet: boolean;
  keyMasked: string | null;
  valid: boolean | null;
  latencyMs: number | null;
  account: string | null;
  error: { code: string; message: string } | null;
};

/** Validates the token with Replicate's account endpoint (free, authenticated). */
export async function checkReplicateToken(token: string | undefined, baseUrl?: string): Promise<ReplicateCheck> {
  if (!token) return { keySet: false, keyMasked: null, valid: null, latencyMs: null, account: null, error: null };
  const client = new Replicate({ auth: token, ...(baseUrl ? { baseUrl } : {}) });
  const started = performance.now();
  try {
    const account = await client.accounts.current();
    return {
      keySet: true,
      keyMasked: maskKey(token),
      valid: true,
      latencyMs: Math.round(performance.now() - started),
      account: account.username ?? null,
      error: null,
    };
  } catch (e) {
    const failure = mapCallError(e);
    return {
      keySet: true,
      keyMasked: maskKey(token),
      valid: failure.code === "AUTHENTICATION_FAILED" ? false : null,
      latencyMs: Math.round(performance.now() - started),
      account: null,
      error: { code: failure.code, message: failure.message },
    };
  }
}
