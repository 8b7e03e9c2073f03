import { z } from "zod";

// Text people (or an LLM, or an imported file) send us is stored in libSQL, which cuts a string at
// its first NUL on the way back out; other control characters garble exports and prompts. They are
// refused with a message rather than silently stripped, so nothing a person typed changes unseen.
// Client-safe: the editor validates with the same schemas.

/** C0 controls, DEL and C1 controls; tab, line feed and carriage return are allowed in multi-line text. */
const CONTROL_IN_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_IN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** Half of a surrogate pair on its own: not valid Unicode, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that may span lines (an idea, a description, dialogue). */
export function multiLineText() {
  return z
    .string()
    .refine((s) => !CONTROL_IN_MULTI_LINE.test(s), "contains a control character (such as NUL); remove it")
    .refine((s) => !LONE_SURROGATE.test(s), "contains an invalid Unicode character");
}

/** Text on one line (a title, a name, an id): no line breaks or tabs either. */
export function singleLineText() {
  return z
    .string()
    .refine((s) => !CONTROL_IN_SINGLE_LINE.test(s), "contains a control character or line break; remove it")
    .refine((s) => !LONE_SURROGATE.test(s), "contains an invalid Unicode character");
}
