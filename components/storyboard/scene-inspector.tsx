"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ChevronLeftIcon, ChevronRightIcon, RefreshIcon, TrashIcon, XIcon } from "@/components/ui/icons";
import { optionsOf, Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { errorMessage } from "@/components/api/fetch-json";
import type { ScenePatch } from "@/components/api/storyboards-api";
import { cameraLabel, sceneNumber, shotLabel } from "@/lib/export/labels";
import { CAMERA_MOVES, LIMITS, SHOT_TYPES, type AspectRatio, type CameraMove, type ShotType } from "@/lib/planner/constants";
import type { SceneDto } from "@/lib/storyboards/dto";
import { cssAspect } from "./aspect";
import type { SaveStatus } from "./draft-field";
import { FrameView } from "./frame-view";
import { sceneFrameState } from "./scene-state";
import { sceneFieldError, sceneSaveError } from "./scene-field-error";
import { useDraftField } from "./use-draft-field";

type Props = {
  scene: SceneDto;
  index: number;
  count: number;
  aspectRatio: AspectRatio;
  starting: boolean;
  /** Focus the description when the panel opens (a scene just added). */
  focusDescription: boolean;
  save: (sceneId: string, patch: ScenePatch) => Promise<void>;
  onSelectFrame: (sceneId: string, frameId: string) => void;
  onGenerate: (sceneId: string) => void;
  onCancel: (frameId: string) => void;
  onDelete: (sceneId: string) => void;
  onClose: () => void;
  onStep: (delta: -1 | 1) => void;
};

function StatusNote({ status, error, onRetry }: { status: SaveStatus; error: string | null; onRetry: () => void }) {
  if (error && status !== "error") return <span className="text-danger-400">{error}</span>;
  switch (status) {
    case "saving":
      return <span className="text-ink-400">Saving…</span>;
    case "unsaved":
      return <span className="text-ink-500">Edited</span>;
    case "saved":
      return <span className="text-ok-400">Saved</span>;
    case "error":
      return (
        <span className="text-danger-400">
          Not saved: {error}{" "}
          <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2 hover:text-danger-400">
            Retry
          </button>
        </span>
      );
    default:
      return null;
  }
}

type TextFieldProps = {
  label: string;
  serverValue: string;
  save: (value: string) => Promise<void>;
  validate?: (value: string) => string | null;
  rows?: number;
  mono?: boolean;
  placeholder?: string;
  inputRef?: React.Ref<HTMLTextAreaElement>;
  hint?: ReactNode;
};

function TextField({ label, serverValue, save, validate, rows = 3, mono, placeholder, inputRef, hint }: TextFieldProps) {
  const id = useId();
  const f = useDraftField({ serverValue, save, validate });
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-xs font-medium text-ink-300">
          {label}
        </label>
        <span className="text-[11px]" aria-live="polite" id={`${id}-status`}>
          <StatusNote status={f.status} error={f.error} onRetry={f.retry} />
        </span>
      </div>
      <textarea
        ref={inputRef}
        id={id}
        value={f.value}
        onChange={(e) => f.onChange(e.target.value)}
        onFocus={f.onFocus}
        onBlur={f.onBlur}
        rows={rows}
        placeholder={placeholder}
        aria-invalid={f.invalid || f.status === "error"}
        aria-describedby={`${id}-status`}
        className={cn(
          "mt-1.5 block w-full resize-y rounded-md bg-ink-950 px-2.5 py-2 text-[13px] leading-relaxed text-ink-100 ring-1 ring-ink-700 placeholder:text-ink-600 focus:outline-none focus:ring-2 focus:ring-accent-500/70",
          mono && "font-mono text-xs leading-relaxed text-ink-200",
          (f.invalid || f.status === "error") && "ring-danger-500/60",
        )}
      />
      {hint && <p className="mt-1 text-[11px] text-ink-500">{hint}</p>}
    </div>
  );
}

