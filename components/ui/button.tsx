import type { ComponentProps } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "subtle";
export type ButtonSize = "sm" | "md" | "icon" | "icon-sm";

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    "bg-accent-500 text-ink-950 hover:bg-accent-400 active:bg-accent-600 disabled:bg-ink-700 disabled:text-ink-400 font-medium",
  secondary:
    "bg-ink-800 text-ink-100 ring-1 ring-inset ring-ink-700 hover:bg-ink-750 hover:ring-ink-600 disabled:text-ink-500 disabled:hover:bg-ink-800",
  subtle: "bg-ink-850 text-ink-200 hover:bg-ink-800 hover:text-ink-100 disabled:text-ink-500",
  ghost: "text-ink-300 hover:bg-ink-800 hover:text-ink-100 disabled:text-ink-600 disabled:hover:bg-transparent",
  danger: "text-danger-400 hover:bg-danger-950 hover:text-danger-400 ring-1 ring-inset ring-danger-500/30",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-7 px-2.5 text-xs gap-1.5 rounded-md",
  md: "h-9 px-3.5 text-sm gap-2 rounded-md",
  icon: "h-9 w-9 rounded-md",
  "icon-sm": "h-7 w-7 rounded-md",
};

export function buttonClasses(variant: ButtonVariant = "secondary", size: ButtonSize = "md", className?: string) {
  return cn(
    "inline-flex shrink-0 select-none items-center justify-center whitespace-nowrap transition-colors duration-150 disabled:cursor-not-allowed",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

type ButtonProps = ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant, size, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...rest} />;
}
