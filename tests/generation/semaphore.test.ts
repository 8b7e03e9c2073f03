import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/generation/semaphore";

describe("Semaphore", () => {
  it("never runs more than its limit at once, and runs everything", async () => {
    const slots = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        slots.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("frees its slot when a task fails", async () => {
    const slots = new Semaphore(1);
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(slots.run(async () => 42)).resolves.toBe(42);
  });
});
