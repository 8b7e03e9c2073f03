import { describe, expect, it } from "vitest";
import type { Character, ShotType } from "@/lib/planner/schema";
import { sketchDepicts } from "@/lib/providers/sketch/render-sketch";
import { creatureOf } from "@/lib/providers/sketch/icons/cast-looks";
import type { ImageInput } from "@/lib/providers/types";
import { STYLE } from "./fixtures";

// Issue 13: what the planner's scenes name, the frame draws — the visible cast above all.

const CAT: Character = { name: "Cat", look: "fat ginger tabby with a torn left ear", wardrobe: "a thin red collar with a brass bell" };
const FOX: Character = { name: "Fox", look: "lean red fox with a white-tipped brush and black stockings", wardrobe: "nothing but its own coat" };
const BAKER: Character = { name: "Baker", look: "small, upright baker around fifty, dark curls pulled back", wardrobe: "a flour-dusted apron over rolled sleeves" };
const KOFI: Character = { name: "Kofi", look: "slight, quick-moving person in their early forties, cropped dark hair, weathered skin and deep laugh lines", wardrobe: "an olive field jacket" };
const DANI: Character = { name: "Dani", look: "broad-shouldered person well past seventy, thin white hair", wardrobe: "a yellow raincoat over a striped shirt" };

function input(description: string, shotType: ShotType, characters: Character[], seed = 1): ImageInput {
  const prompt = `${description} ${characters.map((c) => `${c.name}: ${c.look}, wearing ${c.wardrobe}.`).join(" ")}`;
  return {
    prompt,
    aspectRatio: "16:9",
    seed,
    outputFormat: "png",
    referenceImageUrl: null,
    webhookUrl: null,
    scene: { number: 2, description, shotType, cameraMove: "static", narrativeRole: null, durationSeconds: 3, characters, style: STYLE, diagram: null },
  };
}

describe("cast coverage", () => {
  it("a cast animal whose look names another word for its species is drawn, not a box", () => {
    for (const shot of ["medium", "close-up", "wide", "pov"] as const) {
      const d = sketchDepicts(input("A sound, a shape, a chance: the cat notices what no one else has, and its world tilts.", shot, [CAT]));
      expect(d, shot).toContain("Cat");
      expect(d, shot).not.toContain("box");
    }
  });

  it("a look that says 'person' is a person, whatever else it names", () => {
    expect(creatureOf(KOFI)).toBeNull();
    expect(creatureOf(FOX)?.noun).toMatch(/fox/);
  });

  it("verbs and light words of a description are not drawn as things", () => {
    const d = sketchDepicts(input("The cat on a sunlit windowsill, dozing; dust turning in a shaft of light. Hold on the cat.", "wide", [CAT]));
    expect(d).toContain("Cat");
    for (const junk of ["turning", "shaft", "hold", "dust"]) expect(d).not.toContain(junk);
  });

  it("a person in a place the tables don't know is drawn in every wide, and two cast in an extreme close-up are both shown", () => {
    for (const shot of ["wide", "extreme-wide", "medium"] as const) expect(sketchDepicts(input("Lisbon, vast and still — wind moving through everything. Kofi, small at its edge.", shot, [KOFI])), shot).toContain("Kofi");
    const d = sketchDepicts(input("Reaction: Kofi takes in Dani — says nothing, their eyes going to Lisbon. A long beat.", "extreme-close-up", [KOFI, DANI]));
    expect(d).toEqual(expect.arrayContaining(["Kofi", "Dani"]));
    expect(sketchDepicts(input("Close on Kofi's eyes. A long beat.", "extreme-close-up", [KOFI]))).toContain("Kofi");
  });

  it("an animal and a person in a close-up are both drawn", () => {
    const d = sketchDepicts(input("Cornered at last: the fox and the baker face each other, breathing hard.", "close-up", [FOX, BAKER]));
    expect(d).toEqual(expect.arrayContaining(["Fox", "Baker"]));
  });

  it("an app is shown on a phone, a solar roof on a house, the village the setting draws is named", () => {
    expect(sketchDepicts(input("Reveal: Kopi, a savings app, slides into frame and takes the light.", "medium", []))).toContain("phone");
    expect(sketchDepicts(input("Insert: SunTile, the solar roof, up close.", "insert", []))).toEqual(expect.arrayContaining([expect.stringMatching(/roof/)]));
    expect(sketchDepicts(input("Kofi in the village, going about an ordinary day.", "wide", [KOFI]))).toEqual(expect.arrayContaining(["Kofi", "village"]));
  });

  it("a person the scene names with an article joins the cast; a role noun the index files as a vehicle is a person", () => {
    const GRACE: Character = { name: "Grace", look: "compact, sturdy nurse in their thirties", wardrobe: "teal scrubs" };
    const d = sketchDepicts(input("A night nurse named Grace keeps a frightened boy company in the children's ward.", "medium", [GRACE]));
    expect(d).toEqual(expect.arrayContaining(["Grace", "boy"]));
    const COMMUTER: Character = { name: "Commuter", look: "commuter in a long coat", wardrobe: "a grey suit" };
    expect(sketchDepicts(input("The commuter is already under the umbrella, dry.", "insert", [COMMUTER]))).toContain("Commuter");
  });

  it("an extreme close-up of someone with a cast animal shows both; a proper adjective is not a person", () => {
    const FIRE: Character = { name: "Firefighter", look: "tall firefighter in her thirties", wardrobe: "turnout gear and a helmet" };
    const KIT: Character = { name: "Kitten", look: "small grey kitten", wardrobe: "nothing but its own coat" };
    expect(sketchDepicts(input("Reaction: the firefighter takes in the kitten — says nothing. A long beat.", "extreme-close-up", [FIRE, KIT]))).toEqual(expect.arrayContaining(["Firefighter", "Kitten"]));
    const MAIL: Character = { name: "Mail carrier", look: "lean carrier in their early forties", wardrobe: "a padded parka" };
    expect(sketchDepicts(input("A mail carrier in a snowed-in Alaskan town delivers the last letter.", "medium", [MAIL]))).not.toContain("alaskan");
  });

  it("the description's dog is the cast's retriever, not a second dog", () => {
    const BARK: Character = { name: "Barkley", look: "big golden retriever with a feathered tail", wardrobe: "a worn blue collar" };
    const d = sketchDepicts(input("Hook: an old dog lies by the door.", "wide", [BARK]));
    expect(d).toEqual(expect.arrayContaining(["dog", "Barkley"]));
    expect(d).not.toContain("retriever");
  });
});
