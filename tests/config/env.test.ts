import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/config/env";

describe("parseEnv", () => {
  it("picks the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/storyframe.db");
    expect(env.STORAGE_DRIVER).toBe("local");
    expect(env.STORAGE_DIR).toBe("./data/files");
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(env.REPLICATE_API_TOKEN).toBeUndefined();
    expect(env.REPLICATE_MODEL).toBe("flux-schnell");
    expect(env.DOWNLOAD_ALLOWED_HOSTS).toBe("replicate.delivery");
    expect(env.DOWNLOAD_ALLOW_PRIVATE).toBe(false);
  });

  it("treats empty strings as absent", () => {
    const env = parseEnv({ OPENAI_API_KEY: "", DATABASE_URL: "  ", S3_ENDPOINT: "" });
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(env.DATABASE_URL).toBe("file:./data/storyframe.db");
  });

  it("accepts a full hosted + serverless configuration", () => {
    const env = parseEnv({
      VERCEL: "1",
      DATABASE_URL: "libsql://storyframe-acme.turso.io",
      DATABASE_AUTH_TOKEN: "tok",
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "frames",
      S3_ENDPOINT: "https://account.r2.cloudflarestorage.com",
      S3_FORCE_PATH_STYLE: "true",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: "https://openrouter.ai/api/v1",
      REPLICATE_API_TOKEN: "r8_x",
    });
    expect(env.STORAGE_DRIVER).toBe("s3");
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    expect(env.OPENAI_BASE_URL).toBe("https://openrouter.ai/api/v1");
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "foo" }],
    ["S3_ENDPOINT", { S3_ENDPOINT: "not a url" }],
    ["STORAGE_DRIVER", { STORAGE_DRIVER: "ftp" }],
    ["S3_FORCE_PATH_STYLE", { S3_FORCE_PATH_STYLE: "maybe" }],
    ["GENERATION_CONCURRENCY", { GENERATION_CONCURRENCY: "-3" }],
    ["OPENAI_BASE_URL", { OPENAI_BASE_URL: "ftp://x" }],
    ["S3_BUCKET", { STORAGE_DRIVER: "s3" }],
  ])("rejects a malformed %s with one message naming it", (name, source) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("Storyframe configuration is invalid");
    expect(message).toContain(name);
    expect(message).not.toMatch(/\bat \w+ \(/); // no stack frames in the message
  });

  it("refuses local disk and a file database on a serverless platform", () => {
    expect(() => parseEnv({ VERCEL: "1", DATABASE_URL: "libsql://x.turso.io" })).toThrow(/STORAGE_DRIVER.*serverless/s);
    expect(() => parseEnv({ VERCEL: "1", STORAGE_DRIVER: "s3", S3_BUCKET: "b" })).toThrow(/DATABASE_URL.*serverless/s);
  });

  const messageOf = (source: Record<string, string>) => {
    try {
      parseEnv(source);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error("expected the environment to be refused");
  };

  it("names a malformed secret without echoing its value", () => {
    const message = messageOf({ REPLICATE_WEBHOOK_SECRET: "not a valid secret: hunter2" });
    expect(message).toMatch(/REPLICATE_WEBHOOK_SECRET: expected whsec_/);
    expect(message).not.toContain("hunter2");
    expect(parseEnv({ REPLICATE_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }).REPLICATE_WEBHOOK_SECRET).toBe(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    );
  });

  it("echoes a malformed URL without the credentials or token it carries", () => {
    const message = messageOf({ DATABASE_URL: "postgres://admin:hunter2@db.example/app?authToken=tok-123" });
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("postgres://…@db.example/app");
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("tok-123");
    const endpoint = messageOf({ S3_ENDPOINT: "ftp://key:s3cr3t@minio.local" });
    expect(endpoint).not.toContain("s3cr3t");
  });
});
