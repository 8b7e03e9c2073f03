"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { createStoryboard, generateFrames } from "@/components/api/storyboards-api";
import { errorMessage, isApiError } from "@/components/api/fetch-json";
import { progressKey, storyboardKey } from "@/components/storyboard/query-keys";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SparkIcon } from "@/components/ui/icons";
import { RADIO_CARD_FOCUS, RadioCardGroup } from "@/components/ui/radio-card-group";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { useHydrated } from "@/components/ui/use-hydrated";
import { aspectValue, styleLabel } from "@/lib/export/labels";
import { ASPECT_RATIOS, defaultSceneCount, LIMITS, STYLE_PRESETS, type AspectRatio, type StylePreset } from "@/lib/planner/constants";
import type { PlanRequestInput } from "@/lib/planner/schema";
import { EXAMPLE_IDEAS } from "./example-ideas";
import { issuesToFieldErrors, planRequestHints, type FieldErrors } from "./form-errors";
import { sketchLookOf } from "@/lib/sketch-looks";
import { STYLE_SWATCHES } from "./style-swatches";

const LENGTHS = [15, 30, 60] as const;
type LengthChoice = (typeof LENGTHS)[number] | "custom";
const LENGTH_CHOICES: readonly LengthChoice[] = [...LENGTHS, "custom"];
const FRAME_COUNTS = Array.from({ length: LIMITS.frameCountMax - LIMITS.frameCountMin + 1 }, (_, i) => String(i + LIMITS.frameCountMin));
type Phase = "idle" | "planning" | "starting";

const FIELD_MESSAGES: Partial<Record<string, string>> = {
  targetDuration: `Choose a length from ${LIMITS.durationMin} to ${LIMITS.durationMax} seconds.`,
  frameCount: `Choose from ${LIMITS.frameCountMin} to ${LIMITS.frameCountMax} frames.`,
};

/** Fields that show their own error message. */
const FIELDS_SHOWN = new Set(["prompt", "targetDuration", "frameCount"]);

/** Zod's number messages read like a type checker; the form says it in words. */
function friendly(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...errors };
  for (const key of Object.keys(out)) if (FIELD_MESSAGES[key]) out[key] = FIELD_MESSAGES[key];
  return out;
}

function RatioBox({ ratio, active }: { ratio: AspectRatio; active: boolean }) {
  const v = aspectValue(ratio);
  const max = 26;
  const w = v >= 1 ? max : max * v;
  const h = v >= 1 ? max / v : max;
  return (
    <span className="flex h-7 w-9 items-center justify-center" aria-hidden="true">
      <span
        className={cn("block rounded-[2px] border-[1.5px]", active ? "border-accent-400 bg-accent-500/15" : "border-ink-400")}
        style={{ width: w, height: h }}
      />
    </span>
  );
}

