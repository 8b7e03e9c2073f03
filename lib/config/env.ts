import "server-only";
import { z } from "zod";

// The only module that reads process.env. Parsed once; a malformed value stops start-up with a
// message naming the variable, never a stack trace deep inside a request.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const bool = (fallback: boolean) =>
  z.preprocess((v) => {
    const s = emptyToUndefined(v);
    if (s === undefined) return fallback;
    if (typeof s === "string") {
      if (/^(1|true|yes|on)$/i.test(s)) return true;
      if (/^(0|false|no|off)$/i.test(s)) return false;
    }
    return s;
  }, z.boolean({ error: "expected true or false" }));
const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
};
const httpUrl = z.preprocess(emptyToUndefined, z.string().refine(isHttpUrl, "expected an http(s) URL").optional());
const httpUrlWithDefault = (fallback: string) =>
  z.preprocess(emptyToUndefined, z.string().refine(isHttpUrl, "expected an http(s) URL").default(fallback));
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

const databaseUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(
      /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/|:memory:$)/,
      "expected file:PATH, :memory:, or a libsql://, https:// or wss:// URL",
    )
    .default("file:./data/storyframe.db"),
);

export const envSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(["development", "production", "test"]).default("development")),
    VERCEL: optionalString,
    NETLIFY: optionalString,
    AWS_LAMBDA_FUNCTION_NAME: optionalString,

    DATABASE_URL: databaseUrl,
    DATABASE_AUTH_TOKEN: optionalString,

    STORAGE_DRIVER: z.preprocess(emptyToUndefined, z.enum(["local", "s3"]).default("local")),
    STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default("./data/files")),
    S3_BUCKET: optionalString,
    S3_REGION: z.preprocess(emptyToUndefined, z.string().default("auto")),
    S3_ENDPOINT: httpUrl,
    S3_FORCE_PATH_STYLE: bool(false),
    S3_PUBLIC_BASE_URL: httpUrl,
    S3_PRESIGN_SECONDS: positiveInt(3600),
    AWS_ACCESS_KEY_ID: optionalString,
    AWS_SECRET_ACCESS_KEY: optionalString,

    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: httpUrl,
    OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-4o-mini")),
    OPENAI_TIMEOUT_MS: positiveInt(60_000),
    OPENAI_MAX_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(2)),
    /** The model that reads roadmap screenshots (image input); OPENAI_MODEL when unset. */
    OPENAI_VISION_MODEL: optionalString,
    /** Force the embedded planner even when a key is set. */
    PLANNER: z.preprocess(emptyToUndefined, z.enum(["auto", "embedded", "llm"]).default("auto")),

    REPLICATE_API_TOKEN: optionalString,
    REPLICATE_MODEL: z.preprocess(emptyToUndefined, z.string().default("flux-schnell")),
    REPLICATE_BASE_URL: httpUrl,
    /** Replicate's `whsec_…` signing secret (GET /v1/webhooks/default/secret). */
    REPLICATE_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(whsec_)?[A-Za-z0-9+/]+={0,2}$/, "expected whsec_ followed by a base64 key, as Replicate gives it")
        .optional(),
    ),
    /** Hosts (and their subdomains) frame downloads may come from; comma-separated. */
    DOWNLOAD_ALLOWED_HOSTS: z.preprocess(emptyToUndefined, z.string().default("replicate.delivery")),
    /** Test/bench only: let downloads reach loopback/private addresses and plain http. Never set in production. */
    DOWNLOAD_ALLOW_PRIVATE: bool(false),
    DOWNLOAD_MAX_BYTES: positiveInt(25 * 1024 * 1024),
    DOWNLOAD_TIMEOUT_MS: positiveInt(30_000),
    GENERATION_CONCURRENCY: positiveInt(6),
    /** Image provider for new frames: auto picks Replicate when a token is set, else the embedded sketch renderer. */
    IMAGE_PROVIDER: z.preprocess(
      emptyToUndefined,
      z.enum(["auto", "sketch", "replicate", "fal", "comfyui", "openai-images", "gpu-service"]).default("auto"),
    ),
    /** fal.ai API key (`key_id:key_secret`). */
    FAL_KEY: optionalString,
    /** fal model: a registry key (flux-schnell, flux-dev, flux-kontext) or any `owner/app` endpoint id. */
    FAL_MODEL: z.preprocess(emptyToUndefined, z.string().default("flux-schnell")),
    /** A ComfyUI server, e.g. http://192.168.1.20:8188 (its host is trusted for downloads, LAN or not). */
    COMFYUI_URL: httpUrl,
    /** Path to an API-format workflow JSON with {{prompt}}/{{seed}}/{{width}}/{{height}} placeholders. */
    COMFYUI_WORKFLOW: optionalString,
    /** Any OpenAI-compatible images API (OpenAI, LocalAI, …); `/images/generations` is appended. */
    OPENAI_IMAGES_BASE_URL: httpUrlWithDefault("https://api.openai.com/v1"),
    OPENAI_IMAGES_API_KEY: optionalString,
    OPENAI_IMAGES_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-image-1")),
    /** A GPU service speaking seed 000's protocol (docs/gpu-service-protocol.md). */
    GPU_SERVICE_URL: httpUrl,
    /** When set, GPU-service callbacks must carry `Authorization: Bearer <secret>`. */
    GPU_SERVICE_SECRET: optionalString,
    /**
     * Sync mode: POST …/generate's background work holds each Replicate create open up to this long
     * (Prefer: wait), so a fast prediction costs one call and is stored the moment it exists. 0 turns
     * it off (create, then check at the expected finish). Unused when webhooks are on.
     */
    REPLICATE_SYNC_WAIT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(60).default(30)),
    /** Bearer secret of POST/GET /api/cron/sweep (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`). */
    CRON_SECRET: optionalString,

    PUBLIC_BASE_URL: httpUrl,
    DIAGNOSTICS_TOKEN: optionalString,
    FFMPEG_PATH: optionalString,
    FFPROBE_PATH: optionalString,
    EXPORT_TIMEOUT_MS: positiveInt(300_000),
    MAX_BODY_BYTES: positiveInt(1024 * 1024),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE_DRIVER=s3" });
    }
    const serverless = env.VERCEL || env.NETLIFY || env.AWS_LAMBDA_FUNCTION_NAME;
    if (serverless && env.STORAGE_DRIVER === "local") {
      ctx.addIssue({
        code: "custom",
        path: ["STORAGE_DRIVER"],
        message:
          "is local, but this is a serverless platform where local disk does not survive a request; set STORAGE_DRIVER=s3 with S3_BUCKET (S3, R2 or MinIO)",
      });
    }
    if (serverless && env.DATABASE_URL.startsWith("file:")) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "is a local file, but this is a serverless platform; use a libsql:// URL (Turso) with DATABASE_AUTH_TOKEN",
      });
    }
  });

export type Env = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parse an environment; throws ConfigError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0] ?? "environment");
    const value = source[name];
    const shown = value === undefined || /KEY|TOKEN|SECRET/.test(name) ? "" : ` (got "${withoutCredentials(value)}")`;
    return `  ${name}${shown}: ${i.message}`;
  });
  throw new ConfigError(`Storyframe configuration is invalid:\n${lines.join("\n")}`);
}

/** A URL's user:password and query (where tokens travel, e.g. ?authToken=) never reach the message. */
function withoutCredentials(value: string): string {
  return value.replace(/\/\/[^/@\s]*@/, "//…@").replace(/\?.*$/, "?…");
}

let cached: Env | undefined;

/** The app's configuration, parsed from process.env on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env and call this to re-read it. */
export function resetEnvForTests(): void {
  cached = undefined;
}
