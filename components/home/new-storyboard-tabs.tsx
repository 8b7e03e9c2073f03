"use client";

import dynamic from "next/dynamic";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { NewStoryboardForm } from "./new-storyboard-form";

// The New storyboard tabs: Idea (the existing form), Script, Code and Screenshot. Script and code
// are read in the browser with the same pure readers the server uses, so the preview shows what
// will be planned before anything is sent; screenshots are read (OCR) on the server.

const TABS = [
  { id: "idea", label: "Idea" },
  { id: "script", label: "Script" },
  { id: "code", label: "Code" },
  { id: "screenshot", label: "Screenshot" },
] as const;
type TabId = (typeof TABS)[number]["id"];

// Idea is the tab most people use and the one the page opens on; the other three load when chosen
// (or pointed at).
const loadPanels = () => import("./input-panels");
const panelLoading = () => <p className="py-10 text-sm text-ink-500">Loading…</p>;
const ScriptPanel = dynamic(() => loadPanels().then((m) => m.ScriptPanel), { ssr: false, loading: panelLoading });
const CodePanel = dynamic(() => loadPanels().then((m) => m.CodePanel), { ssr: false, loading: panelLoading });
const ScreenshotPanel = dynamic(() => loadPanels().then((m) => m.ScreenshotPanel), { ssr: false, loading: panelLoading });

export function NewStoryboardTabs() {
  const [tab, setTab] = useState<TabId>("idea");
  const ids = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKey(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === "ArrowRight" ? (i + 1) % TABS.length : e.key === "ArrowLeft" ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    refs.current[TABS[next]!.id]?.focus();
  }
  return (
    <div>
      <div role="tablist" aria-label="Start from" onKeyDown={onKey} className="mb-5 inline-flex rounded-lg bg-ink-900 p-1 ring-1 ring-ink-800">
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${ids}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onPointerEnter={t.id === "idea" ? undefined : () => void loadPanels()}
            className={cn(
              "rounded-md px-3.5 py-1.5 text-sm font-medium transition-colors sm:px-4",
              tab === t.id ? "bg-ink-700 text-ink-100" : "text-ink-400 hover:text-ink-200",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} role="tabpanel" id={`${ids}-panel-${t.id}`} aria-labelledby={`${ids}-tab-${t.id}`} hidden={tab !== t.id}>
          {tab === t.id && (t.id === "idea" ? <NewStoryboardForm /> : t.id === "script" ? <ScriptPanel /> : t.id === "code" ? <CodePanel /> : <ScreenshotPanel />)}
        </div>
      ))}
    </div>
  );
}
