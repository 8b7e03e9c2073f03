"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { listStoryboardsPage } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { StoryboardCard } from "./storyboard-card";

/** The pages after the first (which the server rendered), fetched when asked for. */
export function MoreStoryboards({ initialCursor }: { initialCursor: string }) {
  // Nothing is fetched until the first "Show more": the server page already shows the first page.
  const [asked, setAsked] = useState(false);
  const query = useInfiniteQuery({
    queryKey: ["storyboards", "after", initialCursor],
    queryFn: async ({ pageParam }) => ({ ...(await listStoryboardsPage(pageParam)), now: Date.now() }),
    initialPageParam: initialCursor,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: asked,
    // A click that fails says so at once; the next click tries again.
    retry: false,
  });

  const pages = query.data?.pages ?? [];
  const more = !asked || query.hasNextPage || (query.isError && pages.length === 0);
  const loading = query.isFetching;

  function load() {
    if (!asked) setAsked(true);
    else if (query.isError && pages.length === 0) void query.refetch();
    else void query.fetchNextPage();
  }

  return (
    <>
      {pages.flatMap((p) => p.storyboards.map((sb) => <StoryboardCard key={sb.id} storyboard={sb} now={p.now} />))}
      {more && (
        <li className="col-span-full flex flex-col items-center gap-2 pt-2">
          <Button onClick={load} disabled={loading} variant="subtle">
            {loading ? "Loading…" : "Show more"}
          </Button>
          {query.error && !loading && (
            <p role="alert" className="text-xs text-danger-400">
              {errorMessage(query.error)}
            </p>
          )}
        </li>
      )}
    </>
  );
}
