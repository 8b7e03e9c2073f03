// Paper grain and soft noise fields, generated in code (nothing downloaded, nothing shipped) and
// kept per size: a board renders many frames of one size, and a field costs more than a frame pass.
// A frame reads a field at a seed-dependent offset, so frames differ while staying deterministic.

export const TEXTURE_MARGIN = 128;

function hash2(x: number, y: number, seed: number): number {
  let h = (Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const cache = new Map<string, Uint8Array>();

function cached(key: string, make: () => Uint8Array): Uint8Array {
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size > 24) cache.clear();
  const made = make();
  cache.set(key, made);
  return made;
}

/**
 * Smooth value noise, 0..255, over (w + margin) × (h + margin), with `octaves` summed from a
 * base cell size in px.
 */
export function noiseField(w: number, h: number, cell: number, octaves: number, salt: number): Uint8Array {
  const W = w + TEXTURE_MARGIN;
  const H = h + TEXTURE_MARGIN;
  return cached(`n${W}x${H}c${cell}o${octaves}s${salt}`, () => {
    const acc = new Float32Array(W * H);
    let amp = 1;
    let total = 0;
    let c = cell;
    for (let o = 0; o < octaves; o++) {
      const gw = Math.ceil(W / c) + 2;
      const gh = Math.ceil(H / c) + 2;
      const grid = new Float32Array(gw * gh);
      for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) grid[j * gw + i] = hash2(i, j, salt * 31 + o);
      for (let y = 0; y < H; y++) {
        const fy = y / c;
        const j = Math.floor(fy);
        let ty = fy - j;
        ty = ty * ty * (3 - 2 * ty);
        for (let x = 0; x < W; x++) {
          const fx = x / c;
          const i = Math.floor(fx);
          let tx = fx - i;
          tx = tx * tx * (3 - 2 * tx);
          const a = grid[j * gw + i]!;
          const b = grid[j * gw + i + 1]!;
          const d = grid[(j + 1) * gw + i]!;
          const e = grid[(j + 1) * gw + i + 1]!;
          const top = a + (b - a) * tx;
          const bot = d + (e - d) * tx;
          acc[y * W + x]! += (top + (bot - top) * ty) * amp;
        }
      }
      total += amp;
      amp *= 0.5;
      c = Math.max(1, c / 2);
    }
    const out = new Uint8Array(W * H);
    for (let k = 0; k < out.length; k++) out[k] = Math.round((acc[k]! / total) * 255);
    return out;
  });
}

/** Per-pixel white noise, 0..255 (paper tooth, film grain). */
export function grainField(w: number, h: number, salt: number): Uint8Array {
  const W = w + TEXTURE_MARGIN;
  const H = h + TEXTURE_MARGIN;
  return cached(`g${W}x${H}s${salt}`, () => {
    const out = new Uint8Array(W * H);
    let s = (salt * 0x9e3779b1) >>> 0 || 1;
    for (let k = 0; k < out.length; k++) {
      // xorshift32: a field this size from hash2 would cost more than every frame pass together.
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      out[k] = s & 255;
    }
    return out;
  });
}

/** Where a frame reads the fields from (0 ≤ offset < margin). */
export function textureOffset(seed: number): { ox: number; oy: number } {
  return { ox: (seed >>> 3) % TEXTURE_MARGIN, oy: (seed >>> 11) % TEXTURE_MARGIN };
}
