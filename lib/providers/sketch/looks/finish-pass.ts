import type { Rect } from "../pen";
import type { LookSpec } from "./look-spec";
import { noiseField, TEXTURE_MARGIN, textureOffset } from "./textures";

// The raster half of a look, over the frame's RGBA bytes in place. Speed matters (the whole frame
// has a 60 ms budget and the pencil drawing takes half of it), so each pass reads and writes one
// 32-bit word per pixel and gets its colour from a lookup table keyed by the pixel's colour
// (6 bits a channel: 262,144 entries, built once per look and accent). The alpha byte of a mapped
// pixel carries the luminance the pencil drew there, for passes that shade by tone.

export type Frame = {
  /** RGBA, 4 bytes per pixel, row-major (alpha is dropped when the frame is encoded). */
  data: Uint8Array;
  width: number;
  height: number;
  panel: Rect;
  /** 1/100 of the panel's geometric mean side. */
  u: number;
  seed: number;
  /** The accent colour the frame was drawn with. */
  accent: string;
  /** A diagram frame: no cast shadows across it (its labels must stay legible). */
  calm?: boolean;
};

function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const clamp8 = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
const pack = (r: number, g: number, b: number, a: number): number => clamp8(r) | (clamp8(g) << 8) | (clamp8(b) << 16) | (clamp8(a) << 24);
const lum8 = (r: number, g: number, b: number): number => (r * 77 + g * 150 + b * 29) >> 8;

/** The 18-bit table key of a little-endian RGBA word. */
const key18 = (v: number): number => ((v >>> 2) & 0x3f) | ((v >>> 4) & 0xfc0) | ((v >>> 6) & 0x3f000);

/**
 * How much of a pixel is accent rather than graphite, 0..1: every tone the pencil draws is a warm
 * grey (chroma ≤ 30), so chroma above that is the accent pencil or a blend with it.
 */
const accentShare = (chroma: number): number => (chroma <= 24 ? 0 : chroma >= 64 ? 1 : (chroma - 24) / 40);

/** A table over every 18-bit colour: fn(r, g, b, lum, accentShare) → packed RGBA. */
function colourTable(fn: (r: number, g: number, b: number, l: number, s: number) => number): Int32Array {
  const lut = new Int32Array(1 << 18);
  for (let k = 0; k < lut.length; k++) {
    const r = ((k & 0x3f) << 2) | 2;
    const g = (((k >> 6) & 0x3f) << 2) | 2;
    const b = (((k >> 12) & 0x3f) << 2) | 2;
    const mx = Math.max(r, g, b);
    const mn = Math.min(r, g, b);
    lut[k] = fn(r, g, b, lum8(r, g, b), accentShare(mx - mn));
  }
  return lut;
}

const tables = new Map<string, Int32Array>();
function cachedTable(key: string, make: () => Int32Array): Int32Array {
  const hit = tables.get(key);
  if (hit) return hit;
  if (tables.size > 16) tables.clear();
  const t = make();
  tables.set(key, t);
  return t;
}

/** 256 × RGB from a look's luminance stops. */
export function rampStops(spec: LookSpec): Uint8Array | null {
  if (!spec.ramp) return null;
  const stops = spec.ramp.map(([l, hex]) => [l, ...rgbOf(hex)] as const);
  const ramp = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const l = i / 255;
    let k = 0;
    while (k < stops.length - 2 && l > stops[k + 1]![0]) k++;
    const a = stops[k]!;
    const b = stops[k + 1]!;
    const t = Math.min(1, Math.max(0, (l - a[0]) / (b[0] - a[0] || 1)));
    for (let ch = 0; ch < 3; ch++) ramp[i * 3 + ch] = Math.round(a[ch + 1]! + (b[ch + 1]! - a[ch + 1]!) * t);
  }
  return ramp;
}

/**
 * The graphite greys recoloured through the look's ramp, the accent kept (saturation × `sat`);
 * alpha = the pencil luminance.
 */
export function toneTable(spec: LookSpec, sat: number): Int32Array {
  return cachedTable(`tone:${spec.id}:${sat}`, () => {
    const ramp = rampStops(spec);
    return colourTable((r, g, b, l, s) => {
      if (!ramp) return pack(r, g, b, l);
      const q = l * 3;
      const k = 1 - s;
      return pack(
        ramp[q]! * k + (l + (r - l) * sat) * s,
        ramp[q + 1]! * k + (l + (g - l) * sat) * s,
        ramp[q + 2]! * k + (l + (b - l) * sat) * s,
        l,
      );
    });
  });
}

