import type { CSSProperties } from "react";
import { cn } from "./cn";
import { AlertIcon, CheckIcon, XIcon } from "./icons";
import type { ToastInput, ToastTone } from "./toaster";

/** One toast as the studio draws it; sonner (toaster.tsx) places, stacks and times it. */
export function ToastView(props: ToastInput & { tone: ToastTone; durationMs: number | null; onDismiss: () => void }) {
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
