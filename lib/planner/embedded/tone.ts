import type { Form } from "../schema";

// The idea's tone, read from its own words: a trickster tale is a comedy, a grandmother's lesson
// is tender, a rescue in a storm is tense. It picks the mood words, the wording and the shots.

export type Tone = "comedy" | "tender" | "tense" | "epic" | "upbeat" | "calm";

const CUES: ReadonlyArray<readonly [Tone, RegExp]> = [
  ["tense", /\b(storms?|thunderstorm|burning|fire|rescues?|rescued|oxygen|runs? out|in labou?r|traffic jam|chase[sd]?|victim|murder\w*|danger\w*|escape\w*|trapped|flood\w*|before .* runs out|last chance|mayday|haunt\w*|monster|frightened|afraid|dust storm|loses? her mother|loses? his mother)\b|буря|гроз|tormenta|sturm|orage/i],
  ["comedy", /\b(outwits?|outwitted|tricks?|tricked|trickster|prank\w*|steals? (his|her|their|a|the) (sandwich|lunch|pie|cake|hat|chips)|funny|silly|clumsy|goofy|chaos|backwards|greedy|rivals?|compete[sd]?|competition|gets to it first|decide it is their|won't stop|will not stop|floods the whole town|heist|afraid of water)\b|ворует|roba|stiehlt|vole/i],
  ["epic", /\b(kingdom|knight|crown|empire|battle|war|legend\w*|dragon|quest|the last \w+ of|across the (frozen|great|endless)|gods?)\b/i],
  ["tender", /\b(grand(mother|father|ma|pa|daughter|son)|teach(es)?|lesson|late (father|mother)|love\w*|wedding|old friends?|keeps? .* company|patient|kindness|for his|for her|one last time|birthday|hug\w*|shy)\b|abuela|grand-mère|großmutter|бабушк/i],
  ["upbeat", /\b(race[sd]?|racing|festival|party|celebrat\w*|joy\w*|win[s]?|bright|launch|fast|speed|energy)\b/i],
];

/** The strongest cue wins; the first cue in the list breaks ties. Ads default to upbeat, explainers to calm. */
export function readTone(text: string, form: Form): Tone {
  let best: Tone | null = null;
  let bestHits = 0;
  for (const [tone, re] of CUES) {
    const hits = (text.match(new RegExp(re.source, "gi")) ?? []).length;
    if (hits > bestHits) {
      best = tone;
      bestHits = hits;
    }
  }
  if (form === "ad") return best === "tense" || best === "epic" ? "upbeat" : best ?? "upbeat";
  if (form === "explainer") return "calm";
  return best ?? "tender";
}

export const TONE_MOODS: Record<Tone, readonly string[]> = {
  comedy: ["playful", "mischievous", "brisk"],
  tender: ["tender", "warm", "intimate"],
  tense: ["tense", "urgent", "ominous"],
  epic: ["epic", "sweeping", "grave"],
  upbeat: ["upbeat", "bright", "kinetic"],
  calm: ["clear", "friendly", "curious"],
};
