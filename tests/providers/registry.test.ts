import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { checkHealth } from "@/lib/diagnostics/health";
import { AppError } from "@/lib/errors";
import { loadWorkflow } from "@/lib/providers/comfyui/entry";
import { fillWorkflow, parseWorkflow, workflowValues } from "@/lib/providers/comfyui/workflow";
import { activeProvider, providerForFrame, usesReplicate } from "@/lib/providers/get-provider";
import { decodeInline, inlineOutputRef, parseOutputRef } from "@/lib/providers/output-ref";
import { activeProviderId, checkProviders, configuredProviders, createProvider, PROVIDER_IDS, providerEntry } from "@/lib/providers/registry";
import { checkDownloadUrl, safeDownload, type DownloadPolicy } from "@/lib/providers/safe-download";
import { ProviderError, type ImageInput } from "@/lib/providers/types";
import { LocalStorage } from "@/lib/storage/local";
import { tempDatabase } from "../helpers/db";
import { fakePng } from "../helpers/provider-fakes";
import { tempDir } from "../helpers/temp";
import { writeFile } from "node:fs/promises";
import path from "node:path";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("provider registry", () => {
  it("knows every backend, and an unknown id is an error — never a sketch", () => {
    expect(PROVIDER_IDS).toEqual(["sketch", "replicate", "fal", "comfyui", "openai-images", "gpu-service"]);
    expect(() => providerEntry("midjourney")).toThrow(AppError);
    expect(() => providerForFrame({ provider: "midjourney", model: "x" }, parseEnv({}))).toThrow(/Unknown image provider "midjourney"/);
  });

  it("auto keeps today's choice: Replicate with a token, else the sketch renderer", () => {
    expect(activeProviderId(parseEnv({}))).toBe("sketch");
    expect(activeProviderId(parseEnv({ REPLICATE_API_TOKEN: "r8_x" }))).toBe("replicate");
    expect(activeProviderId(parseEnv({ REPLICATE_API_TOKEN: "r8_x", IMAGE_PROVIDER: "sketch" }))).toBe("sketch");
    expect(activeProviderId(parseEnv({ IMAGE_PROVIDER: "fal", FAL_KEY: "k" }))).toBe("fal");
    expect(usesReplicate(parseEnv({ REPLICATE_API_TOKEN: "r8_x" }))).toBe(true);
    expect(() => parseEnv({ IMAGE_PROVIDER: "dalle" })).toThrow(/IMAGE_PROVIDER/);
  });

  it("get-provider keeps its behaviour through the registry", () => {
    const sketch = activeProvider(parseEnv({}));
    expect(sketch.id).toBe("sketch");
    expect(providerForFrame({ provider: "sketch", model: "sketch" }, parseEnv({}))).toBe(sketch);
    const config = parseEnv({ REPLICATE_API_TOKEN: "r8_x" });
    const r = providerForFrame({ provider: "replicate", model: "flux-dev" }, config);
    expect(r.model.key).toBe("flux-dev");
    expect(providerForFrame({ provider: "replicate", model: "flux-dev" }, config)).toBe(r); // one client per config+model
    // a Replicate frame whose token went away fails, it does not turn into a sketch
    expect(() => providerForFrame({ provider: "replicate", model: "flux-schnell" }, parseEnv({}))).toThrow(/REPLICATE_API_TOKEN is not set/);
  });

  it("a configured-but-missing backend names the variable to set", () => {
    for (const [id, variable] of [["fal", "FAL_KEY"], ["comfyui", "COMFYUI_URL"], ["gpu-service", "GPU_SERVICE_URL"]] as const) {
      let err: unknown;
      try {
        createProvider(id, parseEnv({}));
      } catch (e) {
        err = e;
      }
      expect(err, id).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).failure).toMatchObject({ code: "AUTHENTICATION_FAILED", retryable: false });
      expect((err as Error).message).toContain(variable);
    }
  });

  it("lists the configured providers, active first; several at once", () => {
    const config = parseEnv({ IMAGE_PROVIDER: "comfyui", COMFYUI_URL: "http://comfy.lan:8188", FAL_KEY: "k", REPLICATE_API_TOKEN: "r8" });
    expect(configuredProviders(config).map((e) => e.id)).toEqual(["comfyui", "sketch", "replicate", "fal"]);
  });

  it("each adapter's output hosts are allow-listed by default, DOWNLOAD_ALLOWED_HOSTS adds to them", () => {
    const config = parseEnv({ REPLICATE_API_TOKEN: "r8", FAL_KEY: "k", DOWNLOAD_ALLOWED_HOSTS: "cdn.example.com" });
    expect(createProvider("replicate", config).allowedDownloadHosts).toEqual(["cdn.example.com", "replicate.delivery"]);
    expect(createProvider("fal", config).allowedDownloadHosts).toEqual(["cdn.example.com", "fal.media"]);
    expect(createProvider("comfyui", parseEnv({ COMFYUI_URL: "http://192.168.1.20:8188" })).allowedDownloadHosts).toEqual(["192.168.1.20"]);
  });
});

describe("output refs", () => {
  it("tells URLs, inline bytes and opaque refs apart, and decodes inline bytes under the cap", async () => {
    const png = await fakePng();
    const ref = inlineOutputRef(png);
    expect(ref.startsWith("data:image/png;base64,")).toBe(true);
    const parsed = parseOutputRef(ref);
    expect(parsed.kind).toBe("inline");
    if (parsed.kind === "inline") {
      expect(decodeInline(parsed.base64, 1 << 20).equals(png)).toBe(true);
      expect(() => decodeInline(parsed.base64, 100)).toThrow(/larger than/);
    }
    expect(parseOutputRef("https://fal.media/x.png").kind).toBe("url");
    expect(parseOutputRef("sketch:frame").kind).toBe("opaque");
    expect(() => parseOutputRef("data:text/html;base64,PGgxPg==")).toThrow(ProviderError);
  });
});

