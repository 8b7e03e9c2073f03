import path from "node:path";
import { resetEnvForTests } from "@/lib/config/env";
import { backgroundIdle } from "@/lib/generation/background";
import { tempDir } from "./temp";

/**
 * Points the app's configuration at a fresh libSQL file and storage folder (embedded defaults
 * otherwise). Call before the first request in a test file: each file runs in its own process.
 */
export async function useTempAppEnv(extra: Record<string, string> = {}): Promise<{ dir: string; storageDir: string }> {
  const dir = await tempDir("storyframe-app-");
  const storageDir = path.join(dir, "files");
  for (const key of ["OPENAI_API_KEY", "REPLICATE_API_TOKEN", "OPENAI_BASE_URL", "REPLICATE_BASE_URL", "PUBLIC_BASE_URL"]) {
    delete process.env[key];
  }
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    STORAGE_DRIVER: "local",
    STORAGE_DIR: storageDir,
    ...extra,
  });
  resetEnvForTests();
  return { dir, storageDir };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * Calls a route handler the way Next does: a Request and a context whose params are a Promise.
 * Then, unless `settle: false`, waits for the work the request left running (what after() would
 * finish on a server), so the next call sees its effects; the answer itself never waited for it.
 */
export async function call(
  handler: unknown,
  options: {
    method?: string;
    url?: string;
    params?: Record<string, string | string[]>;
    body?: unknown;
    headers?: Record<string, string>;
    settle?: boolean;
  } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
): Promise<{ status: number; body: any; headers: Headers }> {
  const init: RequestInit = { method: options.method ?? "GET", headers: { ...(options.headers ?? {}) } };
  if (options.body !== undefined) {
    init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await (handler as Handler)(new Request(options.url ?? "http://127.0.0.1:3000/api/test", init), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await res.text();
  if (options.settle !== false) await backgroundIdle();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
