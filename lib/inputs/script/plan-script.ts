import { AppError } from "@/lib/errors";
import { LIMITS, type NarrativeRole, type Plan, type PlanRequest, type StylePreset, type AspectRatio } from "@/lib/planner/schema";
import { assertReadableText } from "../readable-text";
import { buildInputPlan, clip, type InputShot } from "../build-plan";
import { lineSeconds, parseScript, type ParsedScript, type ScriptFormat, type ScriptLine, type ScriptScene } from "./parse-script";

export type ScriptImport = { script: string; format?: ScriptFormat; title?: string; style?: StylePreset; aspectRatio?: AspectRatio };

/** The embedded script planner: one scene per slugline, long scenes split into shots of ≤ 15 s. */
export function planScript(input: ScriptImport): { plan: Plan; request: PlanRequest; parsed: ParsedScript } {
  assertReadableText(input.script, "script");
  let parsed: ParsedScript;
  try {
    parsed = parseScript(input.script, input.format);
  } catch {
    throw new AppError("UNREADABLE_INPUT", "This is not a Fountain or Final Draft (.fdx) screenplay.");
  }
  if (parsed.scenes.length === 0) {
    throw new AppError("UNREADABLE_INPUT", "No scenes found: start each scene with a heading such as INT. KITCHEN - NIGHT.");
  }
  if (parsed.scenes.length > LIMITS.frameCountMax) {
    throw new AppError(
      "INPUT_TOO_LONG",
      `This script has ${parsed.scenes.length} scenes; a storyboard holds at most ${LIMITS.frameCountMax}. Import it an act or a sequence at a time.`,
    );
  }
  const groups = parsed.scenes.map((scene) => ({ scene, chunks: [scene.lines.length > 0 ? scene.lines : []] }));
  // Split the longest scenes into shots while there is room on the board.
  let count = groups.length;
  for (const g of [...groups].sort((a, b) => total(b.scene.lines) - total(a.scene.lines))) {
    const pieces = splitLines(g.scene.lines, LIMITS.sceneSecondsMax);
    if (pieces.length > 1 && count + pieces.length - 1 <= LIMITS.frameCountMax) {
      g.chunks = pieces;
      count += pieces.length - 1;
    }
  }
  const shots: InputShot[] = [];
  groups.forEach((g, gi) => {
    g.chunks.forEach((lines, ci) => shots.push(shotFor(g.scene, lines, ci, roleAt(gi, groups.length))));
  });
  while (shots.length < LIMITS.frameCountMin) {
    // A one- or two-scene script still gets a board: the last scene gets coverage shots.
    const last = shots[shots.length - 1]!;
    shots.push({ ...last, shotType: "close-up", dialogue: null, notes: "Coverage of the previous shot, tighter." });
  }
  const title = input.title ?? parsed.title ?? clip(parsed.scenes[0]!.location, 120);
  const logline = clip(
    `A screenplay in ${parsed.scenes.length} scene${parsed.scenes.length === 1 ? "" : "s"}` +
      (parsed.cast.length ? ` with ${parsed.cast.slice(0, 4).map(titleCase).join(", ")}` : "") +
      `: ${parsed.scenes.map((s) => titleCase(s.location)).slice(0, 5).join(", ")}.`,
    400,
  );
  const { plan, request } = buildInputPlan({
    request: {
      prompt: clip(`Imported screenplay: ${title}. ${logline}`, LIMITS.promptMaxChars),
      title: input.title,
      style: input.style,
      aspectRatio: input.aspectRatio,
      targetDuration: Math.min(LIMITS.durationMax, Math.max(LIMITS.durationMin, Math.round(shots.reduce((s, x) => s + x.durationSeconds, 0)))),
      frameCount: shots.length,
    },
    title,
    logline,
    form: "story",
    characters: parsed.cast.map((name) => ({
      name: titleCase(name),
      look: `${titleCase(name)} as written in the script`,
      wardrobe: "costume as the scene calls for",
    })),
    shots,
  });
  return { plan, request, parsed };
}

const total = (lines: ScriptLine[]) => lines.reduce((s, l) => s + lineSeconds(l), 0);

function splitLines(lines: ScriptLine[], max: number): ScriptLine[][] {
  const out: ScriptLine[][] = [];
  let cur: ScriptLine[] = [];
  let secs = 0;
  for (const l of lines) {
    const d = lineSeconds(l);
    if (cur.length > 0 && secs + d > max) {
      out.push(cur);
      cur = [];
      secs = 0;
    }
    cur.push(l);
    secs += d;
  }
  if (cur.length > 0) out.push(cur);
  return out.length > 0 ? out : [[]];
}


function roleAt(i: number, n: number): NarrativeRole {
  if (n === 1) return "setup";
  if (i === 0) return "setup";
  if (i === n - 1) return "resolution";
  if (i === n - 2 && n >= 4) return "climax";
  if (i === 1) return "inciting";
  return "rising";
}


export const titleCase = (s: string) => s.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase());

function shotFor(scene: ScriptScene, lines: ScriptLine[], chunk: number, role: NarrativeRole): InputShot {
  const action = lines.filter((l) => l.kind === "action").map((l) => l.text).join(" ");
  const dialogue = lines
    .filter((l): l is Extract<ScriptLine, { kind: "dialogue" }> => l.kind === "dialogue")
    .map((l) => `${l.speaker}${l.parenthetical ? ` ${l.parenthetical}` : ""}: ${l.text}`)
    .join("\n");
  const speakers = [...new Set(lines.flatMap((l) => (l.kind === "dialogue" ? [l.speaker] : [])))];
  // Characters named in the action count as in shot too ("MARA stirs the pot").
  const inShot = [...new Set([...speakers, ...scene.speakers.filter((s) => action.toUpperCase().includes(s))])].map(titleCase);
  const setting = [scene.interior === "EXT" ? "Exterior" : scene.interior ? "Interior" : null, titleCase(scene.location), scene.timeOfDay?.toLowerCase()]
    .filter(Boolean)
    .join(", ");
  const description = clip(`${setting}. ${action || (dialogue ? `${inShot.join(" and ")} talk.` : scene.heading)}`, 1000);
  const notes = [scene.heading + (chunk > 0 ? ` (shot ${chunk + 1})` : ""), scene.act, scene.transition, ...scene.notes].filter(Boolean).join(" · ");
  const secs = Math.max(LIMITS.sceneSecondsMin, Math.min(LIMITS.sceneSecondsMax, total(lines) || 2));
  return {
    narrativeRole: role,
    description,
    imagePrompt: clip(`${setting}: ${action || dialogue || scene.heading}`, 2000),
    durationSeconds: Math.round(secs * 10) / 10,
    shotType: chunk === 0 ? "wide" : speakers.length >= 2 ? "over-the-shoulder" : speakers.length === 1 ? "close-up" : "medium",
    cameraMove: "static",
    characters: inShot,
    dialogue: dialogue ? clip(dialogue, 1000) : null,
    notes: notes ? clip(notes, 1000) : null,
  };
}
