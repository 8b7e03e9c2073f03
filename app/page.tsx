import { connection } from "next/server";
import { Suspense } from "react";
import { MoreStoryboards } from "@/components/home/more-storyboards";
import { NewStoryboardTabs } from "@/components/home/new-storyboard-tabs";
import { StoryboardCard } from "@/components/home/storyboard-card";
import { AppHeader } from "@/components/ui/app-header";
import { FilmIcon } from "@/components/ui/icons";
import { getDb } from "@/lib/db/client";
import { DEFAULT_WORKSPACE_ID } from "@/lib/db/schema";
import { listStoryboards } from "@/lib/storyboards/list-storyboards";

const PAGE_SIZE = 24;

async function StoryboardList() {
  await connection();
  const db = await getDb();
  const { storyboards, nextCursor } = await listStoryboards({
    db,
    workspaceId: DEFAULT_WORKSPACE_ID,
    limit: PAGE_SIZE,
  });
  const now = Date.now();

  if (storyboards.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-lg border border-dashed border-ink-700 px-6 py-14 text-center">
        <FilmIcon size={28} className="text-ink-500" />
        <p className="mt-3 text-sm font-medium text-ink-200">No storyboards yet</p>
        <p className="mt-1 max-w-sm text-sm text-ink-400">
          Describe an idea above. Planning takes a moment; every frame is drawn while you watch.
        </p>
      </div>
    );
  }

  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {storyboards.map((sb) => (
        <StoryboardCard key={sb.id} storyboard={sb} now={now} />
      ))}
      {nextCursor && <MoreStoryboards initialCursor={nextCursor} />}
    </ul>
  );
}

function ListSkeleton() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <li key={i} className="h-[132px] rounded-lg bg-ink-900 ring-1 ring-ink-800">
          <div className="frame-shimmer m-2.5 h-[74px] rounded-md" />
        </li>
      ))}
    </ul>
  );
}

export default function HomePage() {
  return (
    <>
      <AppHeader />
      <main className="mx-auto max-w-6xl px-4 pb-24 sm:px-6">
        <section aria-labelledby="new-heading" className="pt-8 sm:pt-10">
          <h1 id="new-heading" className="text-2xl font-semibold tracking-tight text-ink-100 sm:text-[28px]">
            Turn an idea into a storyboard
          </h1>
          <p className="mt-2 max-w-2xl text-[15px] text-ink-400">
            Storyframe plans the scenes, shots and timing, draws every frame, and lets you edit, reorder, present and
            export.
          </p>
          <div className="mt-7">
            <NewStoryboardTabs />
          </div>
        </section>

        <section aria-labelledby="list-heading" className="mt-14">
          <h2 id="list-heading" className="mb-4 text-sm font-medium uppercase tracking-wider text-ink-400">
            Storyboards
          </h2>
          <Suspense fallback={<ListSkeleton />}>
            <StoryboardList />
          </Suspense>
        </section>
      </main>
    </>
  );
}
