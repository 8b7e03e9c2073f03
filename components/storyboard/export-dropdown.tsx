"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { ExportTrigger } from "./export-trigger";
import { EXPORT_ITEMS, exportProgressText, type ExportItem, type ExportProgress } from "./export-progress";
import { exportHref } from "./use-exports";

/**
 * The Export menu proper, loaded on first use (export-menu.tsx). It mounts open: it only appears
 * because the stand-in button was pressed. Each item is a real link (open in a new tab, copy the
 * address); a click fetches the file instead, so the item can say it is busy, and the menu stays
 * open until the file is handed over.
 */
export function ExportDropdown(props: {
  storyboardId: string;
  busyCount: number;
  /** Opened with Enter, Space or ArrowDown: focus goes to the first item, as the WAI-ARIA menu button pattern asks. */
  openedByKeyboard: boolean;
  busy: Record<string, ExportProgress>;
  run: (item: ExportItem) => Promise<boolean>;
}) {
  const { storyboardId, busyCount, busy, run } = props;
  const [open, setOpen] = useState(true);
  const contentRef = useRef<HTMLDivElement>(null);
  // Radix focuses the first item when it saw the key that opened it; the first opening came through
  // the stand-in button, before Radix was listening, so that one is done here once the content is in
  // its portal (a frame later). Later openings are Radix's own.
  const openedByKeyboard = useRef(props.openedByKeyboard);
  useEffect(() => {
    if (!openedByKeyboard.current) return;
    let frames = 0;
    let raf = 0;
    const focusFirst = () => {
      const first = contentRef.current?.querySelector<HTMLElement>('[role="menuitem"]');
      if (first) {
        openedByKeyboard.current = false;
        first.focus();
      }
      else if (++frames < 10) raf = requestAnimationFrame(focusFirst);
    };
    raf = requestAnimationFrame(focusFirst);
    return () => cancelAnimationFrame(raf);
  }, []);

  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenu.Trigger asChild>
        <ExportTrigger busyCount={busyCount} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          ref={contentRef}
          aria-label="Export"
          className="z-50 w-72 rounded-lg bg-ink-850 p-1 shadow-2xl shadow-black/60 ring-1 ring-ink-700"
        >
          {EXPORT_ITEMS.map((item) => {
            const state = busy[item.key];
            return (
              <DropdownMenu.Item key={item.key} asChild>
                <a
                  href={exportHref(storyboardId, item)}
                  download
                  aria-busy={!!state}
                  // preventDefault also tells Radix not to close the menu: it stays open with the
                  // item's progress until the download has been handed to the browser.
                  onClick={(e) => {
                    e.preventDefault();
                    void run(item).then((done) => done && setOpen(false));
                  }}
                  className={cn(
                    "flex items-center gap-3 rounded-md px-2.5 py-2 text-sm text-ink-100 outline-none data-[highlighted]:bg-ink-750",
                    state && "cursor-progress",
                  )}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block">{item.label}</span>
                    <span className={cn("block text-xs", state ? "text-accent-400" : "text-ink-400")}>
                      {state ? exportProgressText(state) : item.hint}
                    </span>
                  </span>
                  {state && (
                    <span
                      aria-hidden="true"
                      className="h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-accent-500/30 border-t-accent-500"
                    />
                  )}
                </a>
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
