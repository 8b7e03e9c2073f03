import Link from "next/link";
import { formatRelativeDate } from "@/components/storyboard/format-progress";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import { formatClock, styleLabel } from "@/lib/export/labels";
import type { StoryboardStatus, StoryboardSummaryDto } from "@/lib/storyboards/dto";

// No hooks: rendered by the server list and by the client "Show more" alike.

const STATUS: Record<StoryboardStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "text-ink-300 bg-ink-800" },
  generating: { label: "Drawing", className: "text-accent-400 bg-accent-950" },
  ready: { label: "Ready", className: "text-ok-400 bg-ok-950" },
  partial: { label: "Some frames failed", className: "text-danger-400 bg-danger-950" },
  failed: { label: "Failed", className: "text-danger-400 bg-danger-950" },
};

export function StoryboardStatusBadge({ status }: { status: StoryboardStatus }) {
  const s = STATUS[status];
  return (
    <span className={cn("inline-flex h-5 items-center rounded px-1.5 text-[11px] font-medium", s.className)}>{s.label}</span>
  );
}

export function StoryboardCard({ storyboard: sb, now }: { storyboard: StoryboardSummaryDto; now: number }) {
  // A filmstrip that runs off the card's edge: as many frames as fit at the storyboard's ratio.
  const thumbs = sb.thumbnails.slice(0, 8);
  const slots = Math.max(thumbs.length, Math.min(8, sb.sceneCount), 3);
  const ratio = sb.aspectRatio.replace(":", " / ");
  return (
    <li>
      <Link
        href={`/storyboards/${sb.id}`}
        className="group block rounded-lg bg-ink-900 p-2.5 ring-1 ring-ink-800 transition hover:bg-ink-850 hover:ring-ink-700"
      >
        <div className="flex h-[74px] items-center gap-1 overflow-hidden rounded-md bg-black/60 px-1" aria-hidden="true">
          {Array.from({ length: slots }, (_, i) => {
            const url = thumbs[i];
            return (
              <span
                key={i}
                className="relative block h-[62px] shrink-0 overflow-hidden rounded-[3px] bg-ink-800"
                style={{ aspectRatio: ratio }}
              >
                {url && (
                  // eslint-disable-next-line @next/next/no-img-element -- stored frames are already sized thumbnails
                  <img src={url} alt="" loading="lazy" decoding="async" className="h-full w-full object-cover" />
                )}
              </span>
            );
          })}
        </div>
        <div className="mt-2.5 flex items-start justify-between gap-3 px-0.5">
          <h3 className="line-clamp-1 text-sm font-medium text-ink-100 group-hover:text-white">{sb.title}</h3>
          {sb.approvedAt ? (
            <span className="inline-flex h-5 shrink-0 items-center gap-1 rounded bg-ok-950 px-1.5 text-[11px] font-medium text-ok-400">
              <CheckIcon size={12} /> Approved
            </span>
          ) : (
            <span className="shrink-0">
              <StoryboardStatusBadge status={sb.status} />
            </span>
          )}
        </div>
        <p className="mt-1 truncate px-0.5 text-xs text-ink-400">
          <span className="tabular-nums">{sb.sceneCount} scenes</span>
          <span aria-hidden="true"> · </span>
          <span className="tabular-nums">{formatClock(sb.totalDuration)}</span>
          <span aria-hidden="true"> · </span>
          {sb.aspectRatio}
          <span aria-hidden="true"> · </span>
          {styleLabel(sb.style)}
          <span aria-hidden="true"> · </span>
          <time dateTime={sb.createdAt}>{formatRelativeDate(sb.createdAt, now)}</time>
        </p>
      </Link>
    </li>
  );
}
