import { connection } from "next/server";
import { getDatabase } from "@/lib/db/client";
import { checkHealth } from "@/lib/diagnostics/health";
import { json } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";

// GET /api/health — database and storage answer? 200 when both do, 503 naming what failed
export async function GET() {
  await connection();
  const health = await checkHealth({
    database: async () => (await getDatabase()).client,
    storage: getStorage,
  });
  return json(health, { status: health.status === "ok" ? 200 : 503 });
}
