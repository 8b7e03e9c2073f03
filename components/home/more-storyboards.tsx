"use client";

import { useState } from "react";
import { listStoryboardsPage } from "@/components/api/storyboards-api";
import { errorMessage } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import type { StoryboardSummaryDto } from "@/lib/storyboards/dto";
import { StoryboardCard } from "./storyboard-card";

/** The pages after the first, fetched on demand. */
export function MoreStoryboards({ initialCursor }: { initialCursor: string }) {
  const [pages, setPages] = useState<{ items: StoryboardSummaryDto[]; now: number }[]>([]);
  const [cursor, setCursor] = useState<string | null>(initialCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await listStoryboardsPage(cursor);
      setPages((p) => [...p, { items: page.storyboards, now: Date.now() }]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      {pages.flatMap((p) => p.items.map((sb) => <StoryboardCard key={sb.id} storyboard={sb} now={p.now} />))}
      {cursor && (
        <li className="col-span-full flex flex-col items-center gap-2 pt-2">
          <Button onClick={load} disabled={loading} variant="subtle">
            {loading ? "Loading…" : "Show more"}
          </Button>
          {error && <p role="alert" className="text-xs text-danger-400">{error}</p>}
        </li>
      )}
    </>
  );
}
