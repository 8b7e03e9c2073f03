// The scene text fields' rules as plain data, with no zod: schemas.ts builds the scene schemas from
// them and the inspector (a client component) uses them for its hints as you type, so the two can
// never disagree on a limit. The server still validates every save.

export const SCENE_TEXT_RULES = {
  description: { max: 1000, emptyMessage: "the description is empty" },
  imagePrompt: { max: 2000, emptyMessage: "the image prompt is empty" },
  dialogue: { max: 1000, emptyMessage: null },
  notes: { max: 1000, emptyMessage: null },
} as const;
