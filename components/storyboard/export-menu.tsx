"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ExportTrigger } from "./export-trigger";
import { useExports } from "./use-exports";

// The Export menu is Radix's DropdownMenu (keyboard, focus, Esc, outside clicks), but Radix is not in
// the editor's first-load JS: until the menu is first wanted, a plain button that looks the same
// stands in. Pointing at it or focusing it starts the download of the menu; pressing it opens the
// menu as soon as it is there. The exports' state lives here, so it outlives the menu closing.

const loadDropdown = () => import("./export-dropdown");

const ExportDropdown = dynamic(() => loadDropdown().then((m) => m.ExportDropdown), {
  ssr: false,
  loading: () => <ExportTrigger busyCount={0} aria-busy="true" />,
});

export function ExportMenu({ storyboardId, fileStem }: { storyboardId: string; fileStem: string }) {
  const exports = useExports(storyboardId, fileStem);
  const [wanted, setWanted] = useState<false | "pointer" | "keyboard">(false);
  const busyCount = Object.keys(exports.busy).length;

  if (wanted) return <ExportDropdown storyboardId={storyboardId} busyCount={busyCount} openedByKeyboard={wanted === "keyboard"} {...exports} />;
  return (
    <ExportTrigger
      busyCount={busyCount}
      aria-expanded={false}
      onPointerEnter={() => void loadDropdown()}
      onFocus={() => void loadDropdown()}
      // detail is 0 for a click made with Enter or Space
      onClick={(e) => setWanted(e.detail === 0 ? "keyboard" : "pointer")}
      onKeyDown={(e) => {
        if (e.key === "ArrowDown") {
          e.preventDefault();
          setWanted("keyboard");
        }
      }}
    />
  );
}