function DurationField({ serverValue, save }: { serverValue: number; save: (v: number) => Promise<void> }) {
  const id = useId();
  const f = useDraftField({
    serverValue: String(serverValue),
    save: (v) => save(Number(v)),
    validate: (v) => sceneFieldError("durationSeconds", v.trim() === "" ? Number.NaN : Number(v)),
  });
  return (
    <div>
      <label htmlFor={id} className="text-xs font-medium text-ink-300">
        Duration
      </label>
      <div className="relative mt-1.5">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={0.5}
          min={LIMITS.sceneSecondsMin}
          max={LIMITS.sceneSecondsMax}
          value={f.value}
          onChange={(e) => f.onChange(e.target.value)}
          onFocus={f.onFocus}
          onBlur={f.onBlur}
          aria-invalid={f.invalid || f.status === "error"}
          aria-describedby={`${id}-status`}
          className={cn(
            "block h-9 w-full rounded-md bg-ink-950 pl-2.5 pr-6 text-[13px] tabular-nums text-ink-100 ring-1 ring-ink-700 focus:outline-none focus:ring-2 focus:ring-accent-500/70",
            (f.invalid || f.status === "error") && "ring-danger-500/60",
          )}
        />
        <span className="pointer-events-none absolute right-2.5 top-1/2 -translate-y-1/2 text-xs text-ink-500">s</span>
      </div>
      <p className="mt-1 min-h-4 text-[11px]" id={`${id}-status`} aria-live="polite">
        <StatusNote status={f.status} error={f.error} onRetry={f.retry} />
      </p>
    </div>
  );
}

function SelectField<T extends string>({
  label,
  value,
  options,
  format,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  format: (v: T) => string;
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="text-xs font-medium text-ink-300">
        {label}
      </label>
      <Select
        id={id}
        value={value}
        options={optionsOf(options, format)}
        onValueChange={onChange}
        className="mt-1.5 block h-9 w-full bg-ink-950 px-2 text-[13px]"
      />
    </div>
  );
}

