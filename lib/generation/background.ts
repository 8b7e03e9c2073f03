import "server-only";
import { after } from "next/server";

// Work a request starts but does not wait for: sync-mode creates, finalizations, animatic renders.
// Inside a Next request it is handed to after(), which keeps a serverless function alive until
// it settles (waitUntil); outside one (scripts, tests calling a handler directly) it simply runs.
// Either way it is tracked here, so tests and the bench can wait for the process to go quiet.

// One registry per process, even when the module is loaded twice (dev server, test module resets).
const REGISTRY = Symbol.for("storyframe.background-work");
const pending: Set<Promise<void>> = ((globalThis as Record<symbol, unknown>)[REGISTRY] as Set<Promise<void>> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY] = new Set<Promise<void>>());

/** Starts `task` now and lets the response leave without it; a failure is logged, never thrown. */
export function runInBackground(label: string, task: () => Promise<unknown>): void {
  const work: Promise<void> = Promise.resolve()
    .then(task)
    .then(
      () => {},
      (e: unknown) => console.error(`Background work failed (${label})`, e),
    )
    .finally(() => pending.delete(work));
  pending.add(work);
  try {
    after(work);
  } catch {
    // Not inside a request scope: nothing to extend; the promise runs on its own.
  }
}

/** Resolves once no background work is left (work started meanwhile is waited for too). */
export async function backgroundIdle(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/** How many background tasks are still running (diagnostics and tests). */
export const backgroundCount = () => pending.size;
