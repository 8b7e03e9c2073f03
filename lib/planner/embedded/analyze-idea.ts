import type { Form } from "../schema";
import { detectLanguage, foreignNouns, isLexiconLang } from "./foreign-words";
import { readTone } from "./tone";
import { CTA_SENTENCE, META_SENTENCE, TIMES_OF_DAY, WEATHER } from "./lexicon";
import type { IdeaSentence, IdeaAnalysis } from "./idea-types";
import { QUOTES, SPEECH_VERBS, cleanText, splitSentences, isEnglish, detectForm } from "./idea-text";
import { tagEnglish, tagPlain } from "./idea-tokens";
import { findCharacters, pickHero } from "./find-characters";
import { addOpeningName, addForeignCharacters, addLexiconCharacters } from "./find-foreign-characters";
import { foreignSetting, findSetting } from "./find-setting";
import { findObjects } from "./find-objects";
import { findProduct } from "./find-product";
import { findAction, findTopic, firstVerbIsPast } from "./find-action";
import { firstMatch, findMoods, findColours, findKeywords } from "./idea-cues";

// What the embedded planner understands of an idea. English goes through compromise (tags,
// tense); anything else is read with punctuation and capitalisation only, so Spanish, Russian,
// Kazakh or Japanese ideas still give sentences, candidate names and the idea's own words.

const FOLK = /\b(once upon|long ago|fairy ?tale|folk ?tale|fable|legend|kingdom|king|queen|prince|princess|palace|castle|knight|witch|wizard|dragon|fairy|troll|peasant|village|hut|wish|wishes|talking|magic|spell|steppe|yurt|shepherd|tsar|khan|sultan)\b|érase una vez|es war einmal|жил[иа]?-был|сказк|ертегі|昔々|むかしむかし/i;

const FUTURE = /\b(robot|android|cyborg|spaceship|starship|space station|astronaut|mars|alien|cyber\w*|neon|hologram\w*|future|futuristic|ai)\b/i;

export function analyzeIdea(prompt: string, formOverride?: Form): IdeaAnalysis {
  const text = cleanText(prompt);
  const sentenceTexts = splitSentences(text);
  const lang = detectLanguage(text);
  // The detector settles Latin-script ideas the word count cannot ("Un farero y una gaviota…").
  const english = isEnglish(text) && !(isLexiconLang(lang) && text.length >= 24);
  const tokens = english ? tagEnglish(sentenceTexts) : tagPlain(sentenceTexts);

  const sentences: IdeaSentence[] = sentenceTexts.map((s, i) => ({
    text: s,
    index: i,
    meta: META_SENTENCE.test(s) && s.length < 220,
    cta: CTA_SENTENCE.test(s),
    quotes: [...s.matchAll(QUOTES)].map((m) => (m[1] ?? "").trim()).filter(Boolean),
    speech: QUOTES.test(s) || SPEECH_VERBS.test(s),
    pastTense: firstVerbIsPast(tokens.filter((t) => t.sentence === i)),
  }));
  QUOTES.lastIndex = 0;

  const form = formOverride ?? detectForm(text);
  const product = form === "ad" ? findProduct(tokens, sentenceTexts) : null;
  const characters = findCharacters(tokens, product?.name ?? null, english);
  if (!english) addForeignCharacters(characters, tokens, text);
  if (!english && isLexiconLang(lang)) addLexiconCharacters(characters, tokens, text, lang);
  if (!english && !characters.some((c) => c.proper)) addOpeningName(characters, tokens);
  const hero = pickHero(characters);
  let found = english ? findSetting(tokens) : foreignSetting(tokens, text);
  if (!english && !found.setting && isLexiconLang(lang)) {
    const place = foreignNouns(text, lang).find((n) => n.kind === "place");
    if (place) found = { setting: `the ${place.en}`, settingPhrase: `in the ${place.en}`, places: [place.word.toLowerCase(), place.en] };
  }
  const { setting, settingPhrase, places } = found;
  // "comes off a night shift at dawn" happens at dawn.
  const timeOfDay = firstMatch(text.replace(/\b(night|day|morning|evening)[- ]shifts?\b|\bovernight\b/gi, "shift"), TIMES_OF_DAY);
  const weather = firstMatch(text, WEATHER);
  const objects = findObjects(tokens, characters, places, product);
  const firstStory = sentences.find((s) => !s.meta) ?? sentences[0];
  const { action, goal } = english && firstStory ? findAction(tokens.filter((t) => t.sentence === firstStory.index), characters) : { action: null, goal: null };
  // "How to bake sourdough: feed the starter, …": the topic ends where its list of steps begins.
  const topic = findTopic(text)?.replace(/\s*[:;—].*$/, "").trim() || null;

  return {
    text,
    english,
    lang,
    seed: text,
    sentences,
    characters,
    hero,
    setting,
    settingPhrase,
    settingSentence: setting ? Math.max(0, sentences.findIndex((x) => x.text.toLowerCase().includes(setting.toLowerCase().replace(/^(the|a|an)\s+/, "")))) : 0,
    timeOfDay,
    weather,
    objects,
    product,
    action,
    goal,
    topic,
    form,
    era: FUTURE.test(text) ? "future" : FOLK.test(text) ? "folk" : "modern",
    moods: findMoods(text),
    tone: readTone(text, form),
    colours: findColours(tokens),
    keywords: findKeywords(tokens, english),
  };
}
