export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Storyframe</h1>
      <p className="mt-3 max-w-xl text-ink-300">
        Type an idea, pick a style, and get a storyboard: planned scenes, drawn frames, ready to present and export.
      </p>
    </main>
  );
}
