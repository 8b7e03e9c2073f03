import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "./icons";

export function Wordmark() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md text-sm font-semibold tracking-tight text-ink-100">
      <LogoMark />
      Storyframe
    </Link>
  );
}

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="border-b border-ink-800/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Wordmark />
        {children}
      </div>
    </header>
  );
}
