import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProviderPicker } from "@/components/storyboard/provider-picker";

const providers = [
  { id: "sketch", label: "Sketch renderer", active: true },
  { id: "fal", label: "fal", active: false },
  { id: "gpu-service", label: "GPU service (seed 000 protocol)", active: false },
];

describe("ProviderPicker", () => {
  it("a native select with one option per configured provider, the active one marked default and chosen", () => {
    const html = renderToStaticMarkup(<ProviderPicker providers={providers} onValueChange={() => {}} />);
    expect(html).toMatch(/^<select [^>]*aria-label="Image provider"/);
    expect([...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(["sketch", "fal", "gpu-service"]);
    expect(html).toContain("Sketch renderer (default)");
    expect(html).toMatch(/<option value="sketch" selected="">/);
  });

  it("shows the picked provider", () => {
    const html = renderToStaticMarkup(<ProviderPicker providers={providers} value="fal" onValueChange={() => {}} />);
    expect(html).toMatch(/<option value="fal" selected="">/);
  });

  it("renders nothing when there is only one provider to draw with", () => {
    expect(renderToStaticMarkup(<ProviderPicker providers={providers.slice(0, 1)} onValueChange={() => {}} />)).toBe("");
  });
});