export function words(f: Frame): Int32Array {
  return new Int32Array(f.data.buffer, f.data.byteOffset, f.width * f.height);
}

const screens = new Map<string, Uint8Array>();

/**
 * A clustered-dot screen at 45°: per pixel, the coverage (0..255) at which it joins its dot.
 * Thresholding a tone against it prints round dots whose area follows the tone.
 */
function dotScreen(w: number, h: number, period: number): Uint8Array {
  const key = `${w}x${h}p${period}`;
  const hit = screens.get(key);
  if (hit) return hit;
  const out = new Uint8Array(w * h);
  const inv = 1 / period;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let fa = (x + y) * inv;
      fa -= Math.floor(fa) + 0.5;
      let fb = (x - y + 1e5) * inv;
      fb -= Math.floor(fb) + 0.5;
      // Area of the circle through this point, as a share of the cell.
      out[y * w + x] = Math.min(255, Math.round(Math.PI * (fa * fa + fb * fb) * 255));
    }
  }
  if (screens.size > 8) screens.clear();
  screens.set(key, out);
  return out;
}

/**
 * The frame recoloured through `lut`, with Ben-Day dots over the mid tones, their area following
 * the darkness the pencil drew there (the table's alpha byte); paper stays clean and solid
 * blacks stay solid.
 */
export function halftone(f: Frame, px: Int32Array, lut: Int32Array): void {
  const period = Math.max(6, Math.round(f.u * 1.1));
  const screen = dotScreen(f.width, f.height, period);
  const cov = new Int32Array(256);
  for (let l = 0; l < 256; l++) {
    const dark = 1 - l / 255;
    cov[l] = l > 232 || l < 40 ? -1 : Math.round(Math.min(0.62, Math.max(0, (dark - 0.06) * 0.95)) * 255);
  }
  // Antialiasing: a pixel this far (in screen units) inside the dot's edge is fully inked.
  const soft = Math.max(8, Math.round(255 / period));
  for (let i = 0; i < px.length; i++) {
    // Recoloured here rather than in a pass of its own: one read and one write per pixel.
    const v = lut[key18(px[i]!)]!;
    px[i] = v;
    const c = cov[v >>> 24]!;
    if (c <= 0) continue;
    const t = c - screen[i]!;
    if (t <= 0) continue;
    // Dot ink: the fill darkened to ~37 %.
    const dark = (((v >>> 1) & 0x7f7f7f) - ((v >>> 3) & 0x1f1f1f)) | (v & -16777216);
    if (t >= soft) {
      px[i] = dark;
      continue;
    }
    const a = t / soft;
    const r = (v & 255) * (1 - a) + (dark & 255) * a;
    const g = ((v >>> 8) & 255) * (1 - a) + ((dark >>> 8) & 255) * a;
    const b = ((v >>> 16) & 255) * (1 - a) + ((dark >>> 16) & 255) * a;
    px[i] = r | (g << 8) | (b << 16) | (v & -16777216);
  }
}

/**
 * Clean digital colour: the frame recoloured through `lut`, and the empty paper of the panel a
 * vertical sky (or wall) gradient; fills stay flat.
 */
export function skyGradient(f: Frame, px: Int32Array, lut: Int32Array): void {
  const { width: w, panel } = f;
  const top = [150, 198, 228];
  const bottom = [250, 236, 214];
  const y0 = Math.max(0, Math.floor(panel.y));
  const y1 = Math.min(f.height, Math.ceil(panel.y + panel.h));
  const x0 = Math.max(0, Math.floor(panel.x));
  const x1 = Math.min(w, Math.ceil(panel.x + panel.w));
  for (let y = 0; y < f.height; y++) {
    if (y < y0 || y >= y1) {
      for (let i = y * w, end = i + w; i < end; i++) px[i] = lut[key18(px[i]!)]!;
      continue;
    }
    for (let i = y * w, end = i + x0; i < end; i++) px[i] = lut[key18(px[i]!)]!;
    for (let i = y * w + x1, end = (y + 1) * w; i < end; i++) px[i] = lut[key18(px[i]!)]!;
    const t = Math.min(1, ((y - panel.y) / panel.h) * 1.25);
    const sky = pack(top[0]! + (bottom[0]! - top[0]!) * t, top[1]! + (bottom[1]! - top[1]!) * t, top[2]! + (bottom[2]! - top[2]!) * t, 240);
    for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
      const v = lut[key18(px[i]!)]!;
      const l = v >>> 24;
      // The pencil frame's paper is luminance 240; its antialiased rims keep the ramp colour.
      px[i] = l >= 233 && l <= 242 ? sky : v;
    }
  }
}

