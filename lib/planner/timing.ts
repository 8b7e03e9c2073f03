import { LIMITS, type Form, type NarrativeRole } from "./schema";

// Pure timing rules shared by both planners and by normalizePlan. Everything is computed in
// integer tenths of a second so that 0.1 + 0.2 never leaks into a stored duration.

const MIN = LIMITS.sceneSecondsMin;
const MAX = LIMITS.sceneSecondsMax;
const COUNT_MIN = LIMITS.frameCountMin;
const COUNT_MAX = LIMITS.planScenesMax;

/**
 * The narrative roles for `count` scenes (clamped to 3–20).
 *
 * - ad: hook → intro → feature… → cta. With 3 scenes the intro goes (hook, feature, cta): an ad
 *   without a single product beat is not an ad.
 * - story: setup → inciting → rising… → climax → resolution. 3 scenes: setup, climax, resolution;
 *   4: setup, inciting, climax, resolution.
 * - explainer: problem → solution → how… → benefit → cta. 3: problem, solution, cta;
 *   4: problem, solution, how, cta.
 */
export function beatTemplate(form: Form, count: number): NarrativeRole[] {
  const n = clampInt(count, COUNT_MIN, COUNT_MAX);
  switch (form) {
    case "ad":
      if (n === 3) return ["hook", "feature", "cta"];
      return ["hook", "intro", ...repeat<NarrativeRole>("feature", n - 3), "cta"];
    case "story":
      if (n === 3) return ["setup", "climax", "resolution"];
      return ["setup", "inciting", ...repeat<NarrativeRole>("rising", n - 4), "climax", "resolution"];
    case "explainer":
      if (n === 3) return ["problem", "solution", "cta"];
      if (n === 4) return ["problem", "solution", "how", "cta"];
      return ["problem", "solution", ...repeat<NarrativeRole>("how", n - 4), "benefit", "cta"];
  }
}

/** True when `count` scenes of 1–15 s each can add up to `targetDuration`. */
export function isFeasible(targetDuration: number, count: number): boolean {
  return count * MIN <= targetDuration + 1e-9 && count * MAX >= targetDuration - 1e-9;
}

/**
 * The scene count to plan when `requested` scenes cannot carry `targetDuration` at 1–15 s each.
 *
 * - Too long for the count (300 s in 3 scenes > 45 s): the smallest count ≥ requested that fits,
 *   i.e. ceil(target / 15), never above LIMITS.planScenesMax (20).
 * - Too short for the count (5 s in 12 scenes < 12 s): raising cannot help, so the largest count
 *   ≤ requested that fits, i.e. floor(target / 1), never below 3.
 * - Already feasible: `requested` clamped to 3–20.
 *
 * Callers ask for 3–12 frames; targets above 12 × 15 = 180 s get more scenes than asked, up to 20
 * (300 s, the longest target, fits exactly).
 */
export function feasibleSceneCount(targetDuration: number, requested: number): number {
  const n = clampInt(requested, COUNT_MIN, COUNT_MAX);
  if (n * MAX < targetDuration) {
    return clampInt(Math.ceil(targetDuration / MAX - 1e-9), n, COUNT_MAX);
  }
  if (n * MIN > targetDuration) {
    return clampInt(Math.floor(targetDuration / MIN + 1e-9), COUNT_MIN, n);
  }
  return n;
}

interface RoleWeight {
  /** Seconds at a 30 s reference length (or a relative weight; only ratios matter). */
  weight: number;
  /** When true, `weight` is the budget of all scenes of this role together, not of each one. */
  shared?: boolean;
}

// Ad budgets at 30 s: hook 3.5 s (3–4), intro 5.5 s (4–6), features 15.5 s in total (12–16),
// cta 5.5 s (4–6). They scale proportionally with the target. Story and explainer roles are per
// scene: the climax and the "how" beats breathe a little longer, setup/resolution stay moderate.
const ROLE_WEIGHTS: Record<Form, Partial<Record<NarrativeRole, RoleWeight>>> = {
  ad: {
    hook: { weight: 3.5 },
    intro: { weight: 5.5 },
    feature: { weight: 15.5, shared: true },
    cta: { weight: 5.5 },
    benefit: { weight: 4 },
  },
  story: {
    setup: { weight: 1.05 },
    inciting: { weight: 1 },
    rising: { weight: 1 },
    climax: { weight: 1.3 },
    resolution: { weight: 1.05 },
  },
  explainer: {
    problem: { weight: 1 },
    solution: { weight: 1 },
    how: { weight: 1.2 },
    benefit: { weight: 1 },
    cta: { weight: 0.85 },
  },
};

