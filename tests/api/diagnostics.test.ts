import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { call, useTempAppEnv } from "../helpers/app-env";

beforeAll(async () => {
  await useTempAppEnv();
});
afterEach(() => {
  (process.env as Record<string, string | undefined>).NODE_ENV = "test";
  delete process.env.DIAGNOSTICS_TOKEN;
  delete process.env.FFMPEG_PATH;
  resetEnvForTests();
});

const setEnv = (vars: Record<string, string>) => {
  Object.assign(process.env, vars);
  resetEnvForTests();
};

describe("diagnostic routes", () => {
  it("reports keys as set/unset and masked, never the key itself", async () => {
    setEnv({ OPENAI_API_KEY: "sk-live-abcdefghijklmnop1234", PLANNER: "embedded" });
    const { GET } = await import("@/app/api/test-keys/route");
    // The OpenAI check would call out: point it at a closed loopback port so it fails fast, offline.
    setEnv({ OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_TIMEOUT_MS: "500" });
    const res = await call(GET);
    expect(res.status).toBe(200);
    expect(res.body.keys.openai).toMatchObject({ set: true, masked: "sk-…1234" });
    expect(res.body.keys.replicate).toMatchObject({ set: false });
    expect(JSON.stringify(res.body)).not.toContain("abcdefghijklmnop");
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    delete process.env.PLANNER;
    delete process.env.OPENAI_TIMEOUT_MS;
  });

  it("reports ffmpeg, or says how to install it", async () => {
    const { GET } = await import("@/app/api/test-ffmpeg/route");
    setEnv({ FFMPEG_PATH: "/nonexistent/ffmpeg" });
    const missing = await call(GET);
    expect(missing.status).toBe(501);
    expect(missing.body.error).toMatchObject({ code: "FFMPEG_MISSING" });
    expect(missing.body.error.message).toMatch(/apt-get install -y ffmpeg/);
  });

  it("is hidden in production without a token, and needs the token when one is set", async () => {
    const { GET } = await import("@/app/api/test-llm/route");
    setEnv({ NODE_ENV: "production" });
    expect((await call(GET)).status).toBe(404);
    setEnv({ NODE_ENV: "production", DIAGNOSTICS_TOKEN: "diag-secret-token" });
    expect((await call(GET)).status).toBe(401);
    expect((await call(GET, { headers: { authorization: "Bearer wrong-token-xxxxx" } })).status).toBe(401);
    const ok = await call(GET, { headers: { authorization: "Bearer diag-secret-token" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ success: true, planner: "embedded", keySet: false });
  });
});
