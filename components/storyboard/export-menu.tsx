"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { exportUrl, type ExportFormat, type PdfLayout } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon, DownloadIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toaster";
import { renderAnimatic } from "./animatic-export";
import { downloadFile, type DownloadProgress } from "./download";

type Item = { key: string; label: string; hint: string; format: ExportFormat; layout?: PdfLayout; ext: string; captions?: boolean };
type Busy = DownloadProgress & { rendering?: number };

const ITEMS: Item[] = [
  { key: "pdf-2x3", label: "PDF · 2×3 grid", hint: "Six frames a page, with notes", format: "pdf", layout: "grid-2x3", ext: "pdf" },
  { key: "pdf-3x3", label: "PDF · 3×3 grid", hint: "Nine frames a page", format: "pdf", layout: "grid-3x3", ext: "pdf" },
  { key: "pdf-single", label: "PDF · 1-up", hint: "One large frame a page", format: "pdf", layout: "single", ext: "pdf" },
  { key: "zip", label: "ZIP", hint: "Every frame as an image, plus the plan", format: "zip", ext: "zip" },
  { key: "mp4", label: "MP4 animatic", hint: "Frames timed to the scenes", format: "mp4", ext: "mp4" },
  { key: "mp4-captions", label: "MP4 animatic · captions", hint: "With scene captions burned in", format: "mp4", ext: "mp4", captions: true },
  { key: "json", label: "JSON", hint: "The plan, scenes and frame URLs", format: "json", ext: "json" },
];

function progressText(p: Busy | undefined): string {
  if (p?.rendering !== undefined && p.received === 0) return `Rendering the animatic · ${Math.round(p.rendering * 100)}%`;
  if (!p || p.received === 0) return "Preparing…";
  if (p.total) return `Downloading ${Math.round((p.received / p.total) * 100)}%`;
  return `Downloading ${(p.received / 1_048_576).toFixed(1)} MB`;
}

/** Export formats as a menu. Each item is a real link (works without JavaScript); with it, the file is fetched so the item can say it is busy. */
export function ExportMenu({ storyboardId, fileStem }: { storyboardId: string; fileStem: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Record<string, Busy>>({});
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const busyCount = Object.keys(busy).length;

  // A menu left open is transient state: close it when Next hides this page.
  useLayoutEffect(() => () => setOpen(false), []);

  useEffect(() => {
    if (!open) return;
    const items = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    items?.[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !triggerRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  function onMenuKey(e: KeyboardEvent) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (k: number) => items[(k + items.length) % items.length]?.focus();
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        focus(i + 1);
        break;
      case "ArrowUp":
        e.preventDefault();
        focus(i - 1);
        break;
      case "Home":
        e.preventDefault();
        focus(0);
        break;
      case "End":
        e.preventDefault();
        focus(items.length - 1);
        break;
      case "Escape":
        e.preventDefault();
        setOpen(false);
        triggerRef.current?.focus();
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  async function run(item: Item, href: string) {
    if (busy[item.key]) return;
    setBusy((b) => ({ ...b, [item.key]: { received: 0, total: null } }));
    try {
      // The animatic renders first (with progress), then downloads from where it was stored.
      const source =
        item.format === "mp4"
          ? await renderAnimatic(storyboardId, {
              captions: item.captions ?? false,
              onProgress: (rendering) => setBusy((b) => ({ ...b, [item.key]: { received: 0, total: null, rendering } })),
            })
          : href;
      const name = await downloadFile(source, `${fileStem}.${item.ext}`, (p) => setBusy((b) => ({ ...b, [item.key]: p })));
      toast.show({ tone: "success", message: `Downloaded ${name}` });
      setOpen(false);
    } catch (e) {
      if (e instanceof TypeError) {
        // fetch itself failed (a proxy, an old browser): let the browser download the plain link.
        window.location.assign(href);
      } else {
        toast.show({ tone: "error", message: `${item.label} export failed: ${errorMessage(e)}` });
      }
    } finally {
      setBusy(({ [item.key]: _done, ...rest }) => rest);
    }
  }

  return (
    <div className="relative">
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className={buttonClasses("secondary", "md", "px-2.5 sm:px-3.5")}
      >
        <DownloadIcon />
        <span className="sr-only sm:not-sr-only">{busyCount > 0 ? "Exporting…" : "Export"}</span>
        <ChevronDownIcon size={14} className="hidden text-ink-400 sm:block" />
      </button>
      <div
        ref={menuRef}
        id={`${id}-menu`}
        role="menu"
        aria-label="Export"
        hidden={!open}
        onKeyDown={onMenuKey}
        className="absolute right-0 top-full z-50 mt-1.5 w-72 rounded-lg bg-ink-850 p-1 shadow-2xl shadow-black/60 ring-1 ring-ink-700"
      >
        {ITEMS.map((item) => {
          const href = exportUrl(storyboardId, item.format, item.layout, item.captions);
          const state = busy[item.key];
          return (
            <a
              key={item.key}
              role="menuitem"
              href={href}
              download
              aria-busy={!!state}
              tabIndex={-1}
              onClick={(e) => {
                e.preventDefault();
                void run(item, href);
              }}
              className={cn(
                "flex items-center gap-3 rounded-md px-2.5 py-2 text-sm text-ink-100 outline-none hover:bg-ink-750 focus:bg-ink-750",
                state && "cursor-progress",
              )}
            >
              <span className="min-w-0 flex-1">
                <span className="block">{item.label}</span>
                <span className={cn("block text-xs", state ? "text-accent-400" : "text-ink-400")}>
                  {state ? progressText(state) : item.hint}
                </span>
              </span>
              {state && (
                <span
                  aria-hidden="true"
                  className="h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-accent-500/30 border-t-accent-500"
                />
              )}
            </a>
          );
        })}
      </div>
    </div>
  );
}
