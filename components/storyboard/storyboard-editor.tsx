"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { getStoryboard } from "@/components/api/storyboards-api";
import { toast } from "@/components/ui/toaster";
import { useHydrated } from "@/components/ui/use-hydrated";
import { styleLabel } from "@/lib/export/labels";
import type { AspectRatio, StylePreset } from "@/lib/planner/constants";
import type { StoryboardDto } from "@/lib/storyboards/dto";
import { EditorHeader } from "./editor-header";
import { mergeProgress } from "./merge-progress";
import { storyboardKey } from "./query-keys";
import { SceneGrid } from "./scene-grid";
import { generateAllAction } from "./scene-state";
import { TimelineStrip } from "./timeline-strip";
import { useStoryboardActions } from "./use-storyboard-actions";
import { useProviderChoice } from "./use-provider-choice";
import { useStoryboardProgress } from "./use-storyboard-progress";
import { ProviderPicker } from "./provider-picker";

// The inspector is only needed once a scene is opened: it loads then (or as the pointer or focus
// first reaches the scenes, so it is usually there by the click), not with the editor.
const loadInspector = () => import("./scene-inspector");
const SceneInspector = dynamic(() => loadInspector().then((m) => m.SceneInspector), {
  ssr: false,
  loading: () => <InspectorPlaceholder />,
});

function InspectorPlaceholder() {
  return (
    <aside
      aria-busy="true"
      aria-label="Scene details"
      className="fixed inset-0 z-40 bg-ink-900 lg:static lg:z-auto lg:w-[400px] lg:shrink-0 lg:border-l lg:border-ink-800 xl:w-[440px]"
    />
  );
}

function scrollToScene(sceneId: string, focus = true) {
  const el = document.getElementById(`scene-${sceneId}`);
  if (!el) return;
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
  if (focus) el.querySelector<HTMLElement>("article")?.focus({ preventScroll: true });
}

