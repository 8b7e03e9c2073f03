import { assertDiagnosticsAllowed } from "@/lib/diagnostics/gate";
import { json, route } from "@/lib/http/respond";
import { checkLlm } from "@/lib/planner/check-llm";

// GET /api/test-openrouter — same report as /api/test-llm (the seed's name for it)
export const GET = route(async (request) => {
  assertDiagnosticsAllowed(request);
  return json({ success: true, ...(await checkLlm()) });
});
