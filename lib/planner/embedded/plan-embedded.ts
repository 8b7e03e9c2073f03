import { defaultSceneCount, planSchema, type Character, type Form, type Plan, type PlanRequest } from "../schema";
import { normalizePlan } from "../normalize";
import { allocateDurations, feasibleSceneCount } from "../timing";
import { analyzeIdea } from "./analyze-idea";
import { benefitLine } from "./find-product";
import { capitalise } from "./idea-text";
import type { IdeaAnalysis, IdeaCharacter } from "./idea-types";
import { buildBeats, type Beat } from "./beats";
import { designCharacter } from "./characters";
import { ROLE_NOUNS } from "./lexicon";
import { buildImagePrompt } from "./prompts";
import { planShots } from "./shots";
import { stockGuard } from "./stock-lines";
import { literalShot, nameTheCast, splitPairs, stageOut } from "./literal";
import { glossForeign, isLexiconLang } from "./foreign-words";
import { buildStyleBible } from "./style";

// The planner that needs no key and no network: idea analysis (compromise for English,
// punctuation and capitals elsewhere) → beats on the form's narrative roles → shot grammar →
// style bible → self-contained prompts → the same normalizePlan the LLM planner goes through.
// Pure and deterministic: the same request always returns the same plan.

const LANDSCAPE = /\b(steppe|desert|sea|ocean|mountains?|forest|woods|tundra|valley|plains?|prairie|coast|city|savanna|canyon|glacier|dunes|harbou?r|bay|lake|river|field|fields|island|wasteland|jungle)\b/i;

export function planEmbedded(request: PlanRequest): Plan {
  const idea = analyzeIdea(request.prompt, request.form);
  const form: Form = request.form ?? idea.form;
  withAudience(idea, form);
  const count = feasibleSceneCount(request.targetDuration, request.frameCount ?? defaultSceneCount(request.targetDuration));

  const beats = buildBeats(idea, form, count);
  const styleBible = buildStyleBible(request.style, idea, form);
  const cast = idea.characters.filter((c) => beats.some((b) => b.characters.includes(c.name)));
  const characters: Character[] = cast.slice(0, 8).map((c) => designCharacter(c, idea));
  const names = new Set(characters.map((c) => c.name));
  // Other languages keep their own words; drawable nouns also carry their English name.
  const lang = idea.lang;
  if (!idea.english && isLexiconLang(lang)) {
    for (const b of beats) {
      b.text = glossForeign(b.text, lang);
      b.visual = glossForeign(b.visual, lang);
    }
  }
  const guard = stockGuard([request.prompt, ...characters.map((c) => c.name)].join(" "));
  for (const b of beats) {
    b.text = guard.pass(b.text);
    // Descriptions say who/what/where; camera and mood go to the notes.
    const { text, staging } = stageOut(b.text);
    b.text = text;
    if (staging.length) b.notes = `${b.notes ? `${b.notes}\n` : ""}Staging: ${staging.join("; ")}.`;
    b.text = nameTheCast(b.text, b.characters.filter((n) => names.has(n)), idea);
  }
  const shots = planShots(beats, idea.seed, { landscape: LANDSCAPE.test(idea.setting ?? ""), tone: idea.tone });
  const durations = allocateDurations({ form, roles: beats.map((b) => b.role), targetDuration: request.targetDuration });

  const scenes = beats.map((beat: Beat, i) => {
    const inFrame = { ...beat, characters: beat.characters.filter((n) => names.has(n)) };
    const shot = literalShot(shots[i] ?? { shotType: "medium" as const, cameraMove: "static" as const }, inFrame.characters.length, beat.text, [...idea.objects, ...(idea.product ? [idea.product.name] : [])]);
    return {
      order: i + 1,
      narrativeRole: beat.role,
      description: clip(beat.text, 1000),
      imagePrompt: buildImagePrompt({ beat: inFrame, shot, idea, characters, styleBible, aspectRatio: request.aspectRatio }),
      durationSeconds: durations[i] ?? 1,
      shotType: shot.shotType,
      cameraMove: shot.cameraMove,
      characters: inFrame.characters,
      dialogue: beat.dialogue,
      notes: beat.notes,
      diagram: beat.diagram ?? null,
    };
  });

  // A pair ("two rival chefs") is two people on the board, both in every scene the pair is in.
  const pairs = splitPairs(characters, idea, (c) => designCharacter(c, idea));
  if (pairs.size) for (const sc of scenes) sc.characters = sc.characters.flatMap((n) => pairs.get(n) ?? [n]);

  const plan = planSchema.parse({
    title: clip(request.title ?? titleFor(idea, form), 120),
    logline: clip(loglineFor(idea, form, request.targetDuration, scenes.length), 400),
    form,
    styleBible,
    characters,
    scenes,
  });
  return normalizePlan(plan, request);
}

const PRODUCT_USERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(bottle|flask|tumbler|backpack|boots?)\b/i, "hiker"],
  [/\b(umbrella|raincoat|headphones|earbuds|bike|e-bike|scooter|commute)\b/i, "commuter"],
  [/\b(shoes?|sneakers?|trainers?|running)\b/i, "runner"],
  [/\b(lantern|tent|stove|sleeping bag)\b/i, "camper"],
];

