import { Fountain } from "fountain-js";

// A screenplay reduced to what a storyboard needs: one scene per slugline, its action and
// dialogue, the speakers (the cast) and the section (act) it sits in. Pure; client-safe.

export type ScriptLine = { kind: "action"; text: string } | { kind: "dialogue"; speaker: string; text: string; parenthetical: string | null };

export type ScriptScene = {
  heading: string;
  /** INT / EXT / INT./EXT., or null for a forced heading without one. */
  interior: string | null;
  location: string;
  timeOfDay: string | null;
  act: string | null;
  lines: ScriptLine[];
  speakers: string[];
  transition: string | null;
  notes: string[];
};

export type ParsedScript = { title: string | null; format: ScriptFormat; scenes: ScriptScene[]; cast: string[] };
export type ScriptFormat = "fountain" | "fdx";

/** FDX is XML with a FinalDraft root; everything else is read as Fountain (plain text conventions included). */
export function guessScriptFormat(script: string): ScriptFormat {
  return /^\s*(<\?xml[^>]*>\s*)?<FinalDraft[\s>]/i.test(script) ? "fdx" : "fountain";
}

export function parseScript(script: string, format: ScriptFormat = guessScriptFormat(script)): ParsedScript {
  return format === "fdx" ? parseFdx(script) : parseFountain(script);
}

const HEADING = /^(INT\.?\/EXT\.?|EXT\.?\/INT\.?|I\/E\.?|INT\.?|EXT\.?|EST\.?)\s+(.*)$/i;

/** "INT. KITCHEN - NIGHT" → interior, location and time of day. */
export function splitHeading(heading: string): Pick<ScriptScene, "interior" | "location" | "timeOfDay"> {
  const clean = heading.replace(/#[^#]*#\s*$/, "").trim();
  const m = HEADING.exec(clean);
  const prefix = m ? m[1]!.toUpperCase().replace(/\.$/, "") : null;
  const rest = m ? m[2]!.trim() : clean;
  const dash = rest.split(/\s+[-–—]\s+/);
  const timeOfDay = dash.length > 1 ? dash[dash.length - 1]!.trim() : null;
  const location = (dash.length > 1 ? dash.slice(0, -1).join(" - ") : rest).trim();
  return { interior: prefix, location: location || clean, timeOfDay };
}

function newScene(heading: string, act: string | null): ScriptScene {
  return { heading, ...splitHeading(heading), act, lines: [], speakers: [], transition: null, notes: [] };
}

const stripMarkup = (s: string) =>
  s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, "$1")
    .trim();

/** "MARA (V.O.)" and "MARA (CONT'D)" are the same speaker. */
export function speakerName(raw: string): string {
  return stripMarkup(raw).replace(/^@/, "").replace(/\s*\^$/, "").replace(/\s*\([^)]*\)\s*/g, " ").trim().toUpperCase();
}

class Builder {
  scenes: ScriptScene[] = [];
  act: string | null = null;
  current: ScriptScene | null = null;
  speaker: string | null = null;
  parenthetical: string | null = null;

  heading(text: string) {
    this.current = newScene(stripMarkup(text), this.act);
    this.scenes.push(this.current);
  }
  scene(): ScriptScene {
    // Action before the first slugline (a cold open) gets its own scene.
    if (!this.current) this.heading("OPENING");
    return this.current!;
  }
  action(text: string) {
    const t = stripMarkup(text);
    if (t) this.scene().lines.push({ kind: "action", text: t });
  }
  character(text: string) {
    this.speaker = speakerName(text);
    this.parenthetical = null;
  }
  dialogue(text: string) {
    const t = stripMarkup(text);
    if (!t || !this.speaker) return;
    const scene = this.scene();
    scene.lines.push({ kind: "dialogue", speaker: this.speaker, text: t, parenthetical: this.parenthetical });
    if (!scene.speakers.includes(this.speaker)) scene.speakers.push(this.speaker);
    this.parenthetical = null;
  }
  finish(title: string | null, format: ScriptFormat): ParsedScript {
    const scenes = this.scenes.filter((s) => s.lines.length > 0 || s.heading !== "OPENING");
    const cast: string[] = [];
    for (const s of scenes) for (const sp of s.speakers) if (!cast.includes(sp)) cast.push(sp);
    return { title, format, scenes, cast };
  }
}

