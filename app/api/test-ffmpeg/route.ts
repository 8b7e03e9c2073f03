import { env } from "@/lib/config/env";
import { assertDiagnosticsAllowed } from "@/lib/diagnostics/gate";
import { probeFfmpeg, resolveFfmpeg } from "@/lib/export/ffmpeg";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/respond";

// GET /api/test-ffmpeg — is ffmpeg there for the animatic, which version, can it encode H.264?
export const GET = route(async (request) => {
  assertDiagnosticsAllowed(request);
  const probe = await probeFfmpeg(resolveFfmpeg(env()));
  if (!probe.ok) throw new AppError("FFMPEG_MISSING", probe.message);
  return json({ success: true, version: probe.version, path: probe.path, encoders: probe.encoders });
});
