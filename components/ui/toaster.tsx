"use client";

import dynamic from "next/dynamic";
import type { CSSProperties, ReactNode } from "react";
import { cn } from "./cn";
import { AlertIcon, CheckIcon, XIcon } from "./icons";

// Toasts are sonner's (stacking, timing, swipe, the Alt+T hotkey, the live region) drawn in our own
// markup. Sonner (~9 kB gzipped) is not in any page's first-load JS: the <Toaster> is loaded after
// hydration, and `toast.show` imports the same module on first use. Sonner replays toasts created
// before its Toaster subscribed, so a toast raised in the first instant is not lost.

export type ToastTone = "info" | "success" | "error";

export type ToastInput = {
  message: ReactNode;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it leaves by itself; null keeps it until dismissed. */
  durationMs?: number | null;
  /** Draw a bar that empties over the duration (undo windows). */
  showTimer?: boolean;
  /** Replace an existing toast with the same key instead of stacking another. */
  key?: string;
};

let sonner: Promise<typeof import("sonner")> | null = null;
const loadSonner = () => (sonner ??= import("sonner"));
let nextId = 0;

export const toast = {
  /** Shows a toast; the id it returns dismisses it. */
  show(input: ToastInput): string {
    const id = input.key ?? `t${++nextId}`;
    const tone = input.tone ?? "info";
    const durationMs = input.durationMs === undefined ? (tone === "error" ? 8000 : 4000) : input.durationMs;
    // A timed toast with a bar (an undo window) must not outlive what the bar promises, and sonner
    // pauses its timers on hover: such a toast waits for the caller to dismiss it, as the undo does.
    const duration = durationMs === null || input.showTimer ? Number.POSITIVE_INFINITY : durationMs;
    void loadSonner().then(({ toast: s }) =>
      s.custom((sid) => <ToastView {...input} tone={tone} durationMs={durationMs} onDismiss={() => s.dismiss(sid)} />, { id, duration }),
    );
    return id;
  },
  dismiss(id: string): void {
    void loadSonner().then(({ toast: s }) => s.dismiss(id));
  },
};

const SonnerToaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

/** Mounted once, in the root providers. */
export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-left"
      visibleToasts={4}
      containerAriaLabel="Notifications"
      toastOptions={{ unstyled: true, className: "w-full" }}
      style={{ "--width": "min(28rem, calc(100vw - 2rem))" } as CSSProperties}
    />
  );
}

function ToastView(props: ToastInput & { tone: ToastTone; durationMs: number | null; onDismiss: () => void }) {
  const { tone, message, action, durationMs, showTimer, onDismiss } = props;
  return (
    <div
      className={cn(
        "relative flex w-full items-start gap-3 overflow-hidden rounded-lg bg-ink-800 px-3.5 py-3 text-sm text-ink-100 shadow-2xl shadow-black/50 ring-1 ring-ink-700",
        tone === "error" && "ring-danger-500/40",
      )}
    >
      <span className="mt-0.5 shrink-0">
        {tone === "error" ? (
          <AlertIcon className="text-danger-400" />
        ) : tone === "success" ? (
          <CheckIcon className="text-ok-400" />
        ) : (
          <span className="mt-1.5 block h-1.5 w-1.5 rounded-full bg-accent-500" />
        )}
      </span>
      {/* Errors interrupt (role=alert); the rest are read politely by sonner's live region. */}
      <div role={tone === "error" ? "alert" : undefined} className="min-w-0 flex-1 leading-snug">
        {message}
      </div>
      {action && (
        <button
          type="button"
          onClick={() => {
            action.onClick();
            onDismiss();
          }}
          className="-my-1 shrink-0 rounded-md px-2 py-1 font-medium text-accent-400 hover:bg-ink-700"
        >
          {action.label}
        </button>
      )}
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss notification"
        className="-my-1 -mr-1 shrink-0 rounded-md p-1 text-ink-400 hover:bg-ink-700 hover:text-ink-100"
      >
        <XIcon size={14} />
      </button>
      {showTimer && durationMs !== null && (
        <span
          aria-hidden="true"
          className="motion-timer absolute inset-x-0 bottom-0 h-0.5 origin-left bg-accent-500/70"
          style={{ animation: `drain ${durationMs}ms linear forwards`, "--timer-duration": `${durationMs}ms` } as CSSProperties}
        />
      )}
    </div>
  );
}
