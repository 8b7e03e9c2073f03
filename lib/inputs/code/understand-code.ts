import { AppError } from "@/lib/errors";
import { LIMITS, type Plan, type PlanRequest } from "@/lib/planner/schema";
import { buildInputPlan, clip, type InputShot } from "../build-plan";
import { assertReadableText } from "../readable-text";
import type { CodeInputBody } from "../schemas";
import { GENERIC_PEOPLE, ICP_PRESETS } from "./icp-presets";
import { CODE_LANGUAGES, readCode, words, type CodeReading } from "./read-code";

export type Audience = CodeInputBody["audience"];

/** Seed 002's understanding of a code file, written before any storyboard. */
export type CodeUnderstanding = {
  headline: string;
  what_it_does: string;
  business_value: string;
  who_benefits: string;
  differentiator: string;
  pain_point_addressed: string;
  suggested_icon: string;
  /** What the code does, step by step, in the order its entry point runs them. */
  steps: string[];
};

const ICONS: [RegExp, string][] = [
  [/quote|price|invoice|bill|pay|cost/, "receipt"],
  [/schedul|calendar|dispatch|shift|book/, "calendar"],
  [/auth|login|token|password|permission/, "shield"],
  [/search|index|query|find/, "search"],
  [/upload|file|storage|image/, "folder"],
  [/mail|message|notif|sms|chat/, "message"],
  [/report|chart|metric|analytic|dashboard/, "chart"],
  [/data|database|sql|record/, "database"],
];

const sentence = (s: string) => {
  const t = s.trim().replace(/\s+/g, " ");
  return t ? t.charAt(0).toUpperCase() + t.slice(1).replace(/[.;:,\s]*$/, ".") : t;
};

function stepFor(reading: CodeReading, name: string): string {
  const doc = reading.symbols.find((s) => s.name === name)?.doc;
  // Go and Javadoc style start with the name itself ("Assign picks…"): drop it.
  const lead = doc ? (doc.split(/(?<=\.)\s/)[0] ?? doc).replace(new RegExp(`^${name.replace(/\$/g, "\\$")}\\s+`), "") : words(name);
  return sentence(lead);
}

export function understandCode(body: CodeInputBody): { understanding: CodeUnderstanding; reading: CodeReading } {
  assertReadableText(body.file_content, "file");
  const reading = readCode(body.file_content, body.file_name);
  if (!reading) {
    throw new AppError("UNSUPPORTED_INPUT", `The embedded reader knows ${CODE_LANGUAGES.join(", ")} files (by extension); ${body.file_name} is none of them.`);
  }
  if (reading.symbols.length === 0 && !reading.moduleDoc) {
    throw new AppError("UNREADABLE_INPUT", `No functions, classes or doc comments found in ${body.file_name}.`);
  }
  const preset = body.icp_preset ? ICP_PRESETS[body.icp_preset] : undefined;
  if (body.icp_preset && !preset) {
    throw new AppError("INVALID_REQUEST", `Unknown icp_preset "${body.icp_preset}"; known: ${Object.keys(ICP_PRESETS).join(", ")}.`);
  }
  const name = words(reading.moduleName);
  const steps = reading.flow.slice(0, 6).map((f) => stepFor(reading, f));
  const docLead = reading.moduleDoc ? (reading.moduleDoc.split(/(?<=\.)\s/)[0] ?? reading.moduleDoc).replace(/^Package\s+\w+\s+/, "") : null;
  const what = sentence(docLead ?? `${name}: ${steps.map((s) => s.replace(/\.$/, "").toLowerCase()).join(", then ")}`);
  const headline = clip(body.custom_headline ?? sentence(docLead?.split(/[:—-]\s/)[0] ?? name).replace(/\.$/, ""), 120);
  const who = preset?.people[body.audience] ?? GENERIC_PEOPLE[body.audience];
  const pain = preset?.pains[0] ?? `doing ${name} by hand, one case at a time`;
  const allText = `${reading.moduleName} ${reading.moduleDoc ?? ""} ${reading.symbols.map((s) => s.name).join(" ")}`.toLowerCase();
  const value =
    body.audience === "c_suite"
      ? `Turns ${pain} into a repeatable step the whole company runs the same way.`
      : body.audience === "business_owner"
        ? `Hours back every week: ${what.replace(/\.$/, "").toLowerCase()} without anyone typing it up.`
        : `One place to ${words(reading.flow[reading.flow.length - 1] ?? reading.moduleName)}, no spreadsheets in between.`;
  const understanding: CodeUnderstanding = {
    headline,
    what_it_does: clip(what, 400),
    business_value: clip(value, 400),
    who_benefits: clip(sentence(who), 200),
    differentiator: clip(
      sentence(`${reading.flow.length} steps in one flow (${reading.flow.slice(0, 4).map(words).join(", ")})${reading.strings[0] ? `, ending with "${reading.strings[0].replace(/[.\s]+$/, "")}"` : ""}`),
      400,
    ),
    pain_point_addressed: clip(sentence(pain), 300),
    suggested_icon: ICONS.find(([re]) => re.test(allText))?.[1] ?? "code",
    steps,
  };
  return { understanding, reading };
}

