import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { AppHeader } from "@/components/ui/app-header";

export default function StoryboardNotFound() {
  return (
    <>
      <AppHeader />
      <main className="mx-auto flex max-w-md flex-col items-center px-6 py-24 text-center">
        <h1 className="text-lg font-semibold text-ink-100">Storyboard not found</h1>
        <p className="mt-2 text-sm text-ink-400">It may have been deleted, or the link is mistyped.</p>
        <Link href="/" className={buttonClasses("secondary", "md", "mt-6")}>
          All storyboards
        </Link>
      </main>
    </>
  );
}
