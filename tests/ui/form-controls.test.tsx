import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RadioCardGroup } from "@/components/ui/radio-card-group";
import { optionsOf, Select } from "@/components/ui/select";

// The shared form controls render real form elements: radios that arrow keys and forms understand,
// a native select. Rendered to markup on the server, as the first paint is.

describe("RadioCardGroup", () => {
  const html = renderToStaticMarkup(
    <RadioCardGroup
      legend="Length"
      name="length"
      options={[15, 30, "custom"] as const}
      value={30}
      onChange={() => {}}
      className="flex"
      renderCard={(o, checked) => <span data-card={String(o)} data-checked={checked} />}
    >
      <input aria-label="Custom length in seconds" />
    </RadioCardGroup>,
  );

  it("is a fieldset named by its legend, one radio per option under one name", () => {
    expect(html).toMatch(/^<fieldset><legend[^>]*>Length<\/legend>/);
    expect(html.match(/type="radio"/g)).toHaveLength(3);
    expect(html.match(/name="length"/g)).toHaveLength(3);
    expect([...html.matchAll(/value="([^"]+)"/g)].map((m) => m[1])).toEqual(["15", "30", "custom"]);
  });

  it("checks exactly the current value, and tells the card", () => {
    expect(html.match(/checked=""/g)).toHaveLength(1);
    expect(html).toMatch(/checked="" value="30"/);
    expect(html).toContain('data-card="30" data-checked="true"');
    expect(html).toContain('data-card="15" data-checked="false"');
  });

  it("puts the card right after its radio (peer-checked styles need a following sibling) and extra content inside the group", () => {
    expect(html).toMatch(/value="15"\/><span data-card="15"/);
    expect(html).toMatch(/aria-label="Custom length in seconds"\/><\/div><\/fieldset>$/);
  });
});

describe("Select", () => {
  it("renders the options with their labels and selects the value", () => {
    const html = renderToStaticMarkup(
      <Select id="s" value="b" options={optionsOf(["a", "b"] as const, (v) => v.toUpperCase())} onValueChange={() => {}} className="h-9" />,
    );
    expect(html).toContain('id="s"');
    expect(html).toMatch(/<option value="a">A<\/option><option value="b" selected="">B<\/option>/);
    expect(html).toMatch(/class="[^"]*ring-ink-700[^"]*h-9"/);
  });

  it("the bare variant draws no ring until focused", () => {
    const html = renderToStaticMarkup(<Select variant="bare" value="a" options={optionsOf(["a"])} onValueChange={() => {}} />);
    expect(html).toContain("bg-transparent");
    expect(html).not.toContain("ring-1");
  });
});
