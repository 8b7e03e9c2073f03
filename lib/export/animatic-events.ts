// The NDJSON lines POST /api/storyboards/:id/animatic streams while ffmpeg encodes. One source for the
// route that writes them (lib/storyboards/animatic.ts) and the editor that reads them
// (components/storyboard/animatic-export.ts): types only, so it is safe in a client bundle.

export type AnimaticEvent =
  | { type: "progress"; fraction: number }
  | { type: "done"; url: string; bytes: number; durationSeconds: number; width: number; height: number }
  | { type: "error"; error: { code: string; message: string } };
