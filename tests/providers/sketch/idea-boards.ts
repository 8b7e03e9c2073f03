import type { AspectRatio, Character, ShotType, StyleBible } from "@/lib/planner/schema";
import type { ImageInput, SceneContext } from "@/lib/providers/types";

// Eight storyboards written by hand the way a planner would plan them (the planner is being
// rewritten in parallel), on ideas the renderer was not tuned for. Shared by the ideas contact
// sheet (scripts/contact-sheet-ideas.ts), the coverage test and the distinctness test.

export type IdeaBoard = { title: string; idea: string; aspectRatio: AspectRatio; seed: number; scenes: SceneContext[] };

const style = (accent: string, mood: string): StyleBible => ({ preset: "pencil-sketch", palette: [accent, "#2c2b29", "#f4f0e6"], lighting: "natural", mood: [mood] });

type S = [ShotType, string, Character[]];

function board(title: string, idea: string, seed: number, accent: string, mood: string, scenes: S[], aspectRatio: AspectRatio = "16:9"): IdeaBoard {
  const moves = ["static", "pan", "dolly-in", "handheld", "tilt", "truck", "dolly-out", "crane"] as const;
  return {
    title,
    idea,
    aspectRatio,
    seed,
    scenes: scenes.map(([shotType, description, characters], i) => ({
      number: i + 1,
      description,
      shotType,
      cameraMove: moves[(i * 3 + seed) % moves.length] ?? "static",
      narrativeRole: null,
      durationSeconds: 4,
      characters,
      style: style(accent, mood),
    })),
  };
}

const keeper: Character = { name: "Old Tom", look: "lighthouse keeper, old man, white beard", wardrobe: "navy knitted jumper, cap" };
const gull: Character = { name: "the seagull", look: "a scruffy grey-white gull", wardrobe: "none" };
const parent: Character = { name: "Dana", look: "parent in her thirties, ponytail", wardrobe: "green rain jacket" };
const kid: Character = { name: "Milo", look: "6-year-old boy", wardrobe: "yellow raincoat, backpack" };
const chefA: Character = { name: "Rosa", look: "chef, woman, curly hair", wardrobe: "white chef jacket, red bandana" };
const chefB: Character = { name: "Marco", look: "chef, man, moustache", wardrobe: "white chef jacket, black apron" };
const aldar: Character = { name: "Aldar Kose", look: "young trickster, thin, clever grin", wardrobe: "patched robe, fur hat" };
const bai: Character = { name: "the bai", look: "greedy rich man, fat, old, beard", wardrobe: "silk robe, gold rings" };
const nurse: Character = { name: "Amara", look: "night-shift nurse, woman, hair in a bun", wardrobe: "blue scrubs" };
const patient: Character = { name: "Mr Hale", look: "elderly man, bald", wardrobe: "hospital gown" };
const girl: Character = { name: "Keiko", look: "10-year-old girl, two braids", wardrobe: "red jacket" };
const grandpa: Character = { name: "Grandpa Jun", look: "old man, glasses", wardrobe: "grey cardigan" };
const skipper: Character = { name: "Skipper Ana", look: "fisherwoman, weathered face", wardrobe: "yellow oilskins" };
const deckhand: Character = { name: "Finn", look: "young deckhand, man", wardrobe: "orange life vest" };
const cat: Character = { name: "Pixel", look: "a ginger cat", wardrobe: "red collar" };
const robot: Character = { name: "Bolt", look: "small round robot on wheels", wardrobe: "dented silver panels" };