describe("download rules: operator-named origins", () => {
  const base: DownloadPolicy = { allowedHosts: ["replicate.delivery"], maxBytes: 1 << 20, timeoutMs: 2000, allowPrivate: false };
  const lan: DownloadPolicy = { ...base, allowedHosts: ["192.168.1.20"], trustedOrigins: ["http://192.168.1.20:8188"] };

  it("a private address is refused unless the operator named exactly that origin", () => {
    expect(() => checkDownloadUrl("http://192.168.1.20:8188/view?filename=a.png", base)).toThrow(/https/);
    expect(checkDownloadUrl("http://192.168.1.20:8188/view?filename=a.png", lan).hostname).toBe("192.168.1.20");
    // same host, another port or scheme: not what was named
    expect(() => checkDownloadUrl("http://192.168.1.20:22/", lan)).toThrow(ProviderError);
    expect(() => checkDownloadUrl("https://192.168.1.20:8188/", lan)).toThrow(ProviderError);
    expect(() => checkDownloadUrl("http://192.168.1.21:8188/", lan)).toThrow(ProviderError);
    expect(() => checkDownloadUrl("http://user:pw@192.168.1.20:8188/", lan)).toThrow(/credentials/);
  });

  it("a redirect from a trusted origin to anywhere else is checked like any URL", async () => {
    server.use(http.get("http://192.168.1.20:8188/view", () => new HttpResponse(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data" } })));
    await expect(safeDownload("http://192.168.1.20:8188/view?filename=a.png", lan)).rejects.toMatchObject({ failure: { code: "DOWNLOAD_BLOCKED" } });
  });
});

describe("ComfyUI workflows", () => {
  const input: ImageInput = { prompt: 'a "quoted" keeper', aspectRatio: "9:16", seed: 99, outputFormat: "png", referenceImageUrl: null, scene: null, webhookUrl: null };

  it("fills the default workflow's placeholders: numbers stay numbers, text is escaped by JSON", () => {
    const { workflow } = loadWorkflow(undefined);
    const filled = fillWorkflow(workflow, workflowValues(input, null));
    expect(filled["3"]!.inputs.seed).toBe(99);
    expect(filled["5"]!.inputs).toMatchObject({ width: 768, height: 1344 });
    expect(filled["6"]!.inputs.text).toBe('a "quoted" keeper');
    expect(JSON.stringify(filled)).not.toContain("{{");
    expect(workflow["3"]!.inputs.seed).toBe("{{seed}}"); // the template is untouched
  });

  it("reads a person's own workflow, and names the usual mistakes", async () => {
    const dir = await tempDir();
    const own = path.join(dir, "my-flux.json");
    await writeFile(own, JSON.stringify({ "1": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}, cinematic" } }, "2": { class_type: "LoadImage", inputs: { image: "{{reference_image}}" } } }));
    const loaded = loadWorkflow(own);
    expect(loaded.name).toBe("my-flux");
    expect(createProvider("comfyui", parseEnv({ COMFYUI_URL: "http://comfy.lan:8188", COMFYUI_WORKFLOW: own })).model.supportsReferenceImage).toBe(true);
    expect(() => parseWorkflow({ nodes: [], links: [] }, "x.json")).toThrow(/Save \(API Format\)/);
    expect(() => parseWorkflow({ "1": { class_type: "KSampler", inputs: {} } }, "x.json")).toThrow(/\{\{prompt\}\}/);
    await writeFile(own, "{not json");
    expect(() => loadWorkflow(own)).toThrow(/could not be read/);
  });
});

describe("provider diagnostics", () => {
  const config = parseEnv({ IMAGE_PROVIDER: "gpu-service", GPU_SERVICE_URL: "http://gpu.lan:8000", PUBLIC_BASE_URL: "https://s.example", FAL_KEY: "fal-key-id-123456:secret-abcdef" });

  it("test-keys checks each configured provider and masks keys", async () => {
    server.use(http.get("http://gpu.lan:8000/health", () => HttpResponse.json({ status: "healthy" })));
    const checks = await checkProviders(config, { live: "all" });
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId["gpu-service"]).toMatchObject({ configured: true, active: true, ok: true });
    expect(byId["fal"]).toMatchObject({ configured: true, active: false });
    expect(byId["comfyui"]).toMatchObject({ configured: false, ok: null });
    expect(JSON.stringify(checks)).not.toContain("secret-abcdef");
  });

  it("health degrades when the active provider's box is down, and says which", async () => {
    server.use(http.get("http://gpu.lan:8000/health", () => HttpResponse.error()));
    const { client } = await tempDatabase();
    const storage = new LocalStorage(await tempDir());
    const providers = async () => (await checkProviders(config, { live: "health" })).filter((c) => c.configured).map(({ id, active, ok, latencyMs }) => ({ id, active, ok, latencyMs }));
    const health = await checkHealth({ database: async () => client, storage: () => storage, providers });
    expect(health.status).toBe("degraded");
    expect(health.providers.find((p) => p.id === "gpu-service")).toMatchObject({ active: true, ok: false });
    // hosted providers are not called from /api/health (no key checks on a liveness probe)
    expect(health.providers.find((p) => p.id === "fal")).toMatchObject({ ok: null });
    expect(JSON.stringify(health)).not.toContain("gpu.lan");
  });
});
