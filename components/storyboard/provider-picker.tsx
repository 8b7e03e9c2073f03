import { Select, type SelectOption } from "@/components/ui/select";

// Which configured image provider the next generate (or a single regenerate) draws with. Fed by
// GET /api/providers; its value goes to POST /api/storyboards/:id/generate as `provider`. With only
// one provider configured there is nothing to pick, and it renders nothing.

export type PickableProvider = { id: string; label: string; active: boolean };

export function providerOptions(providers: readonly PickableProvider[]): SelectOption<string>[] {
  return providers.map((p) => ({ value: p.id, label: p.active ? `${p.label} (default)` : p.label }));
}

export function ProviderPicker({
  providers,
  value,
  onValueChange,
  className,
}: {
  providers: readonly PickableProvider[];
  /** The picked id; absent: the active (default) provider. */
  value?: string;
  onValueChange: (id: string) => void;
  className?: string;
}) {
  if (providers.length < 2) return null;
  const current = value ?? providers.find((p) => p.active)?.id ?? providers[0]!.id;
  return <Select aria-label="Image provider" value={current} options={providerOptions(providers)} onValueChange={onValueChange} className={className} />;
}
