import { describe, expect, it } from "vitest";
import { readSceneWords, traitsOfCharacter } from "@/lib/providers/sketch/words";

describe("readSceneWords", () => {
  it.each([
    ["A girl rides her horse across the steppe at dusk.", "desert", "sunset"],
    ["Neon signs flicker over the downtown street at night.", "city", "night"],
    ["Sam sits at his office desk, buried in emails.", "office", "day"],
    ["Two friends share tea in the kitchen at dawn.", "interior", "sunset"],
    ["Waves crash on the beach under the moon.", "sea", "night"],
    ["The car speeds down the highway.", "road", "day"],
    ["Merchants haggle at the bazaar stalls.", "market", "day"],
    ["The ship drifts past a ringed planet in outer space.", "space", "day"],
    ["A hiker reaches the snowy summit.", "mountains", "day"],
    ["Light falls through the pine forest.", "forest", "day"],
    ["A bottle of perfume.", "studio", "day"],
  ] as const)("%s → %s, %s", (text, setting, time) => {
    const w = readSceneWords(text, "", []);
    expect(w.setting).toBe(setting);
    expect(w.time).toBe(time);
  });

  it("lets the description outweigh style words in the prompt", () => {
    expect(readSceneWords("Maya walks down the city street.", "cinematic, desert tones, golden hour", []).setting).toBe("city");
  });

  it("lists props in order of mention, description first", () => {
    const w = readSceneWords("She puts her phone next to the coffee cup and opens the laptop.", "a car outside", []);
    expect(w.props).toEqual(["phone", "cup", "laptop", "car"]);
  });

  it("treats 'the product' as a box only when nothing more specific is named", () => {
    expect(readSceneWords("The product, hero shot.", "", []).props).toEqual(["box"]);
    expect(readSceneWords("He holds the product bottle.", "", []).props).toEqual(["bottle"]);
  });

  it.each([
    ["She runs for the bus.", "running"],
    ["He walks into the café.", "walking"],
    ["Sam sits at the desk.", "sitting"],
    ["Priya points at the chart.", "pointing"],
    ["He holds up the box.", "holding"],
    ["The girl rides the horse over the hill.", "riding"],
    ["A rider on a horse crosses the dunes.", "riding"],
    ["She rides into town.", "walking"],
    ["The city skyline.", "standing"],
  ] as const)("%s → %s", (text, pose) => {
    expect(readSceneWords(text, "", []).pose).toBe(pose);
  });

  it.each([
    ["An empty road.", 0],
    ["A woman waits.", 1],
    ["Two friends laugh.", 2],
    ["A couple walk on the beach.", 2],
    ["A girl and her grandfather sit by the fire.", 2],
    ["The team celebrates.", 3],
    ["Five kids run across the field.", 4],
  ] as const)("%s → %i figures", (text, n) => {
    expect(readSceneWords(text, "", []).people).toHaveLength(n);
  });

  it("takes the cast from the scene's characters when it has them", () => {
    const w = readSceneWords("They talk.", "", [
      { name: "Aruna", look: "8-year-old girl with two braids", wardrobe: "blue felt robe" },
      { name: "Grandfather", look: "old man, grey beard", wardrobe: "fur hat" },
    ]);
    expect(w.people).toHaveLength(2);
    expect(w.people[0]).toMatchObject({ child: true, female: true, hair: "braid", dress: true });
    expect(w.people[1]).toMatchObject({ old: true, beard: true, hat: true });
  });
});

describe("traitsOfCharacter", () => {
  it("reads glasses, hair and build from the look", () => {
    expect(traitsOfCharacter({ name: "Sam", look: "man, short hair, glasses", wardrobe: "green sweater" })).toMatchObject({
      female: false,
      glasses: true,
      hair: "short",
      dress: false,
    });
    expect(traitsOfCharacter({ name: "Priya", look: "woman with a bun", wardrobe: "hoodie" })).toMatchObject({ female: true, hair: "bun" });
  });
});
