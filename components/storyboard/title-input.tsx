"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

/** The storyboard's title, edited in place: saved on blur or Enter, Escape puts the old one back. */
export function TitleInput({ title, onSave }: { title: string; onSave: (title: string) => void }) {
  const [value, setValue] = useState(title);
  const [focused, setFocused] = useState(false);

  // Follow the saved title (e.g. a rollback) unless the person is typing.
  useEffect(() => {
    if (!focused) setValue(title);
  }, [title, focused]);

  function commit() {
    const next = value.trim().slice(0, 120);
    if (!next) {
      setValue(title);
      return;
    }
    if (next !== title) onSave(next);
    setValue(next);
  }

  return (
    <input
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") {
          setValue(title);
          // Blur after the reset lands so commit() sees the old title.
          const el = e.currentTarget;
          requestAnimationFrame(() => el.blur());
        }
      }}
      maxLength={120}
      aria-label="Storyboard title"
      spellCheck={false}
      className={cn(
        "h-9 w-full min-w-0 truncate rounded-md bg-transparent px-2 text-[15px] font-semibold tracking-tight text-ink-100 transition-colors hover:bg-ink-850 focus:bg-ink-900 focus:outline-none focus:ring-2 focus:ring-accent-500/60",
      )}
    />
  );
}
