import type { Character } from "../schema";
import type { IdeaAnalysis, IdeaCharacter } from "./idea-types";
import type { Gender } from "./lexicon";
import { pickBy } from "./prng";

// Invented but stable looks: the same name always gets the same face and clothes, so every
// frame of a storyboard (and every re-plan of the same idea) draws the same person.

const AGE: Record<"child" | "young" | "adult" | "old", readonly string[]> = {
  child: ["about nine years old", "about eleven", "seven or eight years old"],
  young: ["in {p} early twenties", "about seventeen", "in {p} mid-twenties"],
  adult: ["in {p} thirties", "in {p} early forties", "in {p} late thirties", "around fifty"],
  old: ["in {p} late sixties", "in {p} seventies", "well past seventy"],
};

const BUILD = ["slight, quick-moving", "wiry", "broad-shouldered", "tall, long-limbed", "compact, sturdy", "lean, slightly stooped", "small, upright"];

const HAIR: Record<Gender, readonly string[]> = {
  f: ["long black hair in a single thick braid", "a short auburn bob", "wild grey curls", "cropped dark hair", "copper hair tied back in a knot", "silver hair in a low bun", "straight ink-black hair to the shoulders", "sandy hair under a knitted band"],
  m: ["close-cropped black hair", "a shaggy brown mop", "a grey buzz cut", "thinning white hair and a short beard", "dark curls and a stubbled jaw", "a sandy side-parted cut", "a shaved head and a neat black beard", "long hair tied back at the nape"],
  n: ["cropped dark hair", "a shaggy chestnut mop", "short bleached hair", "dark curls pulled back", "a neat black fade", "grey hair cut blunt at the jaw"],
};

const FACE = ["sharp cheekbones and dark watchful eyes", "a crooked, easy smile", "deep-set grey eyes", "a freckled, sun-browned face", "a weathered face and deep laugh lines", "a round face and heavy brows", "a thin scar through one eyebrow", "wide-set hazel eyes", "a strong nose and a stubborn chin", "rosy wind-chapped cheeks"];

const CASUAL = [
  "a faded denim jacket over a mustard hoodie",
  "an olive field jacket, grey tee and worn jeans",
  "a navy peacoat and a red wool scarf",
  "a rust-coloured corduroy jacket and canvas trousers",
  "a cream cable-knit sweater and dark work trousers",
  "a quilted green vest over a checked flannel shirt",
  "a long charcoal coat and scuffed leather boots",
  "a yellow raincoat over a striped shirt",
];

const FOLK_WARDROBE = [
  "a patched wool shawl over a long homespun skirt",
  "a coarse linen shirt, a sheepskin vest and a rope belt",
  "a faded embroidered tunic and soft leather boots",
  "a heavy felt coat with a woven sash",
  "a rough-spun smock and a kerchief knotted at the neck",
];

const FUTURE_WARDROBE = [
  "a sleek grey utility jumpsuit with glowing seams",
  "a matte-black pressure suit with a cracked visor clipped at the hip",
  "a high-collared synthetic coat in pale teal",
];

const CLIMATE_WARDROBE: Record<string, readonly string[]> = {
  snow: ["a fur-lined sheepskin coat, felt boots and a fox-fur hat", "a padded indigo coat, thick mittens and a wool scarf wound high"],
  rain: ["a dark oilcloth raincoat with the hood up", "a belted trench coat darkened by rain"],
  heat: ["loose undyed linen and a wide straw hat", "a sun-faded headscarf and light cotton robes"],
  fog: ["a heavy grey wool coat with the collar turned up"],
  autumn: ["a mustard knit cardigan and brown corduroys"],
};

const ANIMAL_LOOK: Record<string, readonly string[]> = {
  cat: ["sleek black cat with green eyes and a white-tipped tail", "fat ginger tabby with a torn left ear", "small grey tabby with amber eyes and a kinked tail", "white cat with one blue and one gold eye"],
  kitten: ["tiny grey kitten with oversized ears", "fluffy ginger kitten with a white bib"],
  dog: ["scruffy brown terrier with a grey muzzle", "big golden retriever with a feathered tail", "lean black-and-white collie with one ear up"],
  puppy: ["clumsy yellow lab puppy with huge paws", "small brindle puppy with a white blaze"],
  fox: ["lean red fox with a white-tipped brush and black stockings"],
  wolf: ["grey wolf with a pale ruff and amber eyes", "black she-wolf with a notched ear"],
  bear: ["huge brown bear with a silvered hump"],
  horse: ["bay horse with a black mane and a white star", "dun horse with a dark dorsal stripe"],
  mare: ["dappled grey mare with a dark mane and a white blaze", "chestnut mare with a flaxen mane"],
  stallion: ["black stallion with a long wavy mane"],
  owl: ["snowy owl with black-flecked feathers and gold eyes", "tawny owl with a mottled brown face"],
  eagle: ["golden eagle with a hooked yellow beak"],
  crow: ["glossy black crow with a clever eye"],
  raven: ["huge raven with a shaggy throat"],
  rabbit: ["small brown rabbit with a white scut"],
  hare: ["long-eared brown hare with black-tipped ears"],
  mouse: ["tiny brown field mouse with bright black eyes"],
  fish: ["shimmering golden fish with trailing veil-like fins", "silver fish with a flash of blue along its side"],
  whale: ["vast humpback whale, barnacled and scarred"],
  turtle: ["old green sea turtle with a mossy shell"],
  penguin: ["small emperor penguin chick in grey down"],
  camel: ["shaggy two-humped camel with a tasselled halter"],
  goat: ["white goat with a long beard and curled horns"],
};

