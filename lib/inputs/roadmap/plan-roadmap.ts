import { AppError } from "@/lib/errors";
import { LIMITS, type Plan, type PlanRequest } from "@/lib/planner/schema";
import { buildInputPlan, clip, type InputShot } from "../build-plan";
import type { RoadmapInputBody } from "../schemas";

export type RoadmapItem = { when: string | null; text: string };
export type RoadmapReading = { title: string | null; items: RoadmapItem[] };

const WHEN = /^(Q[1-4](?:\s*['’]?\d{2,4})?|H[12](?:\s*\d{2,4})?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?|Now|Next|Later|Phase\s+\d+|Sprint\s+\d+)\b[\s:–—-]*/i;

/** OCR text → a title line and roadmap items, each with the quarter/month/phase it sits under. */
export function readRoadmapText(text: string): RoadmapReading {
  const lines = text
    .split(/\n+/)
    .map((l) => l.replace(/[|•·▪●◦*_]+/g, " ").replace(/\s+/g, " ").trim())
    .filter((l) => /[A-Za-z]{3,}/.test(l) || WHEN.test(l));
  let title: string | null = null;
  let when: string | null = null;
  const items: RoadmapItem[] = [];
  for (const line of lines) {
    const m = WHEN.exec(line);
    if (m) {
      when = m[1]!.trim();
      const rest = line.slice(m[0].length).trim();
      if (/[A-Za-z]{3,}/.test(rest)) items.push({ when, text: rest });
      continue;
    }
    if (!title && items.length === 0 && /roadmap|plan|\b20\d\d\b/i.test(line)) {
      title = line;
      continue;
    }
    items.push({ when, text: line });
  }
  return { title, items: items.slice(0, 12) };
}

/** sanitize_ip: no names, numbers, customer names or internal codes downstream. */
export function sanitizeText(s: string): string {
  return s
    .replace(/\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, "")
    .replace(/\b[A-Z]{2,}[-_]?\d+\b/g, "")
    .replace(/[$€£]?\d[\d,.]*\s*[%kKmM]?/g, "")
    .replace(/\b(?:for|with|at)\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*/g, "")
    .replace(/[()[\]]/g, "")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
}

export function planRoadmap(reading: RoadmapReading, body: RoadmapInputBody): { plan: Plan; request: PlanRequest } {
  const clean = (s: string) => (body.sanitize_ip ? sanitizeText(s) : s);
  const items = reading.items.map((i) => ({ when: i.when && body.sanitize_ip ? i.when.replace(/\s*\d{2,4}$/, "") : i.when, text: clean(i.text) })).filter((i) => i.text.length >= 3);
  if (items.length === 0) throw new AppError("UNREADABLE_INPUT", "No roadmap items could be read from the image; send a sharper screenshot with text.");
  const headline = clip(body.custom_headline ?? (reading.title ? clean(reading.title) || "What's coming next" : "What's coming next"), 120);
  const shown = items.slice(0, LIMITS.frameCountMax - 2);
  const shots: InputShot[] = [
    { narrativeRole: "intro", description: `${headline}: ${shown.length} milestones ahead.`, durationSeconds: 3, shotType: "wide", cameraMove: "static", characters: [], dialogue: null, notes: "Timeline overview" },
    ...shown.map((item, i): InputShot => ({
      narrativeRole: "feature",
      description: clip(`${item.when ? `${item.when}: ` : ""}${item.text}`, 1000),
      durationSeconds: 3,
      shotType: i % 2 ? "close-up" : "medium",
      cameraMove: "static",
      characters: [],
      dialogue: null,
      notes: `Milestone ${i + 1} of ${shown.length}`,
    })),
    { narrativeRole: "cta", description: `${headline}. Follow along as it ships.`, durationSeconds: 3, shotType: "wide", cameraMove: "static", characters: [], dialogue: null, notes: null },
  ];
  return buildInputPlan({
    request: { prompt: clip(`${headline}. ${shown.map((i) => i.text).join("; ")}`, LIMITS.promptMaxChars), title: body.title ?? headline, style: body.style, aspectRatio: body.aspectRatio },
    title: headline,
    logline: clip(`A roadmap in ${shown.length} milestones: ${shown.map((i) => i.text).join(", ")}.`, 400),
    form: "ad",
    characters: [],
    shots,
  });
}
