import { describe, expect, it } from "vitest";
import { castLooks, castTraits, creatureOf } from "@/lib/providers/sketch/icons/cast-looks";
import { creditsFor, creditsForDepicts, iconById, lookupNoun } from "@/lib/providers/sketch/icons/icon-index";
import { placePath } from "@/lib/providers/sketch/icons/draw-icon";
import { readSceneNouns } from "@/lib/providers/sketch/icons/scene-nouns";
import { DEFAULT_TRAITS, traitsOfCharacter } from "@/lib/providers/sketch/words";

const nouns = (text: string, names: string[] = []) => readSceneNouns(text, "", names).map((n) => n.noun);

describe("the shipped icon index", () => {
  it.each([
    ["kitten", "gi:cat", "animal"],
    ["gull", "gi:seagull", "animal"],
    ["seagull", "gi:seagull", "animal"],
    ["bazaar", "gi:shop", "landmark"],
    ["lighthouse", "gi:lighthouse", "landmark"],
    ["yurt", "mdi:yurt", "landmark"],
    ["cargo bike", "mdi:bicycle-cargo", "vehicle"],
    ["food truck", "gi:food-truck", "vehicle"],
    ["sandwich", "gi:sandwich", "food"],
    ["syringe", "gi:syringe", "prop"],
    ["spaniel", "gi:sitting-dog", "animal"],
  ])("maps %s to %s (%s) through WordNet", (word, icon, category) => {
    expect(lookupNoun(word)).toMatchObject({ category, icon: { id: icon } });
  });

  it("knows people as people (drawn as figures, never as icons)", () => {
    for (const w of ["keeper", "nurse", "chef", "child", "fisherman"]) expect(lookupNoun(w), w).toMatchObject({ category: "person", icon: null });
  });

  it("ships fitted path data: absolute commands inside a 0..100 box", () => {
    const icon = iconById("gi:lighthouse");
    expect(icon).not.toBeNull();
    expect(icon!.d).toMatch(/^M[\d. ]/);
    expect(icon!.d).not.toMatch(/[a-zHVSQTA]/);
    const nums = icon!.d.match(/-?\d*\.?\d+/g)!.map(Number);
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nums)).toBeLessThanOrEqual(100.05);
    const { box } = placePath(icon!, { cx: 500, bottom: 700, height: 300 });
    expect(box.y).toBeCloseTo(400);
    expect(box.h).toBe(300);
  });

  it("names the game-icons authors to credit for a set of icons, and the mdi licence", () => {
    const c = creditsFor(["gi:lighthouse", "gi:seagull", "mdi:yurt", "gi:lighthouse", "nope:x"]);
    expect(c.authors).toEqual(["Delapouite", "Lorc"].filter((a) => c.authors.includes(a)));
    expect(c.authors.length).toBeGreaterThan(0);
    for (const a of c.authors) expect(a).not.toMatch(/GameIcons contributors/);
    expect(c.sets).toEqual(["gi", "mdi"]);
    expect(c.lines.join(" ")).toMatch(/Icons made by .+ CC BY 3\.0.+Apache-2\.0/);
    expect(creditsFor(["mdi:yurt"]).authors).toEqual([]);
    expect(creditsFor([]).lines).toEqual([]);
  });

  it("credits a frame from its depicts (people and unknown words need none)", () => {
    const c = creditsForDepicts(["Old Tom", "lighthouse", "seagull", "keeper", "sea"]);
    expect(c.authors).toContain("Delapouite");
    expect(creditsForDepicts(["Maya", "keeper"]).lines).toEqual([]);
  });
});