export const IDEA_BOARDS: IdeaBoard[] = [
  board("Lighthouse keeper, seagull and sandwich", "A lonely lighthouse keeper and a seagull who keeps stealing his sandwich", 21, "#3f6fb0", "tender", [
    ["extreme-wide", "A lighthouse on a rocky headland above a grey sea at dawn; a seagull circles the lamp room.", []],
    ["medium", "Old Tom sits on the lighthouse steps unwrapping his sandwich.", [keeper]],
    ["insert", "The cheese sandwich in its paper wrapper on the keeper's knee.", [keeper]],
    ["close-up", "The seagull eyes the sandwich from the railing, head cocked.", [gull]],
    ["wide", "The seagull snatches the sandwich and flies off over the sea; Old Tom shakes his fist.", [keeper, gull]],
    ["over-the-shoulder", "Over Old Tom's shoulder, the seagull lands beside him on the steps and he tears the sandwich in two.", [keeper, gull]],
  ]),
  board("Electric cargo bike — the school run (ad)", "60-second ad for an electric cargo bike for parents who do the school run", 4, "#2f8f6b", "upbeat", [
    ["wide", "Morning traffic jam outside the school; cars stuck bumper to bumper.", []],
    ["medium", "Dana loads Milo and his backpack into the box of the electric cargo bike.", [parent, kid]],
    ["wide", "Dana rides the cargo bike past the queue of cars along the bike lane.", [parent, kid]],
    ["insert", "The cargo bike's battery pack clicks into place under the seat.", []],
    ["extreme-wide", "The cargo bike arrives at the school gate as the bell rings.", [parent, kid]],
    ["close-up", "Milo waves goodbye with his backpack on, grinning.", [kid]],
  ]),
  board("Two rival chefs and a food truck", "Two rival chefs park their food trucks on the same corner", 9, "#c8553d", "comic", [
    ["extreme-wide", "Two food trucks park nose to nose on the same street corner.", []],
    ["medium", "Rosa and Marco glare at each other across the pavement, arms crossed.", [chefA, chefB]],
    ["insert", "A sizzling pan of paella on Rosa's stove.", [chefA]],
    ["insert", "Marco's pizza slides out of the oven.", [chefB]],
    ["wide", "A queue of customers forms between the two food trucks.", [chefA, chefB]],
    ["close-up", "Marco tastes Rosa's paella with a spoon, surprised.", [chefB, chefA]],
  ]),
  board("Aldar Kose and the greedy bai", "Aldar Kose outwits a greedy bai in his yurt on the steppe", 13, "#b08a3e", "trickster", [
    ["extreme-wide", "A rich white yurt alone on the endless steppe; Aldar Kose rides up on a thin horse.", [aldar]],
    ["medium", "Inside the yurt the bai counts his gold coins while Aldar Kose bows.", [bai, aldar]],
    ["insert", "The magic pot that Aldar Kose says cooks by itself.", []],
    ["over-the-shoulder", "Over the bai's shoulder, Aldar Kose lifts the lid of the pot.", [bai, aldar]],
    ["close-up", "The bai's greedy eyes widen as he grabs the bag of gold.", [bai]],
    ["wide", "Aldar Kose gallops away across the steppe with the bag of gold; the bai shakes the empty pot.", [aldar, bai]],
  ]),
  board("A nurse's night shift", "A nurse's night shift on a quiet hospital ward", 17, "#5b5b8f", "quiet", [
    ["extreme-wide", "The hospital at night, one row of windows lit.", []],
    ["medium", "Amara checks Mr Hale's chart by the glow of the desk lamp.", [nurse, patient]],
    ["insert", "A syringe and a stethoscope on a metal tray.", []],
    ["close-up", "Amara yawns over a cup of coffee at the nurses' station.", [nurse]],
    ["wide", "Amara pushes a wheelchair down the long empty corridor.", [nurse]],
    ["close-up", "Mr Hale smiles and squeezes her hand as the sun comes up.", [patient, nurse]],
  ]),
  board("The kite festival", "A girl and her grandfather at a kite festival", 25, "#c9a227", "joyful", [
    ["extreme-wide", "Hundreds of kites over the festival field, tents along the edge.", []],
    ["medium", "Grandpa Jun hands Keiko a paper kite shaped like a fish.", [grandpa, girl]],
    ["wide", "Keiko runs across the field, the kite lifting behind her.", [girl]],
    ["insert", "The spool of string unwinding in Keiko's hands.", [girl]],
    ["close-up", "Grandpa Jun shades his eyes, watching the kite climb.", [grandpa]],
    ["wide", "The kite tangles in a tree; Keiko and Grandpa Jun laugh underneath.", [girl, grandpa]],
  ]),
  board("A fishing boat in a storm", "A small fishing boat caught in a storm", 31, "#3f8f8a", "tense", [
    ["extreme-wide", "A small fishing boat pitches on huge waves under a black storm sky.", []],
    ["medium", "Skipper Ana grips the wheel in the wheelhouse, rain lashing the glass.", [skipper]],
    ["wide", "Finn hauls the net on the heaving deck as a wave breaks over the bow.", [deckhand]],
    ["insert", "The compass needle swinging wildly.", []],
    ["close-up", "Finn shouts into the radio, water streaming off his hood.", [deckhand]],
    ["extreme-wide", "At dawn the fishing boat limps into the harbour past the lighthouse.", []],
  ]),
  board("A cat and a robot", "A cat and a robot become friends in an empty apartment", 35, "#8a5a83", "whimsical", [
    ["wide", "In the empty kitchen, the robot vacuum bumps into the sleeping cat.", [cat, robot]],
    ["close-up", "Pixel the cat hisses at the robot, tail puffed.", [cat]],
    ["medium", "Bolt the robot offers Pixel a ball of yarn with its claw.", [robot, cat]],
    ["insert", "The ball of yarn rolling across the floor.", []],
    ["wide", "Pixel rides on top of the robot around the living room.", [cat, robot]],
    ["close-up", "The cat curls up asleep on the warm robot by the window.", [cat, robot]],
  ]),
];

export function ideaInput(b: IdeaBoard, scene: SceneContext, seed = b.seed): ImageInput {
  return {
    prompt: `${scene.description} Pencil storyboard sketch.`,
    aspectRatio: b.aspectRatio,
    seed,
    outputFormat: "png",
    referenceImageUrl: null,
    scene,
    webhookUrl: null,
  };
}
