import { DEFAULT_WORKSPACE_ID } from "@/lib/db/schema";

/**
 * The workspace a request acts in. One default workspace for now; every query already takes the
 * id, so per-tenant isolation only has to change this function.
 */
export function currentWorkspaceId(_request?: Request): string {
  return DEFAULT_WORKSPACE_ID;
}
