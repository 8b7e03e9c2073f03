import { describe, expect, it } from "vitest";
import { FOREIGN_LEXICON } from "@/lib/planner/embedded/foreign-lexicon";
import { detectLanguage, glossForeign, lookupForeign } from "@/lib/planner/embedded/foreign-words";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { planRequestSchema } from "@/lib/planner/schema";
import { CORPUS } from "./corpus";

// Ideas not in English: detected, planned in their own words, and every drawable noun the
// lexicon knows carried in English too, so the renderer can draw it.

const plan = (prompt: string) => planEmbedded(planRequestSchema.parse({ prompt }));

describe("language detection", () => {
  it("finds the corpus's languages", () => {
    for (const idea of CORPUS.filter((c) => c.lang)) expect(detectLanguage(idea.prompt), idea.id).toBe(idea.lang);
    for (const idea of CORPUS.filter((c) => !c.lang && /^[\x00-\x7f’—–…éè]+$/.test(c.prompt) && c.prompt.length > 20)) expect(detectLanguage(idea.prompt), idea.id).toBe("en");
  });
});

describe("lexicon", () => {
  it("ships 150+ drawable nouns for each of es, fr, de, ru, across people, animals, places, vehicles, food and things", () => {
    for (const [lang, words] of Object.entries(FOREIGN_LEXICON)) {
      const entries = Object.values(words);
      expect(entries.length, lang).toBeGreaterThanOrEqual(150);
      expect(new Set(entries.map(([, kind]) => kind)), lang).toEqual(new Set(["person", "animal", "place", "vehicle", "food", "thing"]));
    }
  });

  it("reads plural and case endings", () => {
    expect(lookupForeign("gaviotas", "es")?.en).toBe("seagull");
    expect(lookupForeign("Bauern", "de")?.en).toBe("farmer");
    expect(lookupForeign("рыбака", "ru")?.en).toBe("fisherman");
    expect(lookupForeign("деревню", "ru")?.en).toBe("village");
    expect(lookupForeign("gâteaux", "fr")?.en).toBe("cake");
    expect(lookupForeign("xyzzy", "es")).toBeNull();
  });

  it("glosses the idea's own words with the English noun, once each, and leaves unknown words alone", () => {
    expect(glossForeign("Un farero y una gaviota en el faro.", "es")).toBe("Un farero (lighthouse keeper) y una gaviota (seagull) en el faro (lighthouse).");
    expect(glossForeign("El zorblax duerme.", "es")).toBe("El zorblax duerme.");
  });
});

describe("plans of ideas in other languages", () => {
  for (const idea of CORPUS.filter((c) => c.lang === "es" || c.lang === "fr" || c.lang === "de" || c.lang === "ru")) {
    it(`${idea.id}: keeps the idea's names and words, and names its nouns in English`, () => {
      const p = plan(idea.prompt);
      const text = p.scenes.map((s) => s.description).join(" ");
      // The idea's own proper names survive as written.
      for (const name of idea.prompt.match(/(?<=\s)\p{Lu}\p{Ll}+/gu) ?? []) if (!/^(Un|Une|Ein|Eine|La|El|Le|Die|Der|Das)$/.test(name)) expect(text, name).toContain(name);
      // Every English noun the prop list expects is there, whatever the language.
      for (const alts of idea.props ?? []) expect(alts.some((a) => text.toLowerCase().includes(a.toLowerCase())), alts.join("/")).toBe(true);
      expect(p.scenes.every((s) => /[a-z]{3,}/.test(s.imagePrompt))).toBe(true);
    });
  }

  it("the Spanish lighthouse idea designs the keeper and the gull under their own words", () => {
    const names = plan("Un farero y una gaviota que le roba el bocadillo cada mañana en el faro.").characters.map((c) => c.name);
    expect(names).toEqual(["Farero (lighthouse keeper)", "Gaviota (seagull)"]);
  });
});
