import type { AspectRatio } from "@/lib/planner/constants";

/** CSS `aspect-ratio` for a storyboard ratio ("2.39:1" → "2.39 / 1"). */
export function cssAspect(ratio: AspectRatio): string {
  return ratio.replace(":", " / ");
}

/** The narrowest a scene card may get, so frames stay large whatever their shape. */
export function cardMinWidth(ratio: AspectRatio): number {
  switch (ratio) {
    case "9:16":
      return 210;
    case "1:1":
      return 260;
    case "4:3":
      return 300;
    case "2.39:1":
      return 400;
    default:
      return 330;
  }
}
