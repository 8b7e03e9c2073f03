import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/config/env";

describe("image backend configuration", () => {
  it("defaults: auto provider, OpenAI's images API and gpt-image-1, fal's flux-schnell, nothing else configured", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ IMAGE_PROVIDER: "auto", OPENAI_IMAGES_BASE_URL: "https://api.openai.com/v1", OPENAI_IMAGES_MODEL: "gpt-image-1", FAL_MODEL: "flux-schnell" });
    expect(env.COMFYUI_URL).toBeUndefined();
    expect(env.GPU_SERVICE_URL).toBeUndefined();
    expect(parseEnv({ OPENAI_IMAGES_BASE_URL: "" }).OPENAI_IMAGES_BASE_URL).toBe("https://api.openai.com/v1");
  });

  it.each(["auto", "sketch", "replicate", "fal", "comfyui", "openai-images", "gpu-service"])("IMAGE_PROVIDER=%s is accepted", (id) => {
    expect(parseEnv({ IMAGE_PROVIDER: id }).IMAGE_PROVIDER).toBe(id);
  });

  it("refuses malformed service URLs naming the variable, and never echoes a secret", () => {
    expect(() => parseEnv({ COMFYUI_URL: "comfy.lan:8188" })).toThrow(/COMFYUI_URL/);
    expect(() => parseEnv({ GPU_SERVICE_URL: "ftp://gpu" })).toThrow(/GPU_SERVICE_URL/);
    expect(() => parseEnv({ OPENAI_IMAGES_BASE_URL: "localai" })).toThrow(ConfigError);
    let message = "";
    try {
      parseEnv({ IMAGE_PROVIDER: "midjourney", GPU_SERVICE_SECRET: "do-not-print-me" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/IMAGE_PROVIDER/);
    expect(message).not.toContain("do-not-print-me");
  });
});
