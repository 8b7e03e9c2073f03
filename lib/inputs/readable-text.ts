import { AppError } from "@/lib/errors";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;

/** Refuses what is not human text (a binary file, an empty paste) before any parser sees it. */
export function assertReadableText(text: string, what: string): string {
  if (text.trim() === "") throw new AppError("UNREADABLE_INPUT", `The ${what} is empty.`);
  if (CONTROL.test(text)) {
    throw new AppError("UNREADABLE_INPUT", `The ${what} looks like a binary file (it holds control characters); send plain text.`);
  }
  return text;
}
