import { NOT_NAMES, ROLE_NOUNS } from "./lexicon";
import type { IdeaProduct, Token } from "./idea-types";
import { capitalise } from "./idea-text";
import { isCap, endsPhrase, nounPhraseAt } from "./idea-tokens";
import { NOT_OBJECTS } from "./find-objects";

// An ad's product, apart from its audience: name, descriptor, features, who it is for.

export const PRODUCT_LEAD = /^(for|introducing|introduce|meet|launch|launching|try|buy|new|with|presenting|from)$/i;

export function findProduct(tokens: Token[], sentences: string[]): IdeaProduct | null {
  // A brand: a capitalised word after a launch cue, or any capitalised non-person word mid-sentence.
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isCap(t) || NOT_NAMES.has(t.lower) || ROLE_NOUNS[t.lower]) continue;
    if (/^\d/.test(t.text)) continue;
    const prev = tokens[i - 1];
    const cued = prev && prev.sentence === t.sentence && PRODUCT_LEAD.test(prev.lower);
    if (cued || (t.pos > 0 && !t.tags.has("Person") && !t.tags.has("Place")) || /[a-z][A-Z]|™|®/.test(t.text + t.post)) {
      at = i;
      break;
    }
  }
  let name: string | null = null;
  let end = at + 1;
  if (at >= 0) {
    name = tokens[at]!.text;
    while (!endsPhrase(tokens[end - 1]!) && tokens[end] && tokens[end]!.sentence === tokens[at]!.sentence && isCap(tokens[end]!) && end - at < 3) {
      name += ` ${tokens[end]!.text}`;
      end++;
    }
    name = name.replace(/['’]s$/i, "").replace(/[™®]/g, "");
  } else {
    // "an ad for our new oat milk" → "oat milk".
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t || !/^(for|introducing|launch|launching|promoting|selling|about)$/i.test(t.lower)) continue;
      let k = i + 1;
      while (tokens[k] && /^(our|my|the|a|an|new|brand-new|latest|this)$/i.test(tokens[k]!.lower)) k++;
      const np = nounPhraseAt(tokens, k);
      if (np && !NOT_OBJECTS.test(np.head.lower)) {
        name = np.text;
        end = np.end;
        break;
      }
    }
  }
  if (!name) return null;

  // Descriptor: the appositive after the name ("Lumo, a solar lantern for campers").
  let descriptor: string | null = null;
  const s = tokens[end - 1]?.sentence ?? 0;
  const sentence = sentences[s] ?? "";
  const afterName = sentence.slice(sentence.indexOf(name) + name.length).replace(/^['’]s\b/, "");
  const appositive = /^[,:—–-]\s*((?:an?|the|our|your|un|una|el|la|ein|eine|der|die|das|le|une)\s+[^,.;!?]+?)(?=\s+(?:that|which|who|with)\b|[,.;!?]|$)/i.exec(afterName);
  if (appositive?.[1]) descriptor = appositive[1].trim();
  // "Hush, noise-cancelling headphones for students": an appositive without an article.
  const bareAppositive = /^,\s*((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)(?=\s+(?:that|which|who|for|with)\b|[,.;!?]|$)/.exec(afterName);
  if (!descriptor && bareAppositive?.[1] && !/^(so|and|but|then|now|available|only|from)\b/.test(bareAppositive[1])) descriptor = bareAppositive[1].trim();
  // "the Drift stroller": the kind of thing right after the brand.
  const kindTok = tokens[end];
  if (!descriptor && kindTok && kindTok.sentence === tokens[at]?.sentence && /^[a-z]/.test(kindTok.text) && (kindTok.tags.has("Noun") || kindTok.tags.has("Adjective")) && !kindTok.tags.has("Verb")) {
    // "SunTile solar roof tiles for farmhouses": the run of nouns up to the first function word.
    const run: string[] = [];
    for (let k = end; k < end + 4; k++) {
      const x = tokens[k];
      if (!x || x.sentence !== kindTok.sentence || !/^[a-z]/.test(x.text) || x.tags.has("Verb") || x.tags.has("Preposition") || x.tags.has("Determiner") || x.tags.has("Conjunction")) break;
      run.push(x.text);
      if (endsPhrase(x)) break;
    }
    const last = tokens[end + run.length - 1];
    if (run.length > 0 && last?.tags.has("Noun")) descriptor = /s$/.test(run.at(-1)!) ? run.join(" ") : `${/^[aeiou]/.test(run[0]!) ? "an" : "a"} ${run.join(" ")}`;
  }

  let audience: string | null = null;
  let audienceDetail: string | null = null;
  // "for parents who do the school run", "for students who study in loud cafés": the people the
  // product is for, apart from the product itself.
  const AUDIENCE = /\b[Ff]or\s+((?:busy|young|new|first-time|working|old|older|elderly|small|little)\s+)?((?:[a-z-]+\s+)?[a-z-]+(?:s|people|children|men|women))\b(\s+who\s+[^,.;!?]+)?/;
  const aud = AUDIENCE.exec(sentence) ?? (descriptor ? AUDIENCE.exec(descriptor) : null);
  if (aud?.[2] && !/^(seconds?|minutes?|hours?|days?|years?|less|us|its|this|ages)$/i.test(aud[2])) {
    audience = `${aud[1] ?? ""}${aud[2]}`.trim();
    audienceDetail = aud[3]?.trim() ?? null;
  }

  // Features: "that charges in four hours", "with recycled soles, all-day cushioning and a carbon plate".
  const features: string[] = [];
  const text = sentences.join(" ");
  for (const m of text.matchAll(/\b(?:that|which|it)\s+([a-z][^,.;!?]{6,80})/gi)) if (m[1]) features.push(m[1].trim());
  for (const m of text.matchAll(/(?<!\b(?:it|them|him|her|hand|hands)\s)\bwith\s+([^.;!?]{4,160})/gi)) {
    for (const part of (m[1] ?? "").split(/,\s*|\s+and\s+/)) {
      const p = part.trim().replace(/^(an?|the)\s+/i, "");
      if (p.length >= 3 && p.split(" ").length <= 7) features.push(p);
    }
  }
  // "the Kestrel e-bike folds in ten seconds and climbs any hill": what the product does.
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const does = new RegExp(`${esc}(?:\\s+([a-z][\\w-]*))?\\s+((?:[a-z]+s)\\b[^.;!?]*)`, "i").exec(text);
  if (does?.[2] && !/^(is|was|has|does)\b/i.test(does[2])) {
    if (does[1] && !descriptor && !/^(is|was|has|does|and|that|which|who|will|can|for|to|with|in|on|at|by|from|of|so|as|than|into)$/i.test(does[1]) && !/s$/.test(does[1])) descriptor = `${/^[aeiou]/i.test(does[1]) ? "an" : "a"} ${does[1]}`;
    for (const part of does[2].split(/,\s*|\s+and\s+/)) {
      const p = part.trim();
      if (/^[a-z]+s\b/.test(p) && p.split(" ").length >= 2 && p.length <= 80) features.push(p);
    }
  }
  // "our new oat milk, creamy enough for latte art, made in Sweden": the trailing phrases.
  if (at < 0) {
    const after = text.slice(text.toLowerCase().indexOf(name.toLowerCase()) + name.length);
    for (const part of after.split(/[.;!?]/)[0]?.split(/,\s*/) ?? []) {
      const p = part.trim();
      if (p.length >= 4 && p.split(" ").length <= 8) features.push(p);
    }
  }
  // "that keeps drinks cold" and "keeps drinks cold" are one feature.
  const clean = features.map((f) => f.replace(/^(that|which|who|it)\s+/i, "").trim()).filter((f) => f.length >= 3);
  const seen = new Set<string>();
  const unique = clean.filter((f) => {
    const k = f.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // The audience is who uses it, not a feature of it.
  const notAudience = unique.filter((f) => !/^for\s/i.test(f) && !(audience && f.toLowerCase().includes(audience.toLowerCase())));
  return { name, descriptor, features: notAudience.slice(0, 8), audience, audienceDetail, generic: at < 0 };
}

export function benefitLine(product: IdeaProduct | null): string | null {
  for (const f of product?.features ?? []) {
    const m = /^(?:keeps|stays|makes|leaves|gets)\s+(?:[\w-]+\s+)?((?:ice-)?(?:cold|hot|warm|dry|clean|fresh|safe|quiet|charged|cool|crisp|sharp)\b.*)$/i.exec(f);
    if (m?.[1] && m[1].split(" ").length <= 6) return capitalise(m[1]);
  }
  return null;
}
