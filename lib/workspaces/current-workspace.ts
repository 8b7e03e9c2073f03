import { DEFAULT_WORKSPACE_ID } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The workspace a request acts in. One default workspace for now; every query already takes the
 * id, so per-tenant isolation only has to change this function.
 */
export function currentWorkspaceId(_request?: Request): string {
  return DEFAULT_WORKSPACE_ID;
}

/** The workspaces the caller belongs to. Until accounts land, everyone is the local user of the one workspace. */
function workspacesOf(request: Request): string[] {
  return [currentWorkspaceId(request)];
}

const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Seed 002's clients name their workspace with `X-Org-ID`. It is honoured where the caller belongs
 * to that workspace and refused (403) where it does not: a header must never widen what a caller
 * can read. Absent, the caller's own workspace is used.
 */
export function seedWorkspaceId(request: Request): string {
  const orgId = request.headers.get("x-org-id")?.trim();
  if (!orgId) return currentWorkspaceId(request);
  if (!ORG_ID.test(orgId)) throw new AppError("INVALID_REQUEST", "X-Org-ID must be 1–100 letters, digits, '.', '_' or '-'.");
  const mine = workspacesOf(request);
  if (!mine.includes(orgId)) {
    throw new AppError("FORBIDDEN", `You are not a member of workspace "${orgId}". Your workspaces: ${mine.join(", ")} (send no X-Org-ID to use "${mine[0]}").`);
  }
  return orgId;
}
