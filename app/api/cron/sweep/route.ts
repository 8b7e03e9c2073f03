import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { sweepFrames } from "@/lib/generation/sweep";
import { requireBearer } from "@/lib/http/bearer";
import { json, route } from "@/lib/http/respond";
import { sweepExportJobs } from "@/lib/storyboards/export-jobs";

// A sweep may store a few frames (download → sharp → storage) before it answers.
export const maxDuration = 60;

const sweep = route(async (request: Request) => {
  requireBearer(request, env().CRON_SECRET, "CRON_SECRET");
  const deps = await appGenerationDeps();
  const frames = await sweepFrames(deps);
  const exports = await sweepExportJobs({ db: deps.db, now: deps.now() });
  return json({ success: true, frames, exports });
});

// POST /api/cron/sweep — advance frames and export jobs a cut-off function left behind (Bearer CRON_SECRET)
export const POST = sweep;
// GET /api/cron/sweep — the same, for Vercel Cron, which calls its paths with GET
export const GET = sweep;