/** The side panel (a full-screen sheet on phones) where a scene is edited. Every field saves itself. */
export function SceneInspector({
  scene,
  index,
  count,
  aspectRatio,
  starting,
  focusDescription,
  save,
  onSelectFrame,
  onGenerate,
  onCancel,
  onDelete,
  onClose,
  onStep,
}: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const n = index + 1;
  const state = starting ? "drawing" : sceneFrameState(scene);
  const selectedId = scene.selectedFrame?.id ?? null;

  useEffect(() => {
    if (focusDescription) {
      descriptionRef.current?.focus();
      descriptionRef.current?.select();
    } else {
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [focusDescription]);

  // A refused save shows the server's words for it under the field.
  const saveField = (patch: ScenePatch) =>
    save(scene.id, patch).catch((e: unknown) => {
      throw sceneSaveError(e);
    });
  const saveNow = (patch: ScenePatch, what: string) =>
    save(scene.id, patch).catch((e) => toast.show({ tone: "error", message: `Couldn't change the ${what}: ${errorMessage(e)}` }));

  const orNull = (v: string) => (v.trim() === "" ? null : v);

  return (
    <aside
      aria-labelledby="inspector-title"
      className="fixed inset-0 z-40 flex flex-col overflow-hidden bg-ink-900 lg:static lg:z-auto lg:w-[400px] lg:shrink-0 lg:border-l lg:border-ink-800 xl:w-[440px]"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !(e.target instanceof HTMLSelectElement)) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="flex h-12 shrink-0 items-center gap-1 border-b border-ink-800 px-3">
        <h2
          id="inspector-title"
          ref={headingRef}
          tabIndex={-1}
          className="mr-auto text-sm font-medium text-ink-100 focus:outline-none"
        >
          Scene <span className="font-mono tabular-nums">{sceneNumber(n, count)}</span>
          <span className="font-normal text-ink-500"> of {count}</span>
        </h2>
        <Button size="icon-sm" variant="ghost" onClick={() => onStep(-1)} disabled={index === 0} aria-label="Previous scene">
          <ChevronLeftIcon />
        </Button>
        <Button size="icon-sm" variant="ghost" onClick={() => onStep(1)} disabled={index === count - 1} aria-label="Next scene">
          <ChevronRightIcon />
        </Button>
        <Button size="icon-sm" variant="ghost" onClick={onClose} aria-label="Close scene details" className="ml-1">
          <XIcon />
        </Button>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        <div className="p-4">
          <div className="relative overflow-hidden rounded-md bg-black" style={{ aspectRatio: cssAspect(aspectRatio) }}>
            <FrameView
              scene={scene}
              starting={starting}
              onGenerate={() => onGenerate(scene.id)}
              onCancel={onCancel}
              priority
            />
          </div>

          <div className="mt-3 flex items-center gap-2">
            <Button size="sm" onClick={() => onGenerate(scene.id)} disabled={state === "drawing"}>
              <RefreshIcon size={13} /> {state === "failed" ? "Retry" : "Regenerate"}
            </Button>
            <span className="flex-1" />
            <Button size="sm" variant="ghost" onClick={() => onDelete(scene.id)} className="hover:text-danger-400">
              <TrashIcon size={13} /> Delete scene
            </Button>
          </div>

          {scene.variations.length > 0 && (
            <section aria-labelledby="variations-title" className="mt-4">
              <h3 id="variations-title" className="text-xs font-medium text-ink-300">
                Variations <span className="font-normal tabular-nums text-ink-500">({scene.variations.length})</span>
              </h3>
              <ul className="mt-2 flex gap-2 overflow-x-auto pb-1" data-testid="variations">
                {scene.variations.map((f, i) => {
                  const active = f.id === selectedId;
                  return (
                    <li key={f.id} className="shrink-0">
                      <button
                        type="button"
                        onClick={() => !active && onSelectFrame(scene.id, f.id)}
                        aria-pressed={active}
                        aria-label={`Variation ${scene.variations.length - i}${active ? " (shown)" : ""}`}
                        className={cn(
                          "relative block h-14 overflow-hidden rounded ring-1 ring-ink-700 transition hover:ring-ink-400",
                          active && "ring-2 ring-accent-500 hover:ring-accent-500",
                        )}
                        style={{ aspectRatio: cssAspect(aspectRatio) }}
                      >
                        {f.image && (
                          // eslint-disable-next-line @next/next/no-img-element -- pre-sized thumbnails
                          <img src={f.image.thumbnailUrl} alt="" className="h-full w-full object-cover" />
                        )}
                        <span className="absolute bottom-0.5 right-0.5 rounded-sm bg-black/70 px-1 font-mono text-[10px] text-white">
                          v{scene.variations.length - i}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          <div className="mt-5 flex flex-col gap-4 border-t border-ink-800 pt-4">
            <TextField
              label="Description"
              serverValue={scene.description}
              save={(v) => saveField({ description: v })}
              validate={(v) => sceneFieldError("description", v)}
              rows={3}
              inputRef={descriptionRef}
            />
            <TextField
              label="Image prompt"
              serverValue={scene.imagePrompt}
              save={(v) => saveField({ imagePrompt: v })}
              validate={(v) => sceneFieldError("imagePrompt", v)}
              rows={4}
              mono
              hint="What the image model is asked for. Regenerate to see a change."
            />
            <div className="grid grid-cols-3 gap-3">
              <DurationField serverValue={scene.durationSeconds} save={(v) => saveField({ durationSeconds: v })} />
              <SelectField<ShotType>
                label="Shot"
                value={scene.shotType}
                options={SHOT_TYPES}
                format={shotLabel}
                onChange={(v) => saveNow({ shotType: v }, "shot")}
              />
              <SelectField<CameraMove>
                label="Camera"
                value={scene.cameraMove}
                options={CAMERA_MOVES}
                format={cameraLabel}
                onChange={(v) => saveNow({ cameraMove: v }, "camera move")}
              />
            </div>
            <TextField
              label="Dialogue"
              serverValue={scene.dialogue ?? ""}
              save={(v) => saveField({ dialogue: orNull(v) })}
              validate={(v) => sceneFieldError("dialogue", orNull(v))}
              rows={2}
              placeholder="Lines or voice-over, if any"
            />
            <TextField
              label="Notes"
              serverValue={scene.notes ?? ""}
              save={(v) => saveField({ notes: orNull(v) })}
              validate={(v) => sceneFieldError("notes", orNull(v))}
              rows={2}
              placeholder="Sound, props, anything for the crew"
            />
          </div>
        </div>
      </div>
    </aside>
  );
}