function parseFountain(script: string): ParsedScript {
  // Boneyard (/* … */) is cut before parsing: fountain-js keeps some of it as action.
  const source = script.replace(/\r\n?/g, "\n").replace(/\/\*[\s\S]*?\*\//g, "");
  const { tokens } = new Fountain().parse(source, true);
  const b = new Builder();
  let title: string | null = null;
  for (const t of tokens) {
    const text = t.text ?? "";
    switch (t.type) {
      case "title":
        title = stripMarkup(text) || null;
        break;
      case "section":
        if ((t.depth ?? 1) === 1) b.act = stripMarkup(text);
        break;
      case "scene_heading":
        b.heading(text);
        break;
      case "action":
      case "centered":
        b.action(text);
        break;
      case "character":
        b.character(text);
        break;
      case "parenthetical":
        b.parenthetical = stripMarkup(text);
        break;
      case "dialogue":
        b.dialogue(text);
        break;
      case "transition":
        if (b.current) b.current.transition = stripMarkup(text);
        break;
      case "note":
        if (b.current) b.current.notes.push(stripMarkup(text));
        break;
    }
  }
  return b.finish(title, "fountain");
}

const decode = (s: string) => stripMarkup(s.replace(/<\/Text>\s*<Text[^>]*>/g, ""));

function parseFdx(xml: string): ParsedScript {
  if (!/<FinalDraft[\s>]/i.test(xml)) throw new Error("not an FDX document");
  // Dual dialogue nests its paragraphs inside one outer paragraph: unwrap it so the speakers read in order.
  const content = (/<Content[^>]*>([\s\S]*?)<\/Content>/i.exec(xml)?.[1] ?? "").replace(
    /<Paragraph\b[^>]*>\s*<DualDialogue[^>]*>([\s\S]*?)<\/DualDialogue>\s*<\/Paragraph>/gi,
    "$1",
  );
  const b = new Builder();
  const para = /<Paragraph\b([^>]*)>([\s\S]*?)<\/Paragraph>/gi;
  for (const m of content.matchAll(para)) {
    const type = /\bType="([^"]*)"/i.exec(m[1] ?? "")?.[1] ?? "Action";
    const body = m[2] ?? "";
    const text = decode([...body.matchAll(/<Text[^>]*>([\s\S]*?)<\/Text>/gi)].map((x) => x[1]).join(""));
    fdxParagraph(b, type, text);
  }
  const title = /<TitlePage[\s\S]*?<Text[^>]*>([^<]+)<\/Text>/i.exec(xml)?.[1]?.trim() ?? null;
  return b.finish(title, "fdx");
}

function fdxParagraph(b: Builder, type: string, text: string) {
  if (!text) return;
  switch (type) {
    case "Scene Heading":
      b.heading(text);
      break;
    case "Character":
      b.character(text);
      break;
    case "Parenthetical":
      b.parenthetical = text;
      break;
    case "Dialogue":
      b.dialogue(text);
      break;
    case "Transition":
      if (b.current) b.current.transition = text;
      break;
    case "Action":
    case "General":
    case "Shot":
      b.action(text);
      break;
  }
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Screen time from the text: action ≈ 200 ms a word + 0.5 s, dialogue ≈ 300 ms a word + 1 s. */
export function lineSeconds(line: ScriptLine): number {
  return line.kind === "action" ? 0.5 + 0.2 * words(line.text) : 1 + 0.3 * words(line.text);
}

export function sceneSeconds(scene: ScriptScene): number {
  return Math.round(scene.lines.reduce((sum, l) => sum + lineSeconds(l), 0) * 10) / 10;
}
