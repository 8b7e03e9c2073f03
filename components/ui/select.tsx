import type { ComponentProps } from "react";
import { cn } from "./cn";

// One native <select> for the studio: the browser's own keyboard and screen-reader behaviour, our look.
// "field" sits in forms (a ring, an accent focus ring); "bare" sits in running text (the editor's
// meta line) and only shows itself on hover and focus. Size and spacing come from className.

export type SelectOption<T extends string> = { value: T; label: string };

const VARIANTS = {
  field: "rounded-md bg-ink-900 text-ink-100 ring-1 ring-ink-700 focus:outline-none focus:ring-2 focus:ring-accent-500/70",
  bare: "cursor-pointer appearance-none rounded-md bg-transparent text-ink-300 hover:bg-ink-850 hover:text-ink-100 focus:bg-ink-850 focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-500/60",
} as const;

type Props<T extends string> = Omit<ComponentProps<"select">, "value" | "onChange" | "children"> & {
  value: T;
  options: readonly SelectOption<T>[];
  onValueChange: (value: T) => void;
  variant?: keyof typeof VARIANTS;
};

export function Select<T extends string>({ value, options, onValueChange, variant = "field", className, ...rest }: Props<T>) {
  return (
    <select value={value} onChange={(e) => onValueChange(e.target.value as T)} className={cn(VARIANTS[variant], className)} {...rest}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Options from a list of values and a way to name them. */
export function optionsOf<T extends string>(values: readonly T[], label: (value: T) => string = String): SelectOption<T>[] {
  return values.map((value) => ({ value, label: label(value) }));
}
