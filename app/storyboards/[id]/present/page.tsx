import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache, Suspense } from "react";
import { frameIndexFromParam } from "@/components/present/present-logic";
import { Presentation } from "@/components/present/presentation";
import { getDb } from "@/lib/db/client";
import { DEFAULT_WORKSPACE_ID } from "@/lib/db/schema";
import { getStoryboardDto } from "@/lib/storyboards/read-storyboard";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One read per request, shared by generateMetadata and the page.
const loadStoryboard = cache(async (id: string) =>
  getStoryboardDto({ db: await getDb(), workspaceId: DEFAULT_WORKSPACE_ID, id }),
);

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  await connection();
  const { id } = await params;
  const sb = await loadStoryboard(id);
  return { title: sb ? `Presenting ${sb.title}` : "Storyboard not found" };
}

async function Present({ params, searchParams }: Props) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const storyboard = await loadStoryboard(id);
  if (!storyboard) notFound();
  return (
    <Presentation storyboard={storyboard} initialIndex={frameIndexFromParam(query.frame, storyboard.scenes.length)} />
  );
}

export default function PresentPage(props: Props) {
  return (
    <Suspense fallback={<div className="fixed inset-0 bg-black" aria-busy="true" aria-label="Loading presentation" />}>
      <Present {...props} />
    </Suspense>
  );
}