/**
 * Noir: one hard key light. Three tables — lit, falloff and shadow — crush every tone to black,
 * one grey or white; in the shadow the page goes black and the drawing survives as dim rim light.
 * The accent alone keeps colour.
 */
function noirTables(accent: string): [Int32Array, Int32Array, Int32Array] {
  const [ar, ag, ab] = rgbOf(accent);
  const level = (l: number): number =>
    // Mid greys fall to black: a noir frame is shapes of light on darkness, not graded tone.
    l < 0.56 ? 10 : l < 0.58 ? 10 + (l - 0.56) * 50 * 80 : l < 0.68 ? 90 : l < 0.7 ? 90 + (l - 0.68) * 50 * 152 : 242;
  const make = (grey: (l: number) => number, lit: (l: number) => number) =>
    colourTable((_r, _g, _b, l8, s) => {
      const l = l8 / 255;
      const v = grey(l);
      if (s === 0) return pack(v, v, v, l8);
      const k = s > 0.5 ? 1 : s * 2;
      const m = lit(l);
      return pack(v * (1 - k) + ar * m * k, v * (1 - k) + ag * m * k, v * (1 - k) + ab * m * k, l8);
    });
  return [
    cachedTable(`noir-lit:${accent}`, () => make((l) => level(l * 1.06), (l) => (l < 0.34 ? 0.55 : 1))),
    cachedTable(`noir-fall:${accent}`, () => make((l) => level(l * 0.74), () => 0.7)),
    cachedTable(`noir-shadow:${accent}`, () => make((l) => (l < 0.5 ? 100 : l < 0.6 ? 100 - (l - 0.5) * 880 : 12), () => 0.45)),
  ];
}

export function hardLight(f: Frame, px: Int32Array): void {
  const { width: w, height: h, panel } = f;
  const [lit, fall, shade] = noirTables(f.accent);
  const fromLeft = (f.seed & 1) === 0;
  const blinds = !f.calm && ((f.seed >>> 2) & 3) !== 0;
  const lx = fromLeft ? panel.x + panel.w * 0.22 : panel.x + panel.w * 0.78;
  const ly = panel.y + panel.h * 0.2;
  // The shadow's edge runs from the top at `x0` down to `x1`: everything beyond it is in shadow.
  const along = 0.7 + ((f.seed >>> 4) % 13) / 100;
  const x0 = fromLeft ? panel.x + panel.w * along : panel.x + panel.w * (1 - along);
  const x1 = fromLeft ? x0 - panel.w * 0.22 : x0 + panel.w * 0.22;
  const slat = panel.h / 5.5;
  // The pool of light: an ellipse around the lamp; outside it the light falls off one step.
  const rx = panel.w * 0.62;
  const ry = panel.h * 0.95;
  const pxL = Math.max(0, Math.floor(panel.x));
  const pxR = Math.min(w, Math.ceil(panel.x + panel.w));
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (y < panel.y || y >= panel.y + panel.h) {
      for (let i = row; i < row + w; i++) px[i] = lit[key18(px[i]!)]!;
      continue;
    }
    const edge = x0 + (x1 - x0) * ((y - panel.y) / panel.h);
    const ey = ((y - ly) / ry) ** 2;
    // The light pool's span on this row; blinds as a phase stepped along the row.
    const half = ey < 1 ? rx * Math.sqrt(1 - ey) : -1;
    const poolL = f.calm ? -Infinity : lx - half;
    const poolR = f.calm ? Infinity : lx + half;
    const step = (fromLeft ? 0.35 : -0.35) / slat;
    let phase = y / slat;
    phase -= Math.floor(phase);
    for (let x = 0; x < w; x++) {
      const i = row + x;
      const k = key18(px[i]!);
      if (x < pxL || x >= pxR) {
        px[i] = lit[k]!;
        continue;
      }
      let p = phase + step * x;
      p -= Math.floor(p);
      const shadow = !f.calm && ((fromLeft ? x > edge : x < edge) || (blinds && p < 0.28));
      px[i] = shadow ? shade[k]! : x >= poolL && x <= poolR ? lit[k]! : fall[k]!;
    }
  }
}

