import type { Fill, Ink } from "./pen";

// Graphite on warm paper plus one accent pencil: the whole palette of a storyboard rough.

export const PAPER = "#f4f0e6";
export const DEFAULT_ACCENT = "#d4542b";

export type Inks = {
  paper: string;
  accent: string;
  /** Figure and prop outlines. */
  main: Ink;
  /** Panel border, foreground silhouettes. */
  bold: Ink;
  /** Background architecture and landscape. */
  light: Ink;
  /** Horizon, perspective guides, construction lines. */
  faint: Ink;
  /** Shadow hatching. */
  hatch: Ink;
  /** Camera arrows. */
  arrow: Ink;
  tone: {
    paper: Fill;
    /** Marker tones, lightest to darkest. */
    t1: Fill;
    t2: Fill;
    t3: Fill;
    t4: Fill;
    accent: Fill;
    accentDark: Fill;
  };
};

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m || !m[1]) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: readonly number[]): string =>
  "#" + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("");

/**
 * The accent as given, unless it would vanish on the paper (near-white) — then darkened just
 * enough to read as a coloured pencil.
 */
export function readableAccent(hex: string | undefined): string {
  const rgb = (hex && parseHex(hex)) || parseHex(DEFAULT_ACCENT);
  if (!rgb) return DEFAULT_ACCENT;
  const lum = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  if (lum <= 0.72) return toHex(rgb);
  const k = 0.72 / lum;
  return toHex(rgb.map((c) => c * k));
}

export function darken(hex: string, k: number): string {
  const rgb = parseHex(hex);
  return rgb ? toHex(rgb.map((c) => c * (1 - k))) : hex;
}

export function makeInks(u: number, accentHex: string | undefined): Inks {
  const accent = readableAccent(accentHex);
  const w = (k: number) => Math.max(0.6, u * k);
  return {
    paper: PAPER,
    accent,
    main: { color: "#2c2b29", width: w(0.24), opacity: 0.88, jitter: u * 0.1, passes: 2 },
    bold: { color: "#232220", width: w(0.36), opacity: 0.9, jitter: u * 0.12, passes: 2 },
    light: { color: "#4a4844", width: w(0.17), opacity: 0.72, jitter: u * 0.1, passes: 1 },
    faint: { color: "#6d6a64", width: w(0.11), opacity: 0.55, jitter: u * 0.08, passes: 1 },
    hatch: { color: "#4f4d48", width: w(0.1), opacity: 0.6, jitter: u * 0.06, passes: 1 },
    arrow: { color: "#1f1e1c", width: w(0.3), opacity: 0.92, jitter: u * 0.05, passes: 1 },
    tone: {
      paper: { color: PAPER, opacity: 1 },
      t1: { color: "#dcd8cf", opacity: 1 },
      t2: { color: "#bdb9b1", opacity: 1 },
      t3: { color: "#8e8b85", opacity: 1 },
      t4: { color: "#4b4a47", opacity: 1 },
      accent: { color: accent, opacity: 0.92 },
      accentDark: { color: darken(accent, 0.3), opacity: 0.95 },
    },
  };
}
/** Blend two #rrggbb colours; t = share of b. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (v: number, s: number) => (v >> s) & 255;
  const out = [16, 8, 0].map((s) => Math.round(ch(pa, s) * (1 - t) + ch(pb, s) * t));
  return "#" + out.map((v) => v.toString(16).padStart(2, "0")).join("");
}