const STAGE_CTA: Record<CodeInputBody["stage"], string> = {
  preview: "Coming soon: join the preview list.",
  demo: "Book a demo and see it on your own data.",
  shipped: "Available now: turn it on today.",
};

/** A short explainer for the audience and stage: problem → solution → how (the flow) → benefit → call to action. */
export function planCode(body: CodeInputBody): { plan: Plan; request: PlanRequest; understanding: CodeUnderstanding } {
  return planCodeFrom(understandCode(body).understanding, body);
}

/** The same storyboard from an understanding however it was written (embedded reader or LLM). */
export function planCodeFrom(u: CodeUnderstanding, body: CodeInputBody): { plan: Plan; request: PlanRequest; understanding: CodeUnderstanding } {
  const how = u.steps.slice(0, 4);
  const shot = (s: Omit<InputShot, "cameraMove" | "characters" | "dialogue"> & Partial<InputShot>): InputShot => ({
    cameraMove: "static",
    characters: [],
    dialogue: null,
    ...s,
  });
  const shots: InputShot[] = [
    shot({ narrativeRole: "problem", description: `${u.who_benefits.replace(/\.$/, "")} struggles with ${u.pain_point_addressed.toLowerCase()}`, durationSeconds: 4, shotType: "wide", notes: "Pain point" }),
    shot({ narrativeRole: "solution", description: u.what_it_does.startsWith(u.headline) ? u.what_it_does : `${u.headline}: ${u.what_it_does}`, durationSeconds: 4, shotType: "medium", notes: `Icon: ${u.suggested_icon}` }),
    ...how.map((step, i) => shot({ narrativeRole: "how", description: `Step ${i + 1}: ${step}`, durationSeconds: 3, shotType: i % 2 ? "insert" : "close-up", notes: `Step ${i + 1} of ${how.length}` })),
    shot({ narrativeRole: "benefit", description: u.business_value, durationSeconds: 4, shotType: "medium", notes: u.differentiator }),
    shot({ narrativeRole: "cta", description: `${u.headline}. ${STAGE_CTA[body.stage]}`, durationSeconds: 3, shotType: "wide", notes: `Stage: ${body.stage}` }),
  ].slice(0, LIMITS.frameCountMax);
  const { plan, request } = buildInputPlan({
    request: { prompt: clip(`${u.headline}. ${u.what_it_does}`, LIMITS.promptMaxChars), title: body.title ?? u.headline, style: body.style, aspectRatio: body.aspectRatio },
    title: u.headline,
    logline: `${u.what_it_does} For ${u.who_benefits.replace(/\.$/, "").toLowerCase()}.`,
    form: "explainer",
    characters: [],
    shots,
  });
  return { plan, request, understanding: u };
}
