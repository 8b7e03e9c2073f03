"use client";

import { useCallback, useRef, useState } from "react";
import { errorMessage } from "@/components/api/fetch-json";
import { exportUrl } from "@/components/api/storyboards-api";
import { toast } from "@/components/ui/toaster";
import type { ExportItem, ExportProgress, RenderOnServer } from "./export-progress";

/** The animatic renders on the server first; the module loads with the first MP4 export. */
const renderAnimaticFile: RenderOnServer = async (storyboardId, item, onProgress, signal) => {
  const { renderAnimatic } = await import("./animatic-export");
  return renderAnimatic(storyboardId, {
    captions: item.captions ?? false,
    signal,
    onProgress: (fraction) => onProgress({ phase: "rendering", fraction }),
  });
};

export function exportHref(storyboardId: string, item: ExportItem): string {
  return exportUrl(storyboardId, item.format, item.layout, item.captions);
}

/**
 * Runs exports and keeps what each one is doing, so the menu can close and reopen while a file is
 * made. `run` resolves true once the file was handed to the browser.
 */
export function useExports(storyboardId: string, fileStem: string, renderOnServer: RenderOnServer = renderAnimaticFile) {
  const [busy, setBusy] = useState<Record<string, ExportProgress>>({});
  const running = useRef(new Set<string>());

  const run = useCallback(
    async (item: ExportItem): Promise<boolean> => {
      if (running.current.has(item.key)) return false;
      running.current.add(item.key);
      const report = (p: ExportProgress) => setBusy((b) => ({ ...b, [item.key]: p }));
      report({ phase: "preparing" });
      const href = exportHref(storyboardId, item);
      try {
        const source = item.format === "mp4" ? await renderOnServer(storyboardId, item, report) : href;
        const { downloadFile } = await import("./download");
        const name = await downloadFile(source, `${fileStem}.${item.ext}`, (p) => report({ phase: "downloading", ...p }));
        toast.show({ tone: "success", message: `Downloaded ${name}` });
        return true;
      } catch (e) {
        if (e instanceof TypeError) {
          // fetch itself failed (a proxy, an old browser): let the browser download the plain link.
          window.location.assign(href);
        } else {
          toast.show({ tone: "error", message: `${item.label} export failed: ${errorMessage(e)}` });
        }
        return false;
      } finally {
        running.current.delete(item.key);
        setBusy(({ [item.key]: _done, ...rest }) => rest);
      }
    },
    [storyboardId, fileStem, renderOnServer],
  );

  return { busy, run };
}