const ANIMAL_WARDROBE: Record<string, string> = {
  cat: "a thin red collar with a brass bell",
  kitten: "no collar, fur sticking up",
  dog: "a worn blue collar with a round tag",
  puppy: "an oversized red collar",
  horse: "a worn leather bridle and a felt saddle blanket",
  mare: "a worn leather bridle and a patterned felt saddle blanket",
  stallion: "a silver-studded bridle",
  camel: "a woven saddle rug and a tasselled halter",
  goat: "a small copper bell on a cord",
  fish: "no tack — only a faint shimmer trailing through the water",
  whale: "barnacles and old rope scars",
};

const MACHINE_LOOK = ["boxy rust-streaked robot with a single round lens for an eye", "slim white android with a seamless porcelain face and blue status lights", "squat tracked robot with a periscope head and dented panels"];
const CREATURE_LOOK: Record<string, readonly string[]> = {
  dragon: ["moss-green dragon the size of a bus, with cracked horns and ember eyes", "small sapphire-blue dragon with translucent wings"],
  ghost: ["pale translucent figure with hollow dark eyes and drifting hair"],
  giant: ["lumbering giant with a boulder-like head and a gentle face"],
  alien: ["slender grey alien with large black almond eyes"],
  fairy: ["thumb-sized fairy with dragonfly wings and a dandelion-fluff halo"],
  troll: ["hulking moss-covered troll with a nose like a potato"],
};

function possessive(g: Gender): string {
  return g === "f" ? "her" : g === "m" ? "his" : "their";
}

function noun(c: IdeaCharacter): string {
  const age = c.role?.age;
  const generic = ["owner", "customer", "hero", "stranger", "brother", "sister", "mother", "mom", "father", "dad", "wife", "husband", "son", "daughter", "grandma", "grandpa", "man", "woman", "kid", "teenager", "granddaughter", "grandson", "grandchild", "niece", "nephew", "aunt", "uncle", "cousin", "twin", "widow", "widower", "neighbour", "neighbor", "friend", "child"];
  // A trade says nothing about who does it: a lighthouse keeper the idea calls "she" is drawn as a woman.
  const genderedByIdea = c.gender !== "n" && c.role?.gender === "n";
  if (c.roleNoun && c.kind === "person" && !generic.includes(c.roleNoun) && !genderedByIdea) return c.roleNoun;
  if (c.roleNoun === "teenager") return "teenager";
  if (c.gender === "f") return age === "child" ? "girl" : "woman";
  if (c.gender === "m") return age === "child" ? "boy" : "man";
  return age === "child" ? "child" : "person";
}