describe("reading the nouns a scene names", () => {
  it("finds the subject, the props, the animal and the landmark", () => {
    expect(nouns("The keeper tosses a sandwich to a seagull on the lighthouse gallery.")).toEqual(["keeper", "sandwich", "seagull", "lighthouse"]);
  });

  it("reads compounds whole and modifiers as modifiers", () => {
    expect(nouns("Dana rides an electric cargo bike.", ["Dana"])).toEqual(["cargo bike"]);
    expect(nouns("The cheese sandwich in its paper wrapper.")).toEqual(["sandwich", "wrapper"]);
    expect(nouns("Two food trucks on the corner.")).toEqual(["food truck", "corner"]);
  });

  it("does not read third-person verbs or participles as things", () => {
    expect(nouns("A seagull circles the lamp room.")).not.toContain("circle");
    expect(nouns("Aldar Kose bows.", ["Aldar Kose"])).not.toContain("bow");
    expect(nouns("The bai counts his coins.", ["the bai"])).toEqual(["coins"]);
    expect(nouns("Grandpa shades his eyes.")).toEqual(["grandpa"]);
    expect(nouns("Rain lashing the glass.")).not.toContain("lashing");
  });

  it("marks plurals and owners", () => {
    const [kite] = readSceneNouns("Hundreds of kites over the field.");
    expect(kite).toMatchObject({ noun: "kite", plural: true });
    const bike = readSceneNouns("The cargo bike's battery clicks into place.").find((n) => n.noun === "cargo bike");
    expect(bike?.owner).toBe(true);
  });

  it("never reads the cast's names as nouns", () => {
    expect(nouns("Rose hands Hunter a cup.", ["Rose", "Hunter"])).toEqual(["cup"]);
  });
});

describe("the cast", () => {
  const chef = (name: string) => ({ name, look: "chef", wardrobe: "white jacket" });

  it("draws animals and robots of the cast as what they are", () => {
    expect(creatureOf({ name: "the seagull", look: "a scruffy grey-white gull", wardrobe: "none" })?.noun).toBe("seagull");
    expect(creatureOf({ name: "Pixel", look: "a ginger cat", wardrobe: "red collar" })?.noun).toBe("cat");
    expect(creatureOf({ name: "Bolt", look: "small round robot on wheels", wardrobe: "silver" })?.noun).toBe("robot");
    // A man called Tom is not a tomcat.
    expect(creatureOf({ name: "Old Tom", look: "lighthouse keeper, old man", wardrobe: "jumper" })).toBeNull();
  });

  it("gives each character one look from its name, whoever else is in the scene", () => {
    const a = chef("Rosa");
    const b = chef("Marco");
    const c = { name: "Dana", look: "parent", wardrobe: "jacket" };
    const [ra] = castLooks([a, b]);
    const [, rb] = castLooks([c, a]);
    expect(ra).toEqual(rb);
    const traits = (list: typeof a[]) => castTraits(list, list.map(traitsOfCharacter));
    expect(traits([a, b])[0]).toEqual(traits([a, c])[0]);
  });

  it("never gives two characters of a scene the same look", () => {
    const names = ["Rosa", "Marco", "Ana", "Finn", "Lee", "Sam", "Kai", "Noor", "Ivan", "Mei"];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const pair = [chef(names[i]!), chef(names[j]!)];
        const [la, lb] = castLooks(pair);
        expect(la!.shirt.color, `${names[i]} / ${names[j]}`).not.toBe(lb!.shirt.color);
        const [ta, tb] = castTraits(pair, [DEFAULT_TRAITS, DEFAULT_TRAITS]);
        expect(ta, `${names[i]} / ${names[j]}`).not.toEqual(tb);
      }
    }
  });

  it("keeps what the look says (a named colour, a beard)", () => {
    const [look] = castLooks([{ name: "Ana", look: "fisherwoman", wardrobe: "yellow oilskins" }]);
    expect(look!.shirt.color).toBe("#c9a227");
    const [t] = castTraits([{ name: "Tom", look: "old man, white beard", wardrobe: "cap" }], [{ ...DEFAULT_TRAITS, beard: true, hat: true }]);
    expect(t).toMatchObject({ beard: true, hat: true });
  });
});