/**
 * Watercolour: the frame recoloured through `lut`, then washed. Washes bleed past the drawing (each pixel takes the
 * colour of two neighbours along a noise displacement, averaged: a soft, wandering edge), pool
 * darker at their rims (the pixel darker than its wide neighbourhood), vary in density (blooms)
 * and settle into the paper's tooth. Where the drawing is darker than the wash (lines), most of
 * the drawing comes back.
 */
export function wash(f: Frame, px: Int32Array, lut: Int32Array): void {
  const { width: w, height: h, panel } = f;
  // The recoloured frame goes to a copy the bleed reads from; px receives the result.
  const src = scratch(px.length);
  for (let i = 0; i < px.length; i++) src[i] = lut[key18(px[i]!)]!;
  const { ox, oy } = textureOffset(f.seed);
  const W = w + TEXTURE_MARGIN;
  const bleed = bleedField(w, h, f.u);
  const dens = densityField(w, h, f.u);
  const wide = wideLuminance(src, w, h, Math.max(2, Math.round(f.u * 0.9)));
  const hw = w >> 1;
  const x0 = Math.max(0, Math.floor(panel.x));
  const x1 = Math.min(w, Math.ceil(panel.x + panel.w));
  const y0 = Math.max(0, Math.floor(panel.y));
  const y1 = Math.min(h, Math.ceil(panel.y + panel.h));
  const reach = Math.ceil(f.u * 1.2) + 1;
  for (let y = 0; y < h; y++) {
    const trow = (y + oy) * W + ox;
    const wrow = Math.min((h >> 1) - 1, y >> 1) * hw;
    const inRows = y >= y0 + reach && y < y1 - reach;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const t = trow + x;
      const orig = src[i]!;
      let a = orig;
      let b = orig;
      if (inRows && x >= x0 + reach && x < x1 - reach) {
        // Pigment bleeds; ink lines don't: a dark sample much darker than here stays put.
        const lo = (orig >>> 24) - 48;
        a = src[i + bleed[2 * t]!]!;
        if (a >>> 24 < lo && a >>> 24 < 120) a = orig;
        b = src[i + bleed[2 * t + 1]!]!;
        if (b >>> 24 < lo && b >>> 24 < 120) b = orig;
      }
      // Average of two words, per channel.
      const soft = (((a >>> 1) & 0x7f7f7f7f) + ((b >>> 1) & 0x7f7f7f7f)) | 0;
      const ls = soft >>> 24;
      const lw = wide[wrow + (x >> 1)]!;
      // Density in 256ths: blooms and tooth, plus the rim.
      // Rim in steps of 8/256: see densityField on why the density is quantised.
      const k = dens[t]! * 2 + (lw > ls ? (((lw - ls) * 11) >> 2) & ~7 : 0);
      let base = soft;
      if ((orig >>> 24) < ls - 12) {
        // A line: 70 % drawing, 30 % wash (the word average of orig and orig-biased soft).
        const m = (((orig >>> 1) & 0x7f7f7f7f) + ((soft >>> 1) & 0x7f7f7f7f)) | 0;
        base = (((orig >>> 1) & 0x7f7f7f7f) + ((m >>> 1) & 0x7f7f7f7f)) | 0;
      }
      let r = 251 - (((251 - (base & 255)) * k) >> 8);
      let g = 247 - (((247 - ((base >>> 8) & 255)) * k) >> 8);
      let bl = 239 - (((239 - ((base >>> 16) & 255)) * k) >> 8);
      if (r < 0) r = 0;
      else if (r > 255) r = 255;
      if (g < 0) g = 0;
      else if (g > 255) g = 255;
      if (bl < 0) bl = 0;
      else if (bl > 255) bl = 255;
      px[i] = r | (g << 8) | (bl << 16) | -16777216;
    }
  }
}

