import { describe, expect, it } from "vitest";
import { draftReducer, initialDraft, isDirty, saveStatus, type DraftAction, type DraftState } from "@/components/storyboard/draft-field";

const run = (s: DraftState, ...actions: DraftAction[]) => actions.reduce(draftReducer, s);

describe("draft field", () => {
  it("takes a server value while idle", () => {
    const s = run(initialDraft("a"), { type: "server", value: "b" });
    expect(s.value).toBe("b");
    expect(isDirty(s)).toBe(false);
  });

  it("never overwrites a focused field", () => {
    const s = run(initialDraft("a"), { type: "focus" }, { type: "server", value: "poll" });
    expect(s.value).toBe("a");
  });

  it("never overwrites a dirty field, even unfocused", () => {
    const s = run(initialDraft("a"), { type: "edit", value: "mine" }, { type: "server", value: "poll" });
    expect(s.value).toBe("mine");
  });

  it("never overwrites a field while its save is in flight", () => {
    const s = run(
      initialDraft("a"),
      { type: "focus" },
      { type: "edit", value: "mine" },
      { type: "save-start", value: "mine" },
      { type: "blur" },
      { type: "server", value: "a" },
    );
    expect(s.value).toBe("mine");
    expect(saveStatus(s, false)).toBe("saving");
  });

  it("is clean after its save lands, and then follows the server again", () => {
    let s = run(initialDraft("a"), { type: "edit", value: "b" }, { type: "save-start", value: "b" }, { type: "save-ok", value: "b" });
    expect(isDirty(s)).toBe(false);
    expect(saveStatus(s, true)).toBe("saved");
    s = draftReducer(s, { type: "server", value: "c" });
    expect(s.value).toBe("c");
  });

  it("stays dirty when typing continued during the save", () => {
    const s = run(
      initialDraft("a"),
      { type: "edit", value: "b" },
      { type: "save-start", value: "b" },
      { type: "edit", value: "bc" },
      { type: "save-ok", value: "b" },
    );
    expect(s.value).toBe("bc");
    expect(saveStatus(s, true)).toBe("unsaved");
  });

  it("keeps the person's text when a save fails", () => {
    const s = run(
      initialDraft("a"),
      { type: "edit", value: "b" },
      { type: "save-start", value: "b" },
      { type: "save-error", message: "Server down" },
      { type: "server", value: "a" },
    );
    expect(s.value).toBe("b");
    expect(s.error).toBe("Server down");
    expect(saveStatus(s, false)).toBe("error");
  });
});
