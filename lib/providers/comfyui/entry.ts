import "server-only";
import { readFileSync, statSync } from "node:fs";
import type { Env } from "@/lib/config/env";
import { notConfiguredError } from "../call-failure";
import { downloadPolicy, originOf } from "../download-policy";
import type { ProviderEntry } from "../provider-entry";
import { ProviderError, type ImageProvider } from "../types";
import defaultWorkflow from "./default-workflow.json";
import { ComfyUIProvider } from "./provider";
import { parseWorkflow, WorkflowError, type ComfyWorkflow } from "./workflow";

export const DEFAULT_WORKFLOW_NAME = "default-sdxl";

const cache = new Map<string, ImageProvider>();

type LoadedWorkflow = { name: string; workflow: ComfyWorkflow; version: string };
// Polls build the adapter per frame: parse a workflow once per file version, not once per poll.
const loaded = new Map<string, LoadedWorkflow>();

/** COMFYUI_WORKFLOW's file (re-read when it changes on disk), or the default text-to-image one. */
export function loadWorkflow(path: string | undefined): LoadedWorkflow {
  try {
    if (!path) return { name: DEFAULT_WORKFLOW_NAME, workflow: parseWorkflow(defaultWorkflow, "the default workflow"), version: "default" };
    const stat = statSync(path);
    const version = `${stat.mtimeMs}:${stat.size}`;
    const cached = loaded.get(path);
    if (cached?.version === version) return cached;
    const workflow = parseWorkflow(JSON.parse(readFileSync(path, "utf8")), `COMFYUI_WORKFLOW (${path})`);
    const result = { name: path.split(/[\\/]/).pop()!.replace(/\.json$/i, ""), workflow, version };
    loaded.set(path, result);
    return result;
  } catch (e) {
    const message = e instanceof WorkflowError ? e.message : `COMFYUI_WORKFLOW (${path}) could not be read as JSON.`;
    throw new ProviderError({ code: "INVALID_INPUT", message, retryable: false, retryAfterSeconds: null });
  }
}

export const comfyuiEntry: ProviderEntry = {
  id: "comfyui",
  label: "ComfyUI",
  isConfigured: (config) => Boolean(config.COMFYUI_URL),
  defaultModel: (config) => loadWorkflow(config.COMFYUI_WORKFLOW).name,
  models(config) {
    if (!config.COMFYUI_URL) return [];
    return [comfyuiEntry.create(config, comfyuiEntry.defaultModel(config), {}).model];
  },
  create(config: Env) {
    if (!config.COMFYUI_URL) throw notConfiguredError("ComfyUI", "COMFYUI_URL");
    const { name, workflow, version } = loadWorkflow(config.COMFYUI_WORKFLOW);
    const base = downloadPolicy(config);
    const key = JSON.stringify([config.COMFYUI_URL, config.COMFYUI_WORKFLOW, version, base]);
    let provider = cache.get(key);
    if (!provider) {
      const origin = originOf(config.COMFYUI_URL);
      provider = new ComfyUIProvider({
        baseUrl: config.COMFYUI_URL,
        workflow,
        workflowName: name,
        download: { ...base, allowedHosts: [new URL(origin).hostname], trustedOrigins: [origin] },
        referenceDownload: base,
      });
      cache.set(key, provider);
    }
    return provider;
  },
  checkIsHealth: true,
  async check(config) {
    const started = performance.now();
    const host = new URL(config.COMFYUI_URL!).host;
    try {
      const res = await fetch(`${config.COMFYUI_URL!.replace(/\/+$/, "")}/system_stats`, { cache: "no-store", signal: AbortSignal.timeout(3000) });
      const latencyMs = Math.round(performance.now() - started);
      if (!res.ok) return { ok: false, latencyMs, detail: host, error: { code: "PROVIDER_ERROR", message: `ComfyUI answered HTTP ${res.status}.` } };
      return { ok: true, latencyMs, detail: `${host}, workflow ${loadWorkflow(config.COMFYUI_WORKFLOW).name}`, error: null };
    } catch {
      return { ok: false, latencyMs: Math.round(performance.now() - started), detail: host, error: { code: "NETWORK_ERROR", message: "ComfyUI could not be reached." } };
    }
  },
};
