import { describe, expect, it } from "vitest";
import { takeNdjsonLines } from "@/components/storyboard/animatic-export";

describe("takeNdjsonLines", () => {
  it("returns complete lines as events and keeps a partial line for the next chunk", () => {
    const first = takeNdjsonLines('{"type":"progress","fraction":0.1}\n{"type":"progress","fr');
    expect(first.events).toEqual([{ type: "progress", fraction: 0.1 }]);
    expect(first.rest).toBe('{"type":"progress","fr');
    const second = takeNdjsonLines(`${first.rest}action":0.5}\n{"type":"done","url":"/api/files/x.mp4","bytes":9,"durationSeconds":3}\n`);
    expect(second.events).toEqual([
      { type: "progress", fraction: 0.5 },
      { type: "done", url: "/api/files/x.mp4", bytes: 9, durationSeconds: 3 },
    ]);
    expect(second.rest).toBe("");
  });

  it("skips blank lines", () => {
    expect(takeNdjsonLines("\n\n").events).toEqual([]);
  });
});
