"use client";

import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from "react";
import { errorMessage } from "@/components/api/fetch-json";
import { draftReducer, initialDraft, saveStatus, type SaveStatus } from "./draft-field";

type Options = {
  /** The value in the cache (the server's, or an optimistic one). */
  serverValue: string;
  save: (value: string) => Promise<void>;
  /** A message when the value must not be sent. */
  validate?: (value: string) => string | null;
  debounceMs?: number;
};

/** A text field that saves itself ~500 ms after typing stops, and at once on blur. */
export function useDraftField({ serverValue, save, validate, debounceMs = 500 }: Options) {
  const [state, dispatch] = useReducer(draftReducer, serverValue, initialDraft);
  const [everSaved, setEverSaved] = useState(false);
  const latest = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  const validateRef = useRef(validate);

  useLayoutEffect(() => {
    latest.current = state;
    saveRef.current = save;
    validateRef.current = validate;
  });

  useEffect(() => {
    dispatch({ type: "server", value: serverValue });
  }, [serverValue]);

  const commit = useCallback(async () => {
    clearTimeout(timer.current);
    const s = latest.current;
    if (s.value === s.base || s.saving === s.value) return;
    if (validateRef.current?.(s.value)) return;
    const value = s.value;
    dispatch({ type: "save-start", value });
    try {
      await saveRef.current(value);
      dispatch({ type: "save-ok", value });
      setEverSaved(true);
    } catch (e) {
      dispatch({ type: "save-error", message: errorMessage(e) });
    }
  }, []);

  // Leaving (closing the panel, switching scenes) saves what was typed.
  useEffect(() => () => void commit(), [commit]);

  const onChange = useCallback(
    (value: string) => {
      dispatch({ type: "edit", value });
      latest.current = { ...latest.current, value };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void commit(), debounceMs);
    },
    [commit, debounceMs],
  );

  const invalid = validate?.(state.value) ?? null;
  const status: SaveStatus = saveStatus(state, everSaved);

  return {
    value: state.value,
    status,
    error: invalid ?? state.error,
    invalid: invalid !== null,
    onChange,
    onFocus: useCallback(() => dispatch({ type: "focus" }), []),
    onBlur: useCallback(() => {
      dispatch({ type: "blur" });
      void commit();
    }, [commit]),
    retry: commit,
  };
}