export function NewStoryboardForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = useId();
  const ideaRef = useRef<HTMLTextAreaElement>(null);
  const customRef = useRef<HTMLInputElement>(null);

  const [idea, setIdea] = useState("");
  const [style, setStyle] = useState<StylePreset>("pencil-sketch");
  const [aspectRatio, setAspectRatio] = useState<AspectRatio>("16:9");
  const [length, setLength] = useState<LengthChoice>(30);
  const [customLength, setCustomLength] = useState("45");
  const [frameCount, setFrameCount] = useState<"auto" | number>("auto");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phase, setPhase] = useState<Phase>("idle");
  const [elapsed, setElapsed] = useState(0);
  const navigating = useRef(false);
  const hydrated = useHydrated();

  const targetDuration = length === "custom" ? Number(customLength) : length;
  const autoCount = Number.isFinite(targetDuration) && targetDuration > 0 ? defaultSceneCount(targetDuration) : null;
  const busy = phase !== "idle";
  const frameOptions = [
    { value: "auto", label: `Auto${autoCount ? ` · ${autoCount}` : ""}` },
    ...FRAME_COUNTS.map((n) => ({ value: n, label: `${n} frames` })),
  ];

  // The clock on the button while a (possibly slow) planner works. A display timer, not a poll.
  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => {
      clearInterval(t);
      setElapsed(0);
    };
  }, [busy]);

  // Next keeps this page alive (hidden) after we navigate away; come back to a fresh form.
  useLayoutEffect(() => {
    return () => {
      if (navigating.current) {
        navigating.current = false;
        setPhase("idle");
        setIdea("");
        setErrors({});
      }
    };
  }, []);

  const create = useMutation({
    mutationFn: (input: PlanRequestInput) => createStoryboard(input),
  });

  function buildInput(): PlanRequestInput {
    return {
      prompt: idea,
      style,
      aspectRatio,
      targetDuration: length === "custom" ? (customLength.trim() === "" ? Number.NaN : Number(customLength)) : length,
      ...(frameCount === "auto" ? {} : { frameCount }),
    };
  }

  function focusFirstError(errs: FieldErrors) {
    if (errs.prompt) ideaRef.current?.focus();
    else if (errs.targetDuration) customRef.current?.focus();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    // Hints from the schema's own limits first (no request for an empty idea); the server validates
    // everything again (planRequestSchema) and its 400 issues come back below as field errors.
    const input = buildInput();
    const hints = friendly(planRequestHints({ prompt: input.prompt, targetDuration: Number(input.targetDuration), frameCount: input.frameCount }));
    if (Object.keys(hints).length > 0) {
      setErrors(hints);
      focusFirstError(hints);
      return;
    }
    setErrors({});
    setPhase("planning");
    try {
      const storyboard = await create.mutateAsync(input);
      queryClient.setQueryData(storyboardKey(storyboard.id), storyboard);
      setPhase("starting");
      try {
        // Start drawing before the editor opens, so its first poll already sees frames in flight.
        const started = await generateFrames(storyboard.id);
        queryClient.setQueryData(progressKey(storyboard.id), started.progress);
      } catch (err) {
        toast.show({
          tone: "error",
          message: `Your storyboard is planned, but its frames did not start: ${errorMessage(err)} Use “Generate all” in the editor.`,
        });
      }
      navigating.current = true;
      router.push(`/storyboards/${storyboard.id}`);
    } catch (err) {
      setPhase("idle");
      if (isApiError(err) && err.issues.length > 0) {
        const errs = friendly(issuesToFieldErrors(err.issues));
        // Said beside the field it belongs to; the whole message only when a field has no place here.
        const unplaced = Object.keys(errs).some((k) => !FIELDS_SHOWN.has(k));
        setErrors(unplaced ? { ...errs, form: err.message } : errs);
        focusFirstError(errs);
      } else {
        setErrors({ form: errorMessage(err) });
      }
    }
  }

  const planningLabel =
    phase === "starting" ? "Starting the frames…" : `Planning your storyboard…${elapsed >= 1 ? ` ${elapsed} s` : ""}`;
  // A bar that creeps toward the end while planning: honest about "working", not about a percentage.
  const planFraction = phase === "starting" ? 0.96 : phase === "planning" ? 0.9 * (1 - Math.exp(-elapsed / 6)) + 0.04 : 0;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      data-hydrated={hydrated || undefined}
      aria-describedby={errors.form ? `${ids}-form-error` : undefined}>
      <fieldset disabled={busy} className="grid gap-x-10 gap-y-8 lg:grid-cols-[minmax(0,1fr)_400px]">
        <legend className="sr-only">New storyboard</legend>

        <div className="flex flex-col">
          <label htmlFor={`${ids}-idea`} className="text-sm font-medium text-ink-200">
            Your idea
          </label>
          <p id={`${ids}-idea-hint`} className="mt-1 text-sm text-ink-400">
            A sentence or a page: an ad, a short-film beat, a folk tale, an explainer.
          </p>
          <textarea
            ref={ideaRef}
            id={`${ids}-idea`}
            name="prompt"
            value={idea}
            onChange={(e) => {
              setIdea(e.target.value);
              if (errors.prompt) setErrors((x) => ({ ...x, prompt: undefined }));
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
            rows={7}
            maxLength={LIMITS.promptMaxChars + 200}
            placeholder="A lighthouse keeper finds a message in a bottle written by her younger self…"
            aria-invalid={!!errors.prompt}
            aria-describedby={`${ids}-idea-hint ${errors.prompt ? `${ids}-idea-error` : ""}`}
            className={cn(
              "mt-3 min-h-44 w-full flex-1 resize-y rounded-lg bg-ink-900 px-4 py-3 text-[15px] leading-relaxed text-ink-100 ring-1 ring-ink-700 placeholder:text-ink-500 focus:outline-none focus:ring-2 focus:ring-accent-500/70 disabled:opacity-60",
              errors.prompt && "ring-danger-500/70",
            )}
          />
          <div className="mt-2 flex min-h-5 items-start justify-between gap-4 text-xs">
            {errors.prompt ? (
              <p id={`${ids}-idea-error`} className="text-danger-400">
                {errors.prompt}
              </p>
            ) : (
              <span />
            )}
            <span className={cn("tabular-nums text-ink-500", idea.length > LIMITS.promptMaxChars && "text-danger-400")}>
              {idea.length.toLocaleString("en")} / {LIMITS.promptMaxChars.toLocaleString("en")}
            </span>
          </div>
          <div className="mt-3">
            <p className="text-xs text-ink-400" id={`${ids}-examples`}>
              Start from an example
            </p>
            <ul className="mt-2 flex flex-wrap gap-2" aria-labelledby={`${ids}-examples`}>
              {EXAMPLE_IDEAS.map((ex) => (
                <li key={ex.label}>
                  <button
                    type="button"
                    onClick={() => {
                      setIdea(ex.idea);
                      setErrors((x) => ({ ...x, prompt: undefined }));
                      ideaRef.current?.focus();
                    }}
                    title={ex.idea}
                    className="rounded-full bg-ink-850 px-3 py-1.5 text-xs text-ink-200 ring-1 ring-ink-700 transition-colors hover:bg-ink-800 hover:text-ink-100 hover:ring-ink-600"
                  >
                    {ex.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>

        <div className="flex flex-col gap-6">
          <RadioCardGroup
            legend="Style"
            name="style"
            options={STYLE_PRESETS}
            value={style}
            onChange={setStyle}
            className="grid grid-cols-4 gap-2"
            itemClassName="group"
            renderCard={(preset) => (
              <>
                <span
                  className={cn(
                    "block aspect-[4/3] overflow-hidden rounded-md ring-1 ring-ink-700 transition group-hover:ring-ink-500 peer-checked:ring-2 peer-checked:ring-accent-500",
                    RADIO_CARD_FOCUS,
                  )}
                  style={STYLE_SWATCHES[preset]}
                  aria-hidden="true"
                />
                <span className="mt-1.5 block truncate text-center text-[11px] text-ink-400 peer-checked:text-ink-100">
                  {styleLabel(preset)}
                </span>
              </>
            )}
          />
          {/* What the embedded renderer draws for this style, so no one expects a photoreal frame from a rough. */}
          <p className="-mt-4 text-[11px] leading-snug text-ink-400" aria-live="polite" data-testid="style-look-hint">
            {sketchLookOf(style).hint}
          </p>

          <RadioCardGroup
            legend="Aspect ratio"
            name="aspectRatio"
            options={ASPECT_RATIOS}
            value={aspectRatio}
            onChange={setAspectRatio}
            className="grid grid-cols-5 gap-2"
            renderCard={(ratio, checked) => (
              <span
                className={cn(
                  "flex flex-col items-center gap-1 rounded-md bg-ink-900 py-2 text-[11px] tabular-nums text-ink-400 ring-1 ring-ink-700 transition hover:ring-ink-500 peer-checked:bg-ink-850 peer-checked:text-ink-100 peer-checked:ring-accent-500",
                  RADIO_CARD_FOCUS,
                )}
              >
                <RatioBox ratio={ratio} active={checked} />
                {ratio}
              </span>
            )}
          />

          <div className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2">
            <RadioCardGroup
              legend="Length"
              name="length"
              options={LENGTH_CHOICES}
              value={length}
              onChange={(choice) => {
                setLength(choice);
                setErrors((x) => ({ ...x, targetDuration: undefined }));
                if (choice === "custom") requestAnimationFrame(() => customRef.current?.select());
              }}
              className="flex flex-wrap items-center gap-1.5"
              renderCard={(choice) => (
                <span
                  className={cn(
                    "block rounded-md bg-ink-900 px-2.5 py-1.5 text-xs tabular-nums text-ink-300 ring-1 ring-ink-700 transition hover:ring-ink-500 peer-checked:bg-ink-850 peer-checked:text-ink-100 peer-checked:ring-accent-500",
                    RADIO_CARD_FOCUS,
                  )}
                >
                  {choice === "custom" ? "Custom" : `${choice} s`}
                </span>
              )}
            >
              {length === "custom" && (
                <span className="flex items-center gap-1.5 text-xs text-ink-400">
                  <input
                    ref={customRef}
                    type="number"
                    inputMode="numeric"
                    min={LIMITS.durationMin}
                    max={LIMITS.durationMax}
                    value={customLength}
                    onChange={(e) => {
                      setCustomLength(e.target.value);
                      setErrors((x) => ({ ...x, targetDuration: undefined }));
                    }}
                    aria-label="Custom length in seconds"
                    aria-invalid={!!errors.targetDuration}
                    aria-describedby={errors.targetDuration ? `${ids}-length-error` : undefined}
                    className={cn(
                      "h-7 w-16 rounded-md bg-ink-900 px-2 text-xs tabular-nums text-ink-100 ring-1 ring-ink-700 focus:outline-none focus:ring-2 focus:ring-accent-500/70",
                      errors.targetDuration && "ring-danger-500/70",
                    )}
                  />
                  s
                </span>
              )}
            </RadioCardGroup>
            <div>
              <label htmlFor={`${ids}-frames`} className="text-sm font-medium text-ink-200">
                Frames
              </label>
              <Select
                id={`${ids}-frames`}
                value={String(frameCount)}
                options={frameOptions}
                onValueChange={(v) => setFrameCount(v === "auto" ? "auto" : Number(v))}
                className="mt-3 block h-[30px] px-2 text-xs"
              />
            </div>
            {(errors.targetDuration || errors.frameCount) && (
              <p id={`${ids}-length-error`} className="col-span-2 text-xs text-danger-400">
                {errors.targetDuration ?? errors.frameCount}
              </p>
            )}
          </div>

          <div className="mt-auto">
            {errors.form && (
              <p
                id={`${ids}-form-error`}
                role="alert"
                className="mb-3 rounded-md bg-danger-950 px-3 py-2 text-sm text-danger-400 ring-1 ring-danger-500/30"
              >
                {errors.form}
              </p>
            )}
            <button
              type="submit"
              aria-disabled={busy}
              className={buttonClasses(
                "primary",
                "md",
                "relative h-11 w-full overflow-hidden text-[15px] disabled:cursor-progress disabled:bg-ink-800 disabled:text-ink-100",
              )}
            >
              {busy && (
                <span
                  aria-hidden="true"
                  className="absolute inset-y-0 left-0 bg-accent-500/25 transition-[width] duration-700 ease-out"
                  style={{ width: `${planFraction * 100}%` }}
                />
              )}
              <span className="relative flex items-center gap-2">
                {!busy && <SparkIcon />}
                {busy ? planningLabel : "Plan storyboard"}
              </span>
            </button>
            <p className="mt-2 min-h-4 text-center text-xs text-ink-500" aria-live="polite">
              {phase === "planning" && elapsed >= 6
                ? "Writing scenes, shots and timing. A language model can take up to half a minute."
                : phase === "planning"
                  ? "Writing scenes, shots and timing…"
                  : phase === "starting"
                    ? "Planned. Opening the editor while the frames draw."
                    : "⌘/Ctrl + Enter plans it"}
            </p>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
