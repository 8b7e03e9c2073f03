// The state of one editable text field that saves itself. Pure reducer (tests/ui/draft-field.test.ts);
// use-draft-field.ts adds the debounce and the save call.
//
// The rule that keeps work from being lost: a value arriving from the server replaces what the
// field shows only when the field is not focused, not dirty and not saving.

export type DraftState = {
  /** What the field shows. */
  value: string;
  /** The last value known to be saved on the server. */
  base: string;
  focused: boolean;
  /** The value being saved right now, if any. */
  saving: string | null;
  /** Why the last save failed (the field keeps the person's text). */
  error: string | null;
};

export type DraftAction =
  | { type: "server"; value: string }
  | { type: "edit"; value: string }
  | { type: "focus" }
  | { type: "blur" }
  | { type: "save-start"; value: string }
  | { type: "save-ok"; value: string }
  | { type: "save-error"; message: string };

export function initialDraft(value: string): DraftState {
  return { value, base: value, focused: false, saving: null, error: null };
}

export function isDirty(s: DraftState): boolean {
  return s.value !== s.base;
}

export function draftReducer(s: DraftState, a: DraftAction): DraftState {
  switch (a.type) {
    case "server":
      if (a.value === s.base && a.value === s.value) return s;
      if (s.focused || isDirty(s) || s.saving !== null) return s;
      return { ...s, value: a.value, base: a.value, error: null };
    case "edit":
      return a.value === s.value ? s : { ...s, value: a.value, error: null };
    case "focus":
      return s.focused ? s : { ...s, focused: true };
    case "blur":
      return s.focused ? { ...s, focused: false } : s;
    case "save-start":
      return { ...s, saving: a.value, error: null };
    case "save-ok":
      return { ...s, base: a.value, saving: null };
    case "save-error":
      return { ...s, saving: null, error: a.message };
  }
}

export type SaveStatus = "idle" | "unsaved" | "saving" | "saved" | "error";

export function saveStatus(s: DraftState, everSaved: boolean): SaveStatus {
  if (s.error) return "error";
  if (s.saving !== null) return "saving";
  if (isDirty(s)) return "unsaved";
  return everSaved ? "saved" : "idle";
}
