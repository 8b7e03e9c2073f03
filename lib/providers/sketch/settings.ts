import type { Inks } from "./inks";
import type { Pen } from "./pen";
import { city, market, studio } from "./settings-built";
import { room } from "./settings-rooms";
import { desert, forest, mountains, road, sea, space, steppe } from "./settings-outdoor";
import type { Stage } from "./stage";

// Backgrounds. Each setting is laid out in one-point perspective around the stage's horizon and
// vanishing point, with sizes derived from how tall a person is at a given ground line — so the
// same drawing serves an extreme-wide establishing shot and the background of a close-up.

export function drawSetting(pen: Pen, inks: Inks, s: Stage): void {
  switch (s.words.setting) {
    case "city":
      return city(pen, inks, s);
    case "interior":
      return room(pen, inks, s, "home");
    case "office":
      return room(pen, inks, s, "office");
    case "market":
      return market(pen, inks, s);
    case "desert":
      return s.words.grassland ? steppe(pen, inks, s) : desert(pen, inks, s);
    case "mountains":
      return mountains(pen, inks, s);
    case "forest":
      return forest(pen, inks, s);
    case "sea":
      return sea(pen, inks, s);
    case "road":
      return road(pen, inks, s);
    case "space":
      return space(pen, inks, s);
    case "studio":
      return studio(pen, inks, s);
  }
}
