import type { Tone } from "./tone";
import type { CameraMove, NarrativeRole, ShotType } from "../schema";
import { rngFrom } from "./prng";

// Shot grammar for the embedded planner: open on an establishing wide, change shot size from one
// frame to the next, go close on emotional and product beats, end on the CTA or the resolution.

/** What a beat is about, which decides how close the camera goes. */
export type Focus = "place" | "journey" | "character" | "emotion" | "product" | "detail" | "dialogue" | "pov" | "reveal" | "packshot" | "card";

export interface ShotBeat {
  role: NarrativeRole;
  focus: Focus;
}

export interface Shot {
  shotType: ShotType;
  cameraMove: CameraMove;
}

const FOCUS_SHOTS: Record<Focus, readonly ShotType[]> = {
  place: ["wide", "extreme-wide"],
  journey: ["wide", "medium", "extreme-wide"],
  character: ["medium", "over-the-shoulder", "wide"],
  emotion: ["close-up", "extreme-close-up", "medium"],
  product: ["insert", "extreme-close-up", "close-up"],
  detail: ["insert", "close-up", "extreme-close-up"],
  dialogue: ["over-the-shoulder", "medium", "close-up"],
  pov: ["pov", "over-the-shoulder", "medium"],
  reveal: ["medium", "close-up", "wide"],
  packshot: ["medium", "insert", "wide"],
  card: ["wide", "medium"],
};

function cameraFor(shot: ShotType, role: NarrativeRole, focus: Focus): readonly CameraMove[] {
  switch (shot) {
    case "extreme-wide":
      return role === "resolution" ? ["crane", "dolly-out"] : role === "setup" || role === "hook" ? ["crane", "pan"] : ["pan", "static"];
    case "wide":
      if (role === "resolution" || role === "benefit") return ["dolly-out", "crane", "static"];
      if (role === "setup" || role === "hook" || role === "problem") return ["pan", "static", "crane"];
      if (focus === "journey") return ["truck", "pan"];
      return ["static", "pan", "truck"];
    case "medium":
      if (role === "inciting" || role === "intro" || role === "solution" || focus === "reveal") return ["dolly-in", "static"];
      if (focus === "journey") return ["truck", "handheld"];
      if (role === "cta" || focus === "packshot") return ["static", "dolly-in"];
      return ["handheld", "static", "truck"];
    case "close-up":
      return role === "climax" ? ["dolly-in", "handheld"] : ["static", "dolly-in", "handheld"];
    case "extreme-close-up":
      return ["static", "dolly-in"];
    case "insert":
      return focus === "product" ? ["dolly-in", "static", "tilt"] : ["static", "tilt"];
    case "over-the-shoulder":
      return ["static", "handheld"];
    case "pov":
      return ["handheld", "dolly-in"];
  }
}

export function planShots(beats: readonly ShotBeat[], seed: string, opts: { landscape: boolean; tone?: Tone }): Shot[] {
  const rng = rngFrom(`${seed}/shots`);
  const out: Shot[] = [];
  beats.forEach((beat, i) => {
    const prev = out[i - 1];
    let candidates: readonly ShotType[];
    if (i === 0) {
      candidates = opts.landscape ? ["extreme-wide", "wide"] : ["wide", "extreme-wide"];
    } else {
      candidates = FOCUS_SHOTS[beat.focus];
      // Middle beats rotate through their options so a run of "feature" beats is not one framing.
      if (beat.role === "rising" || beat.role === "feature" || beat.role === "how") {
        const r = rng.int(candidates.length);
        candidates = [...candidates.slice(r), ...candidates.slice(0, r)];
      }
    }
    // Tone shapes the coverage: an epic opens and closes huge, a comedy lands its climax on a
    // face (the reaction is the joke), a tense story shoots its middle handheld.
    if (opts.tone === "epic" && (i === 0 || beat.role === "resolution")) candidates = ["extreme-wide", "wide"];
    if (opts.tone === "comedy" && beat.role === "climax") candidates = ["close-up", "medium"];
    const shotType = candidates.find((s) => s !== prev?.shotType) ?? candidates[0] ?? "medium";
    let moves = cameraFor(shotType, beat.role, beat.focus);
    if (opts.tone === "tense" && (beat.role === "rising" || beat.role === "climax")) moves = ["handheld", ...moves.filter((m) => m !== "handheld")];
    if (opts.tone === "comedy" && (shotType === "close-up" || shotType === "medium")) moves = ["static", ...moves.filter((m) => m !== "static")];
    const twoBack = out[i - 2];
    const cameraMove =
      moves.find((m) => !(prev && prev.shotType === shotType && prev.cameraMove === m) && !(prev?.cameraMove === m && twoBack?.cameraMove === m)) ??
      moves[0] ??
      "static";
    out.push({ shotType, cameraMove });
  });
  return ensureVariety(out, beats);
}

/** At least three shot sizes once there are five frames or more. */
function ensureVariety(shots: Shot[], beats: readonly ShotBeat[]): Shot[] {
  if (shots.length < 5) return shots;
  const out = shots.map((s) => ({ ...s }));
  const order: ShotType[] = ["close-up", "medium", "insert", "over-the-shoulder", "wide", "extreme-close-up"];
  for (let i = 1; i < out.length - 1 && new Set(out.map((s) => s.shotType)).size < 3; i++) {
    const cur = out[i]!;
    const used = new Set(out.map((s) => s.shotType));
    const pick = order.find((t) => !used.has(t) && t !== out[i - 1]?.shotType && t !== out[i + 1]?.shotType);
    if (!pick) continue;
    const beat = beats[i];
    out[i] = { shotType: pick, cameraMove: cameraFor(pick, beat?.role ?? "rising", beat?.focus ?? "character")[0] ?? cur.cameraMove };
  }
  return out;
}