let scratchWords = new Int32Array(0);
/** One reusable buffer: a fresh 4 MB array per frame costs more in zeroing and GC than the pass. */
function scratch(n: number): Int32Array {
  if (scratchWords.length !== n) scratchWords = new Int32Array(n);
  return scratchWords;
}

const fields = new Map<string, Int32Array | Uint8Array>();

/**
 * Per texture pixel, two word offsets (dy·w + dx) a wash bleeds from: along the noise
 * displacement, and half as far back.
 */
function bleedField(w: number, h: number, u: number): Int32Array {
  const key = `bleed${w}x${h}`;
  const hit = fields.get(key);
  if (hit instanceof Int32Array) return hit;
  const nx = noiseField(w, h, Math.round(u * 8), 2, 11);
  const ny = noiseField(w, h, Math.round(u * 8), 2, 12);
  const amp = u * 0.8;
  const out = new Int32Array(nx.length * 2);
  for (let k = 0; k < nx.length; k++) {
    // Noise sums cluster around the middle; stretch so the bleed reaches its full amplitude.
    const dx = Math.round(Math.max(-1, Math.min(1, ((nx[k]! - 128) / 128) * 2.2)) * amp);
    const dy = Math.round(Math.max(-1, Math.min(1, ((ny[k]! - 128) / 128) * 2.2)) * amp);
    out[2 * k] = dy * w + dx;
    out[2 * k + 1] = -Math.round(dy / 2) * w - Math.round(dx / 2);
  }
  fields.set(key, out);
  return out;
}

/** Pigment density ×128: blooms (large, soft) times the paper's tooth (fine). */
function densityField(w: number, h: number, u: number): Uint8Array {
  const key = `dens${w}x${h}`;
  const hit = fields.get(key);
  if (hit instanceof Uint8Array) return hit;
  const bloom = noiseField(w, h, Math.round(u * 14), 3, 13);
  const tooth = noiseField(w, h, 3, 1, 14);
  const out = new Uint8Array(bloom.length);
  for (let k = 0; k < out.length; k++) {
    // Quantised, tooth in three levels and density in steps of 1/32: flat patches keep the PNG
    // small and fast to encode (smooth per-pixel noise doubles the frame's encode time).
    const t = tooth[k]! < 64 ? -0.08 : tooth[k]! > 192 ? 0.08 : 0;
    const d = 0.6 + Math.round((bloom[k]! / 255) * 0.65 * 32) / 32 + t;
    out[k] = Math.max(0, Math.min(255, Math.round(d * 128)));
  }
  fields.set(key, out);
  return out;
}

/** Luminance (alpha byte) at half size (subsampled), box-blurred with radius r (half-size px). */
function wideLuminance(px: Int32Array, w: number, h: number, r: number): Uint8Array {
  const hw = w >> 1;
  const hh = h >> 1;
  const a = new Uint16Array(hw * hh);
  for (let y = 0; y < hh; y++) {
    const s0 = 2 * y * w;
    for (let x = 0; x < hw; x++) {
      const s = s0 + 2 * x;
      // One sample per 2×2 block: the box blur that follows hides the aliasing.
      a[y * hw + x] = px[s]! >>> 24;
    }
  }
  const b = new Uint16Array(hw * hh);
  const n = 2 * r + 1;
  for (let y = 0; y < hh; y++) {
    const row = y * hw;
    let sum = 0;
    for (let x = -r; x <= r; x++) sum += a[row + Math.min(hw - 1, Math.max(0, x))]!;
    for (let x = 0; x < hw; x++) {
      b[row + x] = (sum / n) | 0;
      sum += a[row + Math.min(hw - 1, x + r + 1)]! - a[row + Math.max(0, x - r)]!;
    }
  }
  const out = new Uint8Array(hw * hh);
  for (let x = 0; x < hw; x++) {
    let sum = 0;
    for (let y = -r; y <= r; y++) sum += b[Math.min(hh - 1, Math.max(0, y)) * hw + x]!;
    for (let y = 0; y < hh; y++) {
      out[y * hw + x] = (sum / n) | 0;
      sum += b[Math.min(hh - 1, y + r + 1) * hw + x]! - b[Math.max(0, y - r) * hw + x]!;
    }
  }
  return out;
}
