"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { generateFrames } from "@/components/api/storyboards-api";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { optionsOf, Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { readCode, words } from "@/lib/inputs/code/read-code";
import { AUDIENCES, INPUT_LIMITS, STAGES } from "@/lib/inputs/constants";
import { parseScript, sceneSeconds } from "@/lib/inputs/script/parse-script";
import type { StoryboardDto } from "@/lib/storyboards/dto";

// The Script, Code and Screenshot tabs of New storyboard, loaded when one is first chosen
// (new-storyboard-tabs.tsx): the script and code readers (fountain-js among them) run in the browser
// for the preview, and are no part of the home page's first-load JS.

const field =
  "w-full rounded-lg bg-ink-900 px-4 py-3 text-[14px] leading-relaxed text-ink-100 ring-1 ring-ink-700 placeholder:text-ink-500 focus:outline-none focus:ring-2 focus:ring-accent-500/70";
const label = "text-sm font-medium text-ink-200";

/** Posts to an input route, starts drawing, opens the editor; the server's message is shown on error. */
function useSubmit(url: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(body: unknown) {
    setBusy(true);
    setError(null);
    try {
      const { storyboard } = await fetchJson<{ storyboard: StoryboardDto }>(url, { method: "POST", json: body });
      try {
        await generateFrames(storyboard.id);
      } catch (err) {
        toast.show({ tone: "error", message: `Your storyboard is planned, but its frames did not start: ${errorMessage(err)}` });
      }
      router.push(`/storyboards/${storyboard.id}`);
    } catch (err) {
      setBusy(false);
      setError(errorMessage(err));
    }
  }
  return { busy, error, submit };
}

function Layout({ main, preview, onSubmit, busy, error, action }: { main: ReactNode; preview: ReactNode; onSubmit: (e: FormEvent) => void; busy: boolean; error: string | null; action: string }) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={busy} className="grid gap-x-10 gap-y-6 lg:grid-cols-[minmax(0,1fr)_400px]">
        <div className="flex flex-col gap-3">{main}</div>
        <div className="flex flex-col gap-4">
          <section aria-label="Preview" className="min-h-40 rounded-lg bg-ink-900/60 p-4 text-sm ring-1 ring-ink-800">
            {preview}
          </section>
          {error && (
            <p role="alert" className="text-sm text-danger-400">
              {error}
            </p>
          )}
          <button type="submit" className={buttonClasses("primary", "md", "h-11 w-full")}>
            {busy ? "Planning…" : action}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function FileButton({ accept, onText, onDataUrl }: { accept: string; onText?: (name: string, text: string) => void; onDataUrl?: (url: string) => void }) {
  return (
    <input
      type="file"
      accept={accept}
      aria-label="Upload a file"
      className="text-sm text-ink-400 file:mr-3 file:rounded-md file:border-0 file:bg-ink-800 file:px-3 file:py-1.5 file:text-ink-100"
      onChange={(e) => {
        const f = e.currentTarget.files?.[0];
        if (!f) return;
        const r = new FileReader();
        r.onload = () => {
          if (onText) onText(f.name, String(r.result));
          else onDataUrl?.(String(r.result));
        };
        if (onText) r.readAsText(f);
        else r.readAsDataURL(f);
      }}
    />
  );
}

export function ScriptPanel() {
  const ids = useId();
  const [script, setScript] = useState("");
  const { busy, error, submit } = useSubmit("/api/storyboards/import-script");
  const parsed = useMemo(() => {
    if (!script.trim()) return null;
    try {
      return parseScript(script);
    } catch {
      return null;
    }
  }, [script]);
  return (
    <Layout
      busy={busy}
      error={error}
      action="Import script"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ script });
      }}
      main={
        <>
          <label htmlFor={`${ids}-script`} className={label}>
            Screenplay (Fountain or Final Draft .fdx)
          </label>
          <textarea
            id={`${ids}-script`}
            value={script}
            onChange={(e) => setScript(e.currentTarget.value)}
            rows={12}
            maxLength={INPUT_LIMITS.scriptMaxChars}
            placeholder={"INT. KITCHEN - NIGHT\n\nMara stirs the pot.\n\nMARA\nIt's late."}
            className={cn(field, "min-h-56 font-mono text-[13px]")}
          />
          <FileButton accept=".fountain,.fdx,.txt,.spmd" onText={(_n, t) => setScript(t)} />
        </>
      }
      preview={
        parsed && parsed.scenes.length > 0 ? (
          <div>
            <p className="font-medium text-ink-100">
              {parsed.scenes.length} scene{parsed.scenes.length === 1 ? "" : "s"}
              {parsed.cast.length > 0 && ` · cast: ${parsed.cast.join(", ")}`}
            </p>
            <ol className="mt-2 space-y-1 text-ink-300">
              {parsed.scenes.slice(0, 12).map((s, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span className="truncate">{s.heading}</span>
                  <span className="tabular-nums text-ink-500">{sceneSeconds(s)} s</span>
                </li>
              ))}
            </ol>
          </div>
        ) : (
          <p className="text-ink-500">Paste or upload a script: each scene heading (INT./EXT.) becomes a scene, speakers become the cast.</p>
        )
      }
    />
  );
}