/** A role that does not belong to the form (an LLM mixing vocabularies) weighs like an average scene. */
function roleWeights(form: Form, roles: readonly NarrativeRole[]): number[] {
  const table = ROLE_WEIGHTS[form];
  const known = roles.map((r) => table[r]).filter((w): w is RoleWeight => w !== undefined);
  const counts = new Map<NarrativeRole, number>();
  for (const r of roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  const perScene = (r: NarrativeRole, w: RoleWeight) => (w.shared ? w.weight / (counts.get(r) ?? 1) : w.weight);
  const fallback =
    known.length > 0
      ? roles.reduce((s, r) => {
          const w = table[r];
          return w ? s + perScene(r, w) : s;
        }, 0) / known.length
      : 1;
  return roles.map((r) => {
    const w = table[r];
    return w ? perScene(r, w) : fallback;
  });
}

export interface AllocateInput {
  form: Form;
  roles: readonly NarrativeRole[];
  targetDuration: number;
  /**
   * Relative proportions to keep instead of the form's beat budgets (e.g. an LLM's own
   * durations). Ignored unless there is one finite, positive number per role.
   */
  weights?: readonly number[];
}

/**
 * Seconds per scene, rounded to 0.1 s, each within 1–15 s, summing to `targetDuration`
 * (±0.05 s: the target itself may not be a multiple of 0.1).
 *
 * Proportions come from `weights` when sane, else from the form's beat budgets. Scenes that
 * would fall outside 1–15 s are clamped and the remainder is redistributed over the others in
 * proportion to their weights. Rounding to tenths uses largest remainders, so the sum is exact.
 *
 * If the count cannot carry the target at all (see feasibleSceneCount) every scene sits at the
 * nearest bound and the sum misses the target; callers fix the count first.
 */
export function allocateDurations({ form, roles, targetDuration, weights }: AllocateInput): number[] {
  const n = roles.length;
  if (n === 0) return [];
  const w = weights && saneWeights(weights, n) ? [...weights] : roleWeights(form, roles);
  return distributeSeconds(w, targetDuration);
}

function saneWeights(weights: readonly number[], n: number): boolean {
  return weights.length === n && weights.every((x) => Number.isFinite(x) && x > 0);
}

/** Water-fill `target` seconds over `weights` within [1, 15], then round to tenths exactly. */
export function distributeSeconds(weights: readonly number[], target: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const safe = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 1));
  if (n * MAX <= target) return repeat(MAX, n);
  if (n * MIN >= target) return repeat(MIN, n);

  const out = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  // Each pass pins at least one scene to a bound, so n passes always suffice.
  for (let pass = 0; pass <= n; pass++) {
    const free = safe.map((_, i) => i).filter((i) => !fixed[i]);
    const pinned = out.reduce((s, v, i) => (fixed[i] ? s + v : s), 0);
    const remaining = target - pinned;
    const wSum = free.reduce((s, i) => s + (safe[i] ?? 0), 0);
    for (const i of free) out[i] = (remaining * (safe[i] ?? 0)) / wSum;
    // Pin the worst side first: pinning lows raises the others, pinning highs lowers them.
    const low = free.filter((i) => (out[i] ?? 0) < MIN);
    const high = free.filter((i) => (out[i] ?? 0) > MAX);
    if (low.length === 0 && high.length === 0) break;
    const lowGap = low.reduce((s, i) => s + MIN - (out[i] ?? 0), 0);
    const highGap = high.reduce((s, i) => s + (out[i] ?? 0) - MAX, 0);
    for (const i of lowGap >= highGap ? low : high) {
      out[i] = lowGap >= highGap ? MIN : MAX;
      fixed[i] = true;
    }
  }
  return roundToTenths(out, target);
}

// Largest-remainder rounding: floor every scene to tenths, then hand the missing tenths to the
// scenes that lost the most in the floor (ties: the longer scene). Spreading the residue this
// way keeps equal beats equal; piling up to n × 0.05 s on one scene made one "feature" visibly
// longer than its siblings. Whatever cannot be placed within bounds (never, in practice) lands
// on the largest scene with room.
function roundToTenths(seconds: readonly number[], target: number): number[] {
  const lo = MIN * 10;
  const hi = MAX * 10;
  const exact = seconds.map((s) => Math.min(hi, Math.max(lo, s * 10)));
  const tenths = exact.map((x) => Math.floor(x + 1e-9));
  let residue = Math.round(target * 10) - tenths.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, rem: x - (tenths[i] ?? 0), x }))
    .sort((a, b) => b.rem - a.rem || b.x - a.x || a.i - b.i);
  for (const { i } of byRemainder) {
    if (residue <= 0) break;
    if ((tenths[i] ?? 0) < hi) {
      tenths[i] = (tenths[i] ?? 0) + 1;
      residue -= 1;
    }
  }
  const byLength = tenths.map((_, i) => i).sort((a, b) => (tenths[b] ?? 0) - (tenths[a] ?? 0) || a - b);
  for (const i of byLength) {
    if (residue === 0) break;
    const cur = tenths[i] ?? 0;
    const next = Math.min(hi, Math.max(lo, cur + residue));
    residue -= next - cur;
    tenths[i] = next;
  }
  return tenths.map((t) => t / 10);
}

function repeat<T>(value: T, n: number): T[] {
  return Array.from({ length: Math.max(0, n) }, () => value);
}

function clampInt(x: number, lo: number, hi: number): number {
  const r = Number.isFinite(x) ? Math.round(x) : lo;
  return Math.min(hi, Math.max(lo, r));
}
