"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from "react";
import { cssAspect } from "@/components/storyboard/aspect";
import { useHydrated } from "@/components/ui/use-hydrated";
import { cn } from "@/components/ui/cn";
import { ArrowLeftIcon, ChevronLeftIcon, ChevronRightIcon, ExpandIcon, PauseIcon, PlayIcon } from "@/components/ui/icons";
import { aspectValue, cameraLabel, formatSeconds, shotLabel } from "@/lib/export/labels";
import type { StoryboardDto } from "@/lib/storyboards/dto";
import { frameCounter, frameIndexFromParam, kenBurnsAnimation, presentKeyAction } from "./present-logic";

const FADE_MS = 600;

/**
 * One frame at a time, full screen. Autoplay is an animatic: each frame holds for its scene's
 * duration, timed by the hairline's CSS animation (its `animationend` advances), so pausing the
 * animation pauses the show and nothing polls a clock.
 */
export function Presentation({ storyboard, initialIndex }: { storyboard: StoryboardDto; initialIndex: number }) {
  const router = useRouter();
  const scenes = storyboard.scenes;
  const count = scenes.length;
  const editorHref = `/storyboards/${storyboard.id}`;
  const [index, setIndex] = useState(initialIndex);
  const [previous, setPrevious] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const stripRef = useRef<HTMLOListElement>(null);
  const hydrated = useHydrated();

  const go = useCallback(
    (next: number) => {
      const clamped = Math.min(count - 1, Math.max(0, next));
      if (clamped === index) return;
      setPrevious(index);
      setIndex(clamped);
    },
    [count, index],
  );

  // Next keeps this page alive while hidden; when it is shown again, start from the URL's frame.
  useLayoutEffect(() => {
    setIndex(frameIndexFromParam(new URLSearchParams(window.location.search).get("frame"), count));
    setPrevious(null);
    return () => setPlaying(false);
  }, [count]);

  // The URL follows the frame, so a reload or a shared link opens the same one.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("frame") === String(index + 1)) return;
    url.searchParams.set("frame", String(index + 1));
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }, [index]);

  useEffect(() => {
    stripRef.current
      ?.querySelector<HTMLElement>(`[data-index="${index}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [index]);

  const togglePlay = useCallback(() => {
    if (!playing && index === count - 1) go(0);
    setPlaying(!playing);
  }, [count, go, index, playing]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      // A focused button or link answers Space and Enter itself (a thumbnail jumps, Play plays).
      if (t && (t.tagName === "BUTTON" || t.tagName === "A") && (e.key === " " || e.key === "Enter")) return;
      const action = presentKeyAction(e.key);
      if (!action) return;
      e.preventDefault();
      switch (action) {
        case "next":
          go(index + 1);
          break;
        case "prev":
          go(index - 1);
          break;
        case "first":
          go(0);
          break;
        case "last":
          go(count - 1);
          break;
        case "toggle-play":
          togglePlay();
          break;
        case "fullscreen":
          toggleFullscreen();
          break;
        case "exit":
          router.push(editorHref);
          break;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count, editorHref, go, index, router, toggleFullscreen, togglePlay]);

  const scene = scenes[index];
  const ratio = aspectValue(storyboard.aspectRatio);

  if (!scene) {
    return (
      <div className="fixed inset-0 flex flex-col items-center justify-center gap-4 bg-black text-ink-300">
        <p>This storyboard has no scenes yet.</p>
        <Link href={editorHref} className="text-accent-400 hover:underline">
          Back to the editor
        </Link>
      </div>
    );
  }

  return (
    <div
      className="fixed inset-0 flex flex-col bg-black text-ink-100"
      data-testid="presentation"
      data-hydrated={hydrated || undefined}
    >
      <header className="flex h-12 shrink-0 items-center gap-3 px-3 sm:px-5">
        <Link
          href={editorHref}
          className="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm text-ink-300 hover:bg-white/10 hover:text-white"
          title="Back to the editor (Esc)"
        >
          <ArrowLeftIcon />
          Editor
        </Link>
        <h1 className="min-w-0 truncate text-sm text-ink-400">{storyboard.title}</h1>
        <p
          className="ml-auto font-mono text-sm tabular-nums tracking-wide text-ink-100"
          aria-live="polite"
          aria-atomic="true"
          data-testid="frame-counter"
        >
          <span className="sr-only">Frame </span>
          {frameCounter(index, count)}
        </p>
        <button
          type="button"
          onClick={toggleFullscreen}
          aria-label="Full screen (F)"
          title="Full screen (F)"
          className="hidden h-8 w-8 items-center justify-center rounded-md text-ink-300 hover:bg-white/10 hover:text-white sm:flex"
        >
          <ExpandIcon />
        </button>
      </header>

      <main className="relative min-h-0 flex-1 px-2 sm:px-6" style={{ containerType: "size" }}>
        <div
          className="absolute left-1/2 top-1/2 -translate-x-1/2 -translate-y-1/2 overflow-hidden bg-ink-900"
          style={{ width: `min(100cqw - 16px, calc((100cqh) * ${ratio}))`, aspectRatio: cssAspect(storyboard.aspectRatio) }}
        >
          {scenes.map((s, i) => {
            const image = s.selectedFrame?.image;
            const shown = i === index;
            const moving = shown || i === previous;
            const style: CSSProperties = {
              transitionDuration: `${FADE_MS}ms`,
              ...(moving
                ? { animation: `${kenBurnsAnimation(s.cameraMove)} ${s.durationSeconds + FADE_MS / 1000}s ease-in-out forwards` }
                : {}),
            };
            return (
              <div
                key={s.id}
                aria-hidden={!shown}
                className={cn("absolute inset-0 transition-opacity ease-in-out", shown ? "opacity-100" : "opacity-0")}
              >
                {image ? (
                  // eslint-disable-next-line @next/next/no-img-element -- stored frames, already sized for display
                  <img
                    src={image.url}
                    alt={shown ? s.description : ""}
                    className="h-full w-full object-cover will-change-transform"
                    style={style}
                    decoding="async"
                    loading={Math.abs(i - index) <= 2 ? "eager" : "lazy"}
                  />
                ) : (
                  <div className="frame-marks flex h-full w-full items-center justify-center bg-ink-900 text-sm text-ink-500">
                    Frame not drawn yet
                  </div>
                )}
              </div>
            );
          })}
          {playing && (
            <span
              key={`${index}-hold`}
              aria-hidden="true"
              className="motion-timer absolute inset-x-0 bottom-0 h-[2px] origin-left bg-accent-500/90"
              style={
                {
                  animation: `hold ${scene.durationSeconds}s linear forwards`,
                  "--timer-duration": `${scene.durationSeconds}s`,
                } as CSSProperties
              }
              onAnimationEnd={() => {
                if (index < count - 1) go(index + 1);
                else setPlaying(false);
              }}
            />
          )}
        </div>
      </main>

      <section aria-label="Caption" className="mx-auto w-full max-w-3xl shrink-0 px-5 pb-1 pt-4 text-center">
        <p className="text-[11px] uppercase tracking-[0.14em] text-ink-500">
          {shotLabel(scene.shotType)} · {cameraLabel(scene.cameraMove)} · {formatSeconds(scene.durationSeconds)}
        </p>
        <p className="mt-1.5 line-clamp-3 text-[15px] leading-snug text-ink-100 sm:text-base" data-testid="caption">
          {scene.description}
        </p>
        {scene.dialogue && <p className="mt-1.5 line-clamp-2 text-sm italic text-ink-300">“{scene.dialogue}”</p>}
      </section>

      <nav aria-label="Frames" className="shrink-0 px-3 pb-3 pt-3 sm:px-5">
        <div className="flex items-center justify-center gap-2">
          <button
            type="button"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label="Previous frame (←)"
            className="flex h-9 w-9 items-center justify-center rounded-full text-ink-200 hover:bg-white/10 disabled:opacity-30"
          >
            <ChevronLeftIcon size={18} />
          </button>
          <button
            type="button"
            onClick={togglePlay}
            aria-label={playing ? "Pause (Space)" : "Play animatic (Space)"}
            aria-pressed={playing}
            className="flex h-10 w-10 items-center justify-center rounded-full bg-white/10 text-white hover:bg-white/20"
          >
            {playing ? <PauseIcon size={16} /> : <PlayIcon size={16} />}
          </button>
          <button
            type="button"
            onClick={() => go(index + 1)}
            disabled={index === count - 1}
            aria-label="Next frame (→)"
            className="flex h-9 w-9 items-center justify-center rounded-full text-ink-200 hover:bg-white/10 disabled:opacity-30"
          >
            <ChevronRightIcon size={18} />
          </button>
        </div>
        <ol ref={stripRef} className="mx-auto mt-3 flex max-w-full gap-1.5 overflow-x-auto pb-1 sm:justify-center">
          {scenes.map((s, i) => (
            <li key={s.id} className="shrink-0">
              <button
                type="button"
                data-index={i}
                onClick={() => go(i)}
                aria-label={`Go to frame ${i + 1}`}
                aria-current={i === index ? "true" : undefined}
                className={cn(
                  "block h-10 overflow-hidden rounded-sm opacity-50 ring-1 ring-white/10 transition hover:opacity-90 sm:h-12",
                  i === index && "opacity-100 ring-2 ring-accent-500",
                )}
                style={{ aspectRatio: cssAspect(storyboard.aspectRatio) }}
              >
                {s.selectedFrame?.image ? (
                  // eslint-disable-next-line @next/next/no-img-element -- thumbnails
                  <img src={s.selectedFrame.image.thumbnailUrl} alt="" className="h-full w-full object-cover" />
                ) : (
                  <span className="block h-full w-full bg-ink-800" />
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
