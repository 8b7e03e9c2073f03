import type { Inks } from "./inks";
import type { Fill, Pen, Pt } from "./pen";

// What every prop shares: its options and the hero colouring, a contact shadow, steam.

export type PropOptions = {
  dir: 1 | -1;
  /** Colour the prop with the accent (the hero product of an ad, or an insert). */
  hero: boolean;
  steam: boolean;
  plant: boolean;
  night: boolean;
  /** Horse: galloping legs. */
  moving: boolean;
  /** Close enough to show surface detail (screen UI, labels, seams). */
  detailed: boolean;
};

export const heroFill = (inks: Inks, o: PropOptions, fallback: Fill): Fill => (o.hero ? inks.tone.accent : fallback);

export function shadowUnder(pen: Pen, x: number, y: number, w: number): void {
  pen.fillEllipse(x + w * 0.08, y, w * 0.6, w * 0.09, { color: "#3c3b38", opacity: 0.16 });
}

export function steamAbove(pen: Pen, inks: Inks, x: number, y: number, size: number): void {
  for (let i = -1; i <= 1; i++) {
    const sx = x + i * size * 0.22;
    const pts: Pt[] = [];
    for (let k = 0; k < 5; k++) {
      pts.push([sx + Math.sin(k * 1.6 + i) * size * 0.08, y - k * size * 0.22]);
    }
    pen.curve(pts, { ...inks.light, opacity: 0.5 });
  }
}
