import { assertDiagnosticsAllowed } from "@/lib/diagnostics/gate";
import { json, route } from "@/lib/http/respond";
import { checkLlm } from "@/lib/planner/check-llm";

// GET /api/test-llm — which planner is active, base URL host, model; validates the key with the cheapest call
export const GET = route(async (request) => {
  assertDiagnosticsAllowed(request);
  return json({ success: true, ...(await checkLlm()) });
});
