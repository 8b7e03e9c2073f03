import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache, Suspense } from "react";
import { StoryboardEditor } from "@/components/storyboard/storyboard-editor";
import { getDb } from "@/lib/db/client";
import { DEFAULT_WORKSPACE_ID } from "@/lib/db/schema";
import { getStoryboardDto } from "@/lib/storyboards/read-storyboard";

type Params = { params: Promise<{ id: string }> };

// One read per request, shared by generateMetadata and the page.
const loadStoryboard = cache(async (id: string) =>
  getStoryboardDto({ db: await getDb(), workspaceId: DEFAULT_WORKSPACE_ID, id }),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await connection();
  const { id } = await params;
  const sb = await loadStoryboard(id);
  return { title: sb?.title ?? "Storyboard not found" };
}

async function Editor({ params }: Params) {
  await connection();
  const { id } = await params;
  const storyboard = await loadStoryboard(id);
  if (!storyboard) notFound();
  return <StoryboardEditor initialStoryboard={storyboard} />;
}

function EditorSkeleton() {
  return (
    <div className="flex h-dvh flex-col" aria-busy="true" aria-label="Loading storyboard">
      <div className="h-[97px] shrink-0 border-b border-ink-800" />
      <div className="grid gap-6 p-6" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 330px), 1fr))" }}>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="frame-shimmer aspect-video rounded-lg" />
        ))}
      </div>
    </div>
  );
}

export default function StoryboardPage(props: Params) {
  return (
    <Suspense fallback={<EditorSkeleton />}>
      <Editor {...props} />
    </Suspense>
  );
}
