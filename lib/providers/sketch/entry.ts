import "server-only";
import type { ProviderEntry } from "../provider-entry";
import { SKETCH_MODEL, SketchProvider } from "../sketch-provider";

const sketch = new SketchProvider();

/** The embedded renderer: always configured, no network, no key. */
export const sketchEntry: ProviderEntry = {
  id: "sketch",
  label: "Embedded sketch renderer",
  isConfigured: () => true,
  defaultModel: () => SKETCH_MODEL.key,
  models: () => [SKETCH_MODEL],
  create: () => sketch,
};
