import type { Plan } from "@/lib/planner/schema";

// What a good model answers for a 30 s story in six scenes. Durations deliberately sum to 29 s so
// the tests can see normalizePlan bring them to the target.
export const samplePlan: Plan = {
  title: "Mira and the Lantern Fox",
  logline: "A lighthouse keeper's daughter follows a glowing fox through a storm to bring her father's ship home.",
  form: "story",
  styleBible: {
    preset: "pencil-sketch",
    palette: ["#f2a541", "#2b2d42", "#8d99ae"],
    lighting: "storm light with a warm lantern glow",
    mood: ["brave", "wind-swept"],
  },
  characters: [
    {
      name: "Mira",
      look: "ten-year-old girl, freckles, short curly red hair, wiry build",
      wardrobe: "yellow oilskin raincoat over a grey wool jumper, green rubber boots",
    },
    {
      name: "Lantern Fox",
      look: "small red fox whose fur glows amber at the tips",
      wardrobe: "no clothing, a frayed blue ribbon around its neck",
    },
  ],
  scenes: [
    {
      order: 1,
      narrativeRole: "setup",
      description: "The Haddock Point lighthouse stands over a black sea as the storm rolls in.",
      imagePrompt:
        "Extreme wide shot of the Haddock Point lighthouse on a rocky cliff above a churning sea, storm clouds, 16:9, loose graphite pencil storyboard sketch, amber lantern glow against slate grey.",
      durationSeconds: 4,
      shotType: "extreme-wide",
      cameraMove: "crane",
      characters: [],
      dialogue: null,
      notes: null,
      diagram: null,
    },
    {
      order: 2,
      narrativeRole: "inciting",
      description: "The lighthouse lamp sputters out; Mira sees her father's boat has no light to steer by.",
      imagePrompt:
        "Medium shot inside the lamp room, Mira (ten-year-old girl, freckles, short curly red hair, wiry build, yellow oilskin raincoat over a grey wool jumper, green rubber boots) staring at the dead lamp, pencil sketch, storm light.",
      durationSeconds: 5,
      shotType: "medium",
      cameraMove: "dolly-in",
      characters: ["Mira"],
      dialogue: "Dad's still out there.",
      notes: null,
      diagram: null,
    },
    {
      order: 3,
      narrativeRole: "rising",
      description: "A glowing fox appears at the door and bolts down the cliff path; Mira follows.",
      imagePrompt:
        "Wide shot of the cliff path in driving rain, the Lantern Fox (small red fox whose fur glows amber at the tips, frayed blue ribbon) running ahead of Mira (freckles, curly red hair, yellow oilskin raincoat, green rubber boots), pencil sketch, 16:9.",
      durationSeconds: 6,
      shotType: "wide",
      cameraMove: "truck",
      characters: ["Mira", "Lantern Fox"],
      dialogue: null,
      notes: null,
      diagram: null,
    },
    {
      order: 4,
      narrativeRole: "rising",
      description: "At the harbour wall the fox sits by an old signal lantern.",
      imagePrompt:
        "Over-the-shoulder shot from behind Mira (curly red hair, yellow oilskin raincoat) looking at the Lantern Fox (glowing amber fur, blue ribbon) beside a rusted signal lantern on the harbour wall, pencil sketch.",
      durationSeconds: 5,
      shotType: "over-the-shoulder",
      cameraMove: "static",
      characters: ["Mira", "Lantern Fox"],
      dialogue: null,
      notes: null,
      diagram: null,
    },
    {
      order: 5,
      narrativeRole: "climax",
      description: "Mira lights the lantern from the fox's glow and swings it over her head.",
      imagePrompt:
        "Close-up of Mira (ten-year-old girl, freckles, short curly red hair, yellow oilskin raincoat) raising a blazing lantern, rain streaking across her face, warm amber light, pencil sketch.",
      durationSeconds: 6,
      shotType: "close-up",
      cameraMove: "handheld",
      characters: ["Mira"],
      dialogue: "Over here!",
      notes: "Hold on the flare of light.",
      diagram: null,
    },
    {
      order: 6,
      narrativeRole: "resolution",
      description: "Her father's boat rounds the breakwater; the fox fades into the dawn.",
      imagePrompt:
        "Wide shot of a small fishing boat rounding the breakwater at dawn, Mira (curly red hair, yellow oilskin raincoat) waving the lantern on the wall, the Lantern Fox fading to light, pencil sketch, pale sky.",
      durationSeconds: 3,
      shotType: "wide",
      cameraMove: "pan",
      characters: ["Mira", "Lantern Fox"],
      dialogue: null,
      notes: null,
      diagram: null,
    },
  ],
};

export const samplePlanJson = JSON.stringify(samplePlan);

/** The sample with one scene broken so planSchema rejects it (20 s > 15 s, unknown shot type). */
export function invalidPlanJson(): string {
  const scenes = samplePlan.scenes.map((s, i) =>
    i === 0 ? { ...s, durationSeconds: 20, shotType: "establishing" } : s,
  );
  return JSON.stringify({ ...samplePlan, scenes });
}