/** An ad with no named person still shows its audience: "for campers" → a camper to design. */
function withAudience(idea: IdeaAnalysis, form: Form): void {
  // The audience is the ad's hero even when the idea names an animal first ("cat owners who worry…").
  if (form !== "ad" || idea.hero?.kind === "person") return;
  // No product parsed ("a public service ad inviting teenagers to…"): whoever the ad speaks to.
  const invited = /\b(teenagers|students|parents|families|kids|children|commuters|runners|campers|hikers|seniors|neighbours|neighbors|customers)\b/i.exec(idea.text)?.[1];
  // No audience named: the person who would use this kind of thing.
  const user = idea.product ? idea.product.audience ?? PRODUCT_USERS.find(([re]) => re.test(`${idea.product!.name} ${idea.product!.descriptor ?? ""}`))?.[1] ?? invited : invited;
  if (!user) return;
  const last = user.toLowerCase().split(" ").pop() ?? "";
  const singular = last === "children" ? "child" : last === "families" ? "parent" : last.replace(/s$/, "");
  const role = ROLE_NOUNS[singular];
  if (!role || role.kind !== "person") return;
  const c: IdeaCharacter = {
    // "cat owners" → "Cat owner": the kind of person, modifier kept.
    name: capitalise([...user.toLowerCase().split(" ").slice(0, -1).filter((w) => !/^(busy|young|new|old|small|little)$/.test(w)), singular].join(" ")),
    ref: `the ${[...user.toLowerCase().split(" ").slice(0, -1).filter((w) => !/^(busy|young|new|old|small|little)$/.test(w)), singular].join(" ")}`,
    kind: "person",
    gender: role.gender,
    role,
    roleNoun: singular,
    adjectives: [],
    owner: null,
    mentions: 1,
    firstAt: 0,
    at: [0],
    inSentences: [0],
    subject: false,
    proper: false,
    keys: [singular],
  };
  idea.characters.push(c);
  idea.hero = c;
}

const SMALL = new Set(["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by"]);

function titleCase(s: string): string {
  return s
    .split(/\s+/)
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : capitalise(w)))
    .join(" ");
}

function titleFor(idea: IdeaAnalysis, form: Form): string {
  if (!idea.english) {
    const first = (idea.sentences[0]?.text ?? idea.text).replace(/[.!?。！？…]+$/u, "");
    const words = first.split(/\s+/);
    if (words.length === 1) return first.length > 24 ? `${first.slice(0, 24)}…` : first;
    return words.length > 6 ? `${words.slice(0, 6).join(" ")}…` : first;
  }
  if (form === "ad" && idea.product) {
    const benefit = benefitLine(idea.product);
    if (benefit && (idea.product.generic || !idea.product.descriptor)) return titleCase(benefit);
    if (idea.product.generic) return titleCase(idea.product.name);
    const d = idea.product.descriptor?.replace(/^(a|an|the)\s+/i, "").replace(/\s+(for|that|which)\s+.*$/i, "");
    return d ? `${idea.product.name} — ${titleCase(d)}` : idea.product.name;
  }
  if (form === "explainer" && idea.topic) return titleCase(idea.topic);
  const hero = idea.hero;
  const named = idea.characters.filter((c) => c.proper && c.kind !== "creature");
  if (named.length >= 2 && named[0] && named[1] && named[1].mentions >= 1 && named[0].firstAt < 40 && named[1].firstAt < 40) return `${named[0].name} and ${named[1].name}`;
  const object = idea.objects.find((o) => !/^(every|each|all|some)\b/i.test(o));
  const thing = object ?? (idea.setting && !/['’]s\b/.test(idea.setting) ? idea.setting : null);
  const heroName = hero ? (hero.proper ? hero.name : titleCase(hero.ref)) : null;
  const thingTitle = thing ? titleCase(/^(the|a|an|one|her|his|their|my|our)\s/i.test(thing) ? thing.replace(/^(a|an|one|her|his|their|my|our)\s+/i, "the ") : `the ${thing}`) : null;
  if (heroName && thingTitle) return `${heroName} and ${thingTitle.replace(/^The /, "the ")}`;
  if (heroName) return heroName;
  if (thingTitle) return thingTitle;
  return titleCase(idea.keywords.slice(0, 3).join(" ") || "Untitled");
}

function loglineFor(idea: IdeaAnalysis, form: Form, seconds: number, frames: number): string {
  const dur = Number.isInteger(seconds) ? `${seconds}` : seconds.toFixed(1);
  if (form === "ad" && idea.product) {
    const name = idea.product.generic ? `the ${idea.product.name}` : idea.product.name;
    const who = idea.product.audience ? ` for ${idea.product.audience}${idea.product.audienceDetail ? ` ${idea.product.audienceDetail}` : ""}` : "";
    const kind = idea.product.descriptor?.replace(/\s+for\s+.*$/, "");
    const descriptor = kind && !idea.product.generic ? `, ${kind},` : "";
    return `A ${dur}-second spot for ${name}${descriptor}${who}, in ${frames} frames.`.replace(/,,/g, ",").replace(/, in (\d+) frames/, " in $1 frames").replace(/,\s+in (\d+)/, " in $1");
  }
  if (form === "explainer" && idea.topic) return `A ${dur}-second explainer on ${idea.topic}, in ${frames} frames.`;
  const first = idea.sentences.find((s) => !s.meta)?.text ?? idea.text;
  if (first.length >= 25 || !idea.english) return first;
  return `${capitalise(first.replace(/[.!?]+$/, ""))}: a ${dur}-second ${form === "story" ? "short" : form} in ${frames} frames.`;
}

function clip(s: string, max: number): string {
  const t = s.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
