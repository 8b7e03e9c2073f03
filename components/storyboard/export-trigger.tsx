import type { ComponentProps } from "react";
import { buttonClasses } from "@/components/ui/button";
import { ChevronDownIcon, DownloadIcon } from "@/components/ui/icons";

/** The Export button: the stand-in before the menu has loaded, and the menu's own trigger after. */
export function ExportTrigger({ busyCount, ...rest }: { busyCount: number } & ComponentProps<"button">) {
  return (
    <button type="button" aria-haspopup="menu" className={buttonClasses("secondary", "md", "px-2.5 sm:px-3.5")} {...rest}>
      <DownloadIcon />
      <span className="sr-only sm:not-sr-only">{busyCount > 0 ? "Exporting…" : "Export"}</span>
      <ChevronDownIcon size={14} className="hidden text-ink-400 sm:block" />
    </button>
  );
}

