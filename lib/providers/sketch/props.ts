import type { Inks } from "./inks";
import type { Ink, Pen } from "./pen";
import type { PropOptions } from "./prop-kit";
import { ball, book, bottle, box, cup, laptop, phone, plantPot, pot, sword } from "./props-handheld";
import { bike, car, door, drawHorse, drawTree, lamp } from "./props-large";
import type { PropKind } from "./words";

// Props as an artist roughs them in: a few construction shapes that read at thumbnail size.
// Every prop is drawn from its base centre (x, y) up, `size` px tall, facing `dir`.

/** Real-world height of each prop relative to a standing adult (1.0). */
export const PROP_HEIGHT: Record<PropKind, number> = {
  phone: 0.085,
  box: 0.17,
  bottle: 0.16,
  car: 0.82,
  horse: 0.92,
  cup: 0.06,
  laptop: 0.13,
  pot: 0.13,
  book: 0.1,
  door: 1.2,
  lamp: 0.95,
  bike: 0.58,
  sword: 0.55,
  ball: 0.13,
  tree: 3.2,
};

/** Width/height ratio, for layout. */
export const PROP_ASPECT: Record<PropKind, number> = {
  phone: 0.5,
  box: 1.2,
  bottle: 0.4,
  car: 2.8,
  horse: 1.45,
  cup: 1.5,
  laptop: 1.5,
  pot: 1.5,
  book: 1.5,
  door: 0.55,
  lamp: 0.45,
  bike: 1.65,
  sword: 0.3,
  ball: 1,
  tree: 0.7,
};

/** Props that stand on the ground rather than on a table or in a hand. */
export const GROUND_PROPS: ReadonlySet<PropKind> = new Set(["car", "horse", "door", "lamp", "bike", "tree"]);

export function drawProp(pen: Pen, inks: Inks, kind: PropKind, x: number, y: number, size: number, o: PropOptions): void {
  pen.drawn.push(kind);
  const ink: Ink = { ...inks.main, width: Math.max(0.8, Math.min(inks.main.width * 1.25, size * 0.018)) };
  switch (kind) {
    case "phone":
      return phone(pen, inks, x, y, size, o, ink);
    case "box":
      return box(pen, inks, x, y, size, o, ink);
    case "bottle":
      return bottle(pen, inks, x, y, size, o, ink);
    case "car":
      return car(pen, inks, x, y, size, o, ink);
    case "horse":
      return void drawHorse(pen, inks, x, y, size, o, ink);
    case "cup":
      return cup(pen, inks, x, y, size, o, ink);
    case "laptop":
      return laptop(pen, inks, x, y, size, o, ink);
    case "pot":
      return o.plant ? plantPot(pen, inks, x, y, size, o, ink) : pot(pen, inks, x, y, size, o, ink);
    case "book":
      return book(pen, inks, x, y, size, o, ink);
    case "door":
      return door(pen, inks, x, y, size, o, ink);
    case "lamp":
      return lamp(pen, inks, x, y, size, o, ink);
    case "bike":
      return bike(pen, inks, x, y, size, o, ink);
    case "sword":
      return sword(pen, inks, x, y, size, o, ink);
    case "ball":
      return ball(pen, inks, x, y, size, o, ink);
    case "tree":
      return drawTree(pen, inks, x, y, size, "round", ink);
  }
}
