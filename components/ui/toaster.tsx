"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { AlertIcon, CheckIcon, XIcon } from "./icons";

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

type Toast = ToastInput & { id: string; tone: ToastTone; durationMs: number | null };

type ToastApi = { show: (t: ToastInput) => string; dismiss: (id: string) => void };

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs <ToastProvider>");
  return api;
}

let nextId = 0;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: string) => {
    const t = timers.current.get(id);
    if (t) clearTimeout(t);
    timers.current.delete(id);
    setToasts((all) => all.filter((x) => x.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = input.key ?? `t${++nextId}`;
      const toast: Toast = {
        ...input,
        id,
        tone: input.tone ?? "info",
        durationMs: input.durationMs === undefined ? (input.tone === "error" ? 8000 : 4000) : input.durationMs,
      };
      const old = timers.current.get(id);
      if (old) clearTimeout(old);
      if (toast.durationMs !== null) timers.current.set(id, setTimeout(() => dismiss(id), toast.durationMs));
      setToasts((all) => [...all.filter((x) => x.id !== id), toast].slice(-4));
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const map = timers.current;
    return () => map.forEach((t) => clearTimeout(t));
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-start"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            className={cn(
              "pointer-events-auto relative flex w-full max-w-md animate-toast-in items-start gap-3 overflow-hidden rounded-lg bg-ink-800 px-3.5 py-3 text-sm text-ink-100 shadow-2xl shadow-black/50 ring-1 ring-ink-700",
              t.tone === "error" && "ring-danger-500/40",
            )}
          >
            <span className="mt-0.5 shrink-0">
              {t.tone === "error" ? (
                <AlertIcon className="text-danger-400" />
              ) : t.tone === "success" ? (
                <CheckIcon className="text-ok-400" />
              ) : (
                <span className="mt-1.5 block h-1.5 w-1.5 rounded-full bg-accent-500" />
              )}
            </span>
            <div className="min-w-0 flex-1 leading-snug">{t.message}</div>
            {t.action && (
              <button
                type="button"
                onClick={() => {
                  t.action?.onClick();
                  dismiss(t.id);
                }}
                className="-my-1 shrink-0 rounded-md px-2 py-1 font-medium text-accent-400 hover:bg-ink-700"
              >
                {t.action.label}
              </button>
            )}
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              aria-label="Dismiss notification"
              className="-my-1 -mr-1 shrink-0 rounded-md p-1 text-ink-400 hover:bg-ink-700 hover:text-ink-100"
            >
              <XIcon size={14} />
            </button>
            {t.showTimer && t.durationMs !== null && (
              <span
                aria-hidden="true"
                className="motion-timer absolute inset-x-0 bottom-0 h-0.5 origin-left bg-accent-500/70"
                style={
                  {
                    animation: `drain ${t.durationMs}ms linear forwards`,
                    "--timer-duration": `${t.durationMs}ms`,
                  } as React.CSSProperties
                }
              />
            )}
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}