export function designCharacter(c: IdeaCharacter, idea: IdeaAnalysis): Character {
  if (c.plural && c.kind === "person") {
    // A small group is drawn as its members, one look each, in one character entry.
    const a = designCharacter({ ...c, plural: false, name: `${c.name}/1`, gender: c.gender === "m" ? "m" : "f" }, idea);
    const b = designCharacter({ ...c, plural: false, name: `${c.name}/2`, gender: c.gender === "f" ? "f" : "m" }, idea);
    const count = /^(three|four)\b/i.test(c.name) ? `${c.name.split(" ")[0]!.toLowerCase()} of them, led by` : "two:";
    return { name: c.name.slice(0, 80), look: `${count} a ${a.look}; and a ${b.look}`.slice(0, 300), wardrobe: `the first in ${a.wardrobe}; the second in ${b.wardrobe}`.slice(0, 300) };
  }
  const key = c.name.toLowerCase();
  const adjs = c.adjectives.filter((a) => !["lost", "talking", "brave", "kind", "curious", "greedy", "shy", "lonely", "wise"].includes(a));
  let look: string;
  let wardrobe: string;

  if (c.kind === "animal") {
    const base = c.roleNoun ?? "animal";
    const options = ANIMAL_LOOK[base] ?? [`${base} with a distinctive marking on its face`];
    look = speciesFirst(base, withAdjectives(pickBy(key, options), adjs, base));
    if (c.adjectives.includes("talking")) look += ", unnervingly expressive eyes";
    wardrobe = ANIMAL_WARDROBE[base] ?? "nothing but its own coat";
  } else if (c.kind === "machine") {
    look = withAdjectives(pickBy(key, MACHINE_LOOK), adjs, c.roleNoun ?? "robot");
    wardrobe = pickBy(`${key}/w`, ["a faded serial number stencilled on its chest", "a frayed scarf someone tied around its neck", "a cracked antenna mended with tape"]);
  } else if (c.kind === "creature") {
    const base = c.roleNoun ?? "creature";
    look = withAdjectives(pickBy(key, CREATURE_LOOK[base] ?? [`${base} unlike anything human, ancient and watchful`]), adjs, base);
    wardrobe = c.role?.wardrobe ?? "nothing but scales, fur or mist";
  } else {
    // A spouse shares the owner's generation: an old fisherman's wife is not forty.
    const owner = c.owner && (c.roleNoun === "wife" || c.roleNoun === "husband") ? idea.characters.find((x) => x.name === c.owner) : undefined;
    const ownerOld = owner ? owner.adjectives.includes("old") || owner.role?.age === "old" : false;
    const ageBand = ownerOld || c.adjectives.includes("old") ? "old" : c.adjectives.includes("young") || c.adjectives.includes("little") ? (c.role?.age === "child" ? "child" : "young") : c.role?.age ?? pickBy(`${key}/age`, ["young", "adult", "adult", "old"] as const);
    const p = possessive(c.gender);
    const age = pickBy(`${key}/age-words`, AGE[ageBand]).replace("{p}", p);
    const hairOptions = ageBand === "child" ? HAIR[c.gender].filter((h) => !/beard|stubble|shaved/.test(h)) : HAIR[c.gender];
    const hair = ageBand === "old" ? pickBy(`${key}/hair`, hairOptions.filter((h) => /grey|silver|white/.test(h)).concat(["thin white hair"])) : pickBy(`${key}/hair`, hairOptions.filter((h) => !/grey|silver|white/.test(h)));
    const build = ageBand === "child" ? pickBy(`${key}/build`, ["small and skinny", "sturdy and round-faced", "gangly"]) : pickBy(`${key}/build`, BUILD);
    const temper = c.adjectives.includes("greedy") ? ", a pinched, calculating mouth" : c.adjectives.includes("kind") ? ", soft kind eyes" : "";
    look = `${build} ${noun(c)} ${age}, ${hair}, ${pickBy(`${key}/face`, FACE)}${temper}`;
    const climate = idea.weather ? CLIMATE_WARDROBE[idea.weather] : undefined;
    const everyday = idea.era === "folk" ? FOLK_WARDROBE : idea.era === "future" ? FUTURE_WARDROBE : CASUAL;
    wardrobe = c.role?.wardrobe ?? (climate && idea.era !== "future" ? pickBy(`${key}/w`, climate) : pickBy(`${key}/w`, everyday));
  }
  return { name: c.name.slice(0, 80), look: look.slice(0, 300), wardrobe: wardrobe.slice(0, 300) };
}

/** Make the invented look agree with the idea's own adjectives ("grey mare" stays grey). */
function withAdjectives(look: string, adjs: readonly string[], base: string): string {
  const colour = adjs.find((a) => /^(grey|gray|black|white|red|ginger|golden|silver|orange|brown|rusty)$/.test(a));
  if (!colour || look.includes(colour)) return look;
  const rest = look.includes(" with ") ? look.slice(look.indexOf(" with ")) : "";
  return `${colour} ${base}${rest}`;
}

/**
 * The species leads the look ("fox: lean and red, with a white-tipped brush"): a renderer that
 * reads the look for what to draw finds the same noun the scene text uses ("the fox"), not a
 * breed or a compound ("tabby", "emperor penguin") it cannot tie back to the scene.
 */
function speciesFirst(base: string, look: string): string {
  const at = look.search(/\s(with|in)\s/);
  const head = at < 0 ? look : look.slice(0, at);
  const rest = at < 0 ? "" : look.slice(at);
  const words = head.split(/\s+/);
  const i = words.lastIndexOf(base);
  const before = (i >= 0 ? words.slice(0, i) : words).join(" ");
  const after = i >= 0 ? words.slice(i + 1).join(" ") : "";
  const desc = [before, after].filter(Boolean).join(" ");
  return desc ? `${base}: ${desc}${rest}` : `${base}${rest}`;
}
