import type { NarrativeRole } from "../schema";
import type { IdeaAnalysis } from "./idea-types";
import type { Beat } from "./beats";
import type { ExplainerCard, ExplainerContent } from "./explainer-content";
import type { Focus } from "./shots";

// Lays an explainer's content onto the form's roles: problem = the question, solution + how =
// the mechanism step by step, benefit = the example with numbers, cta = the takeaway. Frames left
// over go to close looks at the example's own numbers, never to filler.

export function explainerBeats(content: ExplainerContent, roles: readonly NarrativeRole[], idea: IdeaAnalysis): Beat[] {
  const mechanismSlots = roles.filter((r) => r === "solution" || r === "how").length;
  const hasBenefit = roles.includes("benefit");
  let mechanism = [...content.steps];
  if (!hasBenefit) mechanism.push(content.example);
  mechanism = fit(mechanism, mechanismSlots, content, !hasBenefit);
  const hero = idea.hero;
  const asker = hero ? hero.ref.replace(/^the /, "the ") : null;
  let m = 0;
  return roles.map((role) => {
    switch (role) {
      case "problem": {
        const q = content.question;
        return beat(role, asker ? { ...q, text: `${cap(asker)} asks. ${q.text}`, visual: `${asker}, puzzled, beside ${q.visual}` } : q, "place", hero ? [hero.name] : []);
      }
      case "benefit":
        return beat(role, content.example, "detail", []);
      case "cta": {
        const t = content.takeaway;
        return beat(role, asker ? { ...t, text: `${t.text} ${cap(asker)} nods: now it makes sense.` } : t, "card", hero ? [hero.name] : []);
      }
      default: {
        const card = mechanism[m++] ?? content.example;
        return beat(role, card, card.diagram ? "detail" : "character", []);
      }
    }
  });
}

/** Exactly `n` mechanism cards: merge the tail when there are too many, add close looks when too few. */
function fit(cards: ExplainerCard[], n: number, content: ExplainerContent, keepLast: boolean): ExplainerCard[] {
  if (n <= 0) return [];
  let out = [...cards];
  // The example with numbers (last, on short boards) is what a short board must still show.
  if (keepLast && n === 1) return out.slice(-1);
  const tail = keepLast ? 1 : 0;
  while (out.length > n && out.length - tail >= 2) {
    const end = out.length - tail;
    const a = out[end - 2]!;
    const b = out[end - 1]!;
    out = [...out.slice(0, end - 2), { text: `${a.text} ${b.text}`, visual: `${a.visual}; ${b.visual}`, diagram: a.diagram ?? b.diagram, notes: a.notes ?? b.notes }, ...out.slice(end)];
  }
  const extras = closeLooks(content);
  let k = 0;
  while (out.length < n) {
    const extra = extras[k++];
    if (!extra) break;
    out.splice(Math.min(out.length, 1 + 2 * (k - 1)), 0, extra);
  }
  return out.slice(0, n);
}

/** Inserts on the example's own numbers: one per labelled point of its chart. */
function closeLooks(content: ExplainerContent): ExplainerCard[] {
  const d = content.example.diagram ?? content.steps.find((s) => s.diagram)?.diagram ?? null;
  // Then a closer look at each step's own picture, then a recap card per step.
  const closer = content.steps.map((s, i) => ({ text: `Closer: ${s.visual}${s.diagram?.labels[i] ? ` (${s.diagram.labels[i]!.toLowerCase()})` : ""}.`, visual: `close-up of ${s.visual}`, diagram: null, notes: null }));
  const recap = content.steps.map((s, i) => ({ text: `Recap, step ${i + 1} of ${content.steps.length}: ${s.diagram?.labels[i] ?? s.visual}.`, visual: s.visual, diagram: s.diagram, notes: null }));
  if (!d) return [...closer, ...recap];
  return [...numberLooks(d), ...closer, ...recap];
}

// Several phrasings, in turn, so a board of close looks never repeats its own line.
const VALUE_LOOKS = [
  (label: string, v: string) => `Insert: the chart at ${label} — ${v}.`,
  (label: string, v: string) => `Close on the curve: ${label} reads ${v}.`,
  (label: string, v: string) => `The marker slides along to ${label}; the counter shows ${v}.`,
  (label: string, v: string) => `Tight on one number — ${v}, at ${label}.`,
  (label: string, v: string) => `A circle drawn around ${label} on the chart: ${v}.`,
  (label: string, v: string) => `Freeze on ${label}: ${v}, underlined twice.`,
  (label: string, v: string) => `Pan across the axis to ${label} — ${v}.`,
];
const LABEL_LOOKS = [
  (label: string, kind: string) => `Insert: "${label}" on the ${kind}, lit up.`,
  (label: string, kind: string) => `Close on the ${kind}: an arrow lands on "${label}".`,
  (label: string, kind: string) => `"${label}" — circled in marker on the ${kind}.`,
  (label: string, kind: string) => `Tight on "${label}", the rest of the ${kind} dimmed.`,
  (label: string, kind: string) => `The pointer taps "${label}" twice on the ${kind}.`,
  (label: string, _kind: string) => `"${label}" fills the frame, a tick beside it.`,
];

function numberLooks(d: NonNullable<ExplainerCard["diagram"]>): ExplainerCard[] {
  const kind = d.kind.replace("-", " ");
  return d.labels.map((label, i) => ({
    text: d.values ? VALUE_LOOKS[i % VALUE_LOOKS.length]!(label, formatValue(d.values[i] ?? 0, d.unit)) : LABEL_LOOKS[i % LABEL_LOOKS.length]!(label, kind),
    visual: `close-up of a ${d.kind.replace("-", " ")} titled ${d.title}, the point ${label} highlighted`,
    diagram: { ...d, highlight: i },
    notes: null,
  }));
}

function formatValue(v: number, unit: string | null): string {
  const n = Math.round(v).toLocaleString("en-US");
  if (!unit) return n;
  return /^[$€£¥₹]$/.test(unit) ? `${unit}${n}` : `${n} ${unit}`;
}

function beat(role: NarrativeRole, card: ExplainerCard, focus: Focus, characters: string[]): Beat {
  return { role, focus, text: card.text, visual: card.visual, characters, dialogue: null, notes: card.notes, fromIdea: false, ownPlace: !!card.diagram, diagram: card.diagram };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