const AUDIENCE_LABEL: Record<(typeof AUDIENCES)[number], string> = { business_owner: "Business owner", c_suite: "C-suite", btl_champion: "Team champion" };

export function CodePanel() {
  const ids = useId();
  const [fileName, setFileName] = useState("");
  const [content, setContent] = useState("");
  const [audience, setAudience] = useState<(typeof AUDIENCES)[number]>("business_owner");
  const [stage, setStage] = useState<(typeof STAGES)[number]>("shipped");
  const { busy, error, submit } = useSubmit("/api/storyboards/from-code");
  const reading = useMemo(() => (content.trim() && fileName ? readCode(content, fileName) : null), [content, fileName]);
  return (
    <Layout
      busy={busy}
      error={error}
      action="Explain this code"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ file_content: content, file_name: fileName || "file.txt", audience, stage });
      }}
      main={
        <>
          <FileButton accept=".ts,.tsx,.js,.jsx,.mjs,.py,.go" onText={(n, t) => (setFileName(n), setContent(t))} />
          <label htmlFor={`${ids}-name`} className={label}>
            File name
          </label>
          <input id={`${ids}-name`} value={fileName} onChange={(e) => setFileName(e.currentTarget.value)} placeholder="quote-builder.ts" className={field} />
          <label htmlFor={`${ids}-code`} className={label}>
            Code
          </label>
          <textarea id={`${ids}-code`} value={content} onChange={(e) => setContent(e.currentTarget.value)} rows={9} className={cn(field, "font-mono text-[13px]")} />
          <div className="flex flex-wrap gap-4">
            <label className={label}>
              Audience{" "}
              <Select value={audience} options={optionsOf(AUDIENCES, (a) => AUDIENCE_LABEL[a])} onValueChange={setAudience} className="ml-2 px-2 py-1" />
            </label>
            <label className={label}>
              Stage{" "}
              <Select value={stage} options={optionsOf(STAGES)} onValueChange={setStage} className="ml-2 px-2 py-1" />
            </label>
          </div>
        </>
      }
      preview={
        reading ? (
          <div>
            <p className="font-medium text-ink-100">
              {reading.language} · {reading.symbols.length} definitions
            </p>
            {reading.moduleDoc && <p className="mt-1 text-ink-300">{reading.moduleDoc}</p>}
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-ink-300">
              {reading.flow.slice(0, 6).map((f) => (
                <li key={f}>{words(f)}</li>
              ))}
            </ol>
          </div>
        ) : (
          <p className="text-ink-500">Upload a TypeScript, JavaScript, Python or Go file: the board explains what it does, step by step.</p>
        )
      }
    />
  );
}

export function ScreenshotPanel() {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const [sanitize, setSanitize] = useState(true);
  const { busy, error, submit } = useSubmit("/api/storyboards/from-roadmap");
  return (
    <Layout
      busy={busy}
      error={error}
      action="Read roadmap"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ image_data: dataUrl ?? "", sanitize_ip: sanitize });
      }}
      main={
        <>
          <p className={label}>Roadmap screenshot (PNG, JPEG or WebP, up to 8 MB)</p>
          <FileButton accept="image/png,image/jpeg,image/webp" onDataUrl={setDataUrl} />
          <label className="flex items-center gap-2 text-sm text-ink-300">
            <input type="checkbox" checked={sanitize} onChange={(e) => setSanitize(e.currentTarget.checked)} />
            Strip names, numbers and internal codes
          </label>
        </>
      }
      preview={
        dataUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local data: URL preview, nothing to optimise
          <img src={dataUrl} alt="The roadmap to read" className="max-h-64 w-full rounded object-contain" />
        ) : (
          <p className="text-ink-500">Each milestone the text reader finds becomes a scene on a timeline.</p>
        )
      }
    />
  );
}
