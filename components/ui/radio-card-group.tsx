import type { ReactNode } from "react";
import { cn } from "./cn";

// A set of radio buttons drawn as cards: real <input type="radio"> (arrow keys, one tab stop, the
// form's value) hidden with sr-only, and a card after it that styles itself with Tailwind's
// `peer-checked:` and `peer-focus-visible:`. The card's markup is the caller's.

/** The focus ring every card shows when its radio has keyboard focus. */
export const RADIO_CARD_FOCUS = "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-400";

export function RadioCardGroup<T extends string | number>(props: {
  legend: ReactNode;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** The cards' container (grid or flex). */
  className?: string;
  /** Each card's <label>. */
  itemClassName?: string;
  /** The card drawn after the hidden radio; style it with peer-checked: classes. */
  renderCard: (option: T, checked: boolean) => ReactNode;
  /** Anything after the cards, inside the group (a custom value's input). */
  children?: ReactNode;
}) {
  const { legend, name, options, value, onChange, className, itemClassName, renderCard, children } = props;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-ink-200">{legend}</legend>
      <div className={cn("mt-3", className)}>
        {options.map((option) => (
          <label key={String(option)} className={cn("cursor-pointer", itemClassName)}>
            <input
              type="radio"
              name={name}
              value={String(option)}
              checked={value === option}
              onChange={() => onChange(option)}
              className="peer sr-only"
            />
            {renderCard(option, value === option)}
          </label>
        ))}
        {children}
      </div>
    </fieldset>
  );
}