export function StoryboardEditor({ initialStoryboard }: { initialStoryboard: StoryboardDto }) {
  const id = initialStoryboard.id;
  const qc = useQueryClient();
  const hydrated = useHydrated();

  // The storyboard cache changes only through our own edits (and their answers); polls carry frames.
  const { data: cached } = useQuery({
    queryKey: storyboardKey(id),
    queryFn: ({ signal }) => getStoryboard(id, signal),
    initialData: initialStoryboard,
    staleTime: Infinity,
  });

  // Coming back to a storyboard another tab changed: take the server's newer copy.
  useEffect(() => {
    const current = qc.getQueryData<StoryboardDto>(storyboardKey(id));
    if (!current || Date.parse(initialStoryboard.updatedAt) > Date.parse(current.updatedAt)) {
      qc.setQueryData(storyboardKey(id), initialStoryboard);
    }
  }, [qc, id, initialStoryboard]);

  const poll = useStoryboardProgress(id);
  const choice = useProviderChoice(hydrated);
  const actions = useStoryboardActions({ storyboardId: id, restartPolling: poll.restart, provider: choice.provider });
  const storyboard = useMemo(
    () => mergeProgress(cached, poll.progress, actions.selection),
    [cached, poll.progress, actions.selection],
  );
  const scenes = useMemo(
    () => storyboard.scenes.filter((s) => !actions.hidden.has(s.id)),
    [storyboard.scenes, actions.hidden],
  );
  const totalDuration = scenes.reduce((sum, s) => sum + s.durationSeconds, 0);
  const genAll = generateAllAction(scenes);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusNew, setFocusNew] = useState(false);
  const selectedIndex = scenes.findIndex((s) => s.id === selectedId);
  const selectedScene = selectedIndex >= 0 ? scenes[selectedIndex] : undefined;

  const open = useCallback((sceneId: string) => {
    setFocusNew(false);
    setSelectedId(sceneId);
  }, []);

  const close = useCallback(() => {
    const was = selectedId;
    setSelectedId(null);
    if (was) requestAnimationFrame(() => scrollToScene(was));
  }, [selectedId]);

  const regenerate = useCallback(
    (sceneId: string) => void actions.generate({ sceneIds: [sceneId], force: true }),
    [actions],
  );

  const remove = useCallback(
    (sceneId: string) => {
      const n = scenes.findIndex((s) => s.id === sceneId) + 1;
      if (sceneId === selectedId) setSelectedId(null);
      actions.deleteScene(sceneId, `Scene ${n}`);
    },
    [actions, scenes, selectedId],
  );

  const insert = useCallback(
    async (afterSceneId: string | null) => {
      const newId = await actions.insertScene(afterSceneId);
      if (!newId) return;
      setFocusNew(true);
      setSelectedId(newId);
      requestAnimationFrame(() => document.getElementById(`scene-${newId}`)?.scrollIntoView({ block: "nearest" }));
    },
    [actions],
  );

  const offerRegenerateAll = useCallback(
    (what: string) =>
      toast.show({
        key: "settings-changed",
        message: `${what} Existing frames keep the old look until they are drawn again.`,
        action: {
          label: "Redraw all",
          onClick: () => void actions.generate({ sceneIds: scenes.map((s) => s.id), force: true }),
        },
        durationMs: 10_000,
      }),
    [actions, scenes],
  );

  const presentHref = `/storyboards/${id}/present?frame=${Math.max(0, selectedIndex) + 1}`;

  return (
    <div className="flex h-dvh flex-col" data-editor data-hydrated={hydrated || undefined}>
      <EditorHeader
        storyboard={storyboard}
        sceneCount={scenes.length}
        totalDuration={totalDuration}
        progress={poll.progress}
        pollTrouble={{ failedPolls: poll.failedPolls, timedOut: poll.timedOut, onRetry: poll.restart }}
        generateAll={genAll}
        startingAll={actions.startingAll}
        presentHref={presentHref}
        onTitle={(title) => actions.updateStoryboard({ title })}
        onStyle={(style: StylePreset) => {
          actions.updateStoryboard({ style });
          offerRegenerateAll(`Style set to ${styleLabel(style)}.`);
        }}
        onAspect={(aspectRatio: AspectRatio) => {
          actions.updateStoryboard({ aspectRatio });
          offerRegenerateAll(`Aspect ratio set to ${aspectRatio}.`);
        }}
        onApprove={(approved) => actions.updateStoryboard({ approved })}
        onGenerateAll={async () => {
          await actions.flushDeletes();
          await actions.generate();
        }}
        providerPicker={<ProviderPicker providers={choice.providers} value={choice.provider} onValueChange={choice.setProvider} />}
      />
      <div className="flex min-h-0 flex-1">
        <main
          className="min-w-0 flex-1 overflow-y-auto"
          aria-label="Storyboard"
          onPointerEnter={() => void loadInspector()}
          onFocus={() => void loadInspector()}
        >
          {storyboard.logline && (
            <p className="px-4 pt-4 text-[13px] leading-snug text-ink-400 sm:px-6">{storyboard.logline}</p>
          )}
          <div className="sticky top-0 z-20 bg-ink-950/95 px-4 pb-2 pt-3 backdrop-blur sm:px-6">
            <TimelineStrip
              scenes={scenes}
              selectedId={selectedId}
              starting={actions.starting}
              onJump={(sceneId) => {
                if (selectedId) setSelectedId(sceneId);
                scrollToScene(sceneId);
              }}
            />
          </div>
          <div className="px-4 pb-32 pt-9 sm:px-6 sm:pt-4">
            <SceneGrid
              scenes={scenes}
              aspectRatio={storyboard.aspectRatio}
              selectedId={selectedId}
              starting={actions.starting}
              inserting={actions.inserting}
              onReorder={actions.reorder}
              onDragStart={() => void actions.flushDeletes()}
              onOpen={open}
              onGenerate={regenerate}
              onCancel={(frameId) => void actions.cancel(frameId)}
              onDelete={remove}
              onInsert={(after) => void insert(after)}
            />
          </div>
        </main>
        {selectedScene && (
          <SceneInspector
            key={selectedScene.id}
            scene={selectedScene}
            index={selectedIndex}
            count={scenes.length}
            aspectRatio={storyboard.aspectRatio}
            starting={actions.starting.has(selectedScene.id)}
            focusDescription={focusNew}
            save={actions.saveScene}
            onSelectFrame={actions.selectFrame}
            onGenerate={regenerate}
            onCancel={(frameId) => void actions.cancel(frameId)}
            onDelete={remove}
            onClose={close}
            onStep={(d) => {
              const next = scenes[selectedIndex + d];
              if (next) {
                open(next.id);
                scrollToScene(next.id, false);
              }
            }}
          />
        )}
      </div>
    </div>
  );
}
