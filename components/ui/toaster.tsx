"use client";

import dynamic from "next/dynamic";
import type { CSSProperties, ReactNode } from "react";

// Toasts are sonner's (stacking, timing, swipe, the Alt+T hotkey, the live region) drawn in our own
// markup (toast-view.tsx). Neither sonner (~9 kB gzipped) nor our view is in any page's first-load
// JS: the <Toaster> is loaded after hydration, and `toast.show` imports sonner and the view on first
// use. Sonner replays toasts created before its Toaster subscribed, so an early toast is not lost.

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
let view: Promise<typeof import("./toast-view")> | null = null;
const loadView = () => (view ??= import("./toast-view"));
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
    void Promise.all([loadSonner(), loadView()]).then(([{ toast: s }, { ToastView }]) =>
      s.custom((sid) => <ToastView {...input} tone={tone} durationMs={durationMs} onDismiss={() => s.dismiss(sid)} />, { id, duration }),
    );
    return id;
  },
  dismiss(id: string): void {
    // Chained like show(), so a dismiss right after a show lands after it.
    void Promise.all([loadSonner(), loadView()]).then(([{ toast: s }]) => s.dismiss(id));
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
