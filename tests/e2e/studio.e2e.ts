import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, launchBrowser, newPage, PHONE, sceneIds, screenshot, waitForAllFrames, waitHydrated } from "./support/browser";

// The studio, end to end, in real Chromium against `next start` (embedded planner and sketch
// renderer). The tests build on each other: one storyboard is planned first, then edited,
// reordered, regenerated, approved, presented, broken on purpose and repaired.

const baseURL = inject("baseURL");

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let storyboardUrl = "";
let sceneCount = 0;

const card = (id: string) => page.locator(`[data-scene-id="${id}"]`);
const inspector = () => page.getByRole("complementary");

async function openEditor() {
  await page.goto(storyboardUrl);
  await waitForAllFrames(page);
}

/** Waits for a field in the scene panel to report that it is saved. */
async function waitSaved(label: string) {
  const field = inspector().getByRole("textbox", { name: label });
  await expect.poll(() => field.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent)).toBe("Saved");
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser, baseURL, DESKTOP));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("studio", () => {
  it("plans a storyboard from an idea and draws every frame", async () => {
    await page.goto("/");
    await waitHydrated(page, "form");
    await expect.poll(() => page.getByText("No storyboards yet").isVisible()).toBe(true);

    // Inline validation from the schema's limits, before anything is sent.
    await page.getByRole("button", { name: "Plan storyboard" }).click();
    await expect.poll(() => page.getByText("The idea is empty").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Lighthouse tale" }).click();
    expect(await page.getByRole("textbox", { name: "Your idea" }).inputValue()).toContain("lighthouse keeper");
    await page.getByText("16:9", { exact: true }).click();
    await page.getByText("30 s", { exact: true }).click();

    // The server's error envelope reaches the form: answer the first try with a rate limit.
    await page.route(
      "**/api/storyboards",
      (route) =>
        route.fulfill({
          status: 503,
          contentType: "application/json",
          headers: { "Retry-After": "10" },
          body: JSON.stringify({
            success: false,
            error: { code: "RATE_LIMIT", message: "The planner is busy right now. Try again in about 10 seconds." },
          }),
        }),
      { times: 1 },
    );
    await page.getByRole("button", { name: "Plan storyboard" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "The planner is busy" }).isVisible()).toBe(true);
    errors.length = 0; // Chromium logs the staged 503; that one was on purpose.

    // Slow the real request down so the planning state can be seen (an LLM takes this long).
    await page.route("**/api/storyboards", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    }, { times: 1 });
    const started = Date.now();
    await page.getByRole("button", { name: "Plan storyboard" }).click();
    await expect.poll(() => page.getByRole("button", { name: /Planning your storyboard/ }).isVisible()).toBe(true);
    expect(await page.getByRole("textbox", { name: "Your idea" }).isDisabled()).toBe(true);
    await screenshot(page, "home-planning-desktop");
    await page.waitForURL(/\/storyboards\/[\w-]+$/, { timeout: 60_000 });
    storyboardUrl = new URL(page.url()).pathname;

    sceneCount = await waitForAllFrames(page);
    expect(sceneCount).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId("progress-text").textContent(), { timeout: 20_000 }).toBe("Ready");
    console.log(`[e2e] ${sceneCount} frames drawn ${Math.round((Date.now() - started) / 100) / 10} s after submit`);

    // Every frame is a real, decoded picture in the storyboard's aspect ratio, with alt text.
    const frames = await page.$$eval("[data-scene-id] article img", (imgs) =>
      (imgs as HTMLImageElement[]).map((i) => ({ w: i.naturalWidth, h: i.naturalHeight, alt: i.alt })),
    );
    expect(frames).toHaveLength(sceneCount);
    for (const f of frames) {
      expect(f.w).toBeGreaterThan(0);
      expect(f.w / f.h).toBeCloseTo(16 / 9, 1);
      expect(f.alt.length).toBeGreaterThan(5);
    }
    expect(await page.getByTestId("cost").textContent()).toContain("Free");
    await screenshot(page, "editor-desktop", { docs: true });
  });

  it("edits a scene, and the edit is still there after a reload", async () => {
    const id = (await sceneIds(page))[1]!;
    await page.getByRole("button", { name: "Edit scene 2" }).click();
    const description = inspector().getByRole("textbox", { name: "Description" });
    await description.fill("A red kite dances over the harbour wall at dawn.");
    // Optimistic: the card follows while the save is on its way.
    await expect.poll(() => card(id).getByTestId("scene-description").textContent()).toBe(
      "A red kite dances over the harbour wall at dawn.",
    );
    await waitSaved("Description");
    await screenshot(page, "editor-inspector-desktop", { docs: true });

    await inspector().getByRole("textbox", { name: "Dialogue" }).fill("Mira: It came back.");
    await waitSaved("Dialogue");

    // The title is edited in place and saved on Enter.
    const title = page.getByRole("textbox", { name: "Storyboard title" });
    const renamed = page.waitForResponse((r) => r.request().method() === "PATCH" && !r.url().includes("/scenes/"));
    await title.fill("The Keeper's Last Light");
    await title.press("Enter");
    expect((await renamed).status()).toBe(200);

    await page.reload();
    await waitForAllFrames(page);
    expect(await page.getByRole("textbox", { name: "Storyboard title" }).inputValue()).toBe("The Keeper's Last Light");
    expect(await card(id).getByTestId("scene-description").textContent()).toBe("A red kite dances over the harbour wall at dawn.");
    expect(await card(id).textContent()).toContain("Mira: It came back.");
  });

  it("reorders scenes with the keyboard and with the mouse, and keeps the order", async () => {
    const before = await sceneIds(page);
    const handle = page.getByRole("button", { name: "Move scene 1" });
    await handle.focus();
    const saved = page.waitForResponse((r) => r.url().endsWith("/scenes/reorder") && r.request().method() === "POST");
    await page.keyboard.press("Space");
    await page.waitForTimeout(250);
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(250);
    await page.keyboard.press("Space");
    expect((await saved).status()).toBe(200);
    const afterKeys = [before[1], before[0], ...before.slice(2)];
    await expect.poll(() => sceneIds(page)).toEqual(afterKeys);

    // Drag scene 3 onto scene 1's place with the pointer.
    const from = await page.getByRole("button", { name: "Move scene 3" }).boundingBox();
    const to = await card(afterKeys[0]!).boundingBox();
    if (!from || !to) throw new Error("no boxes to drag between");
    const dropped = page.waitForResponse((r) => r.url().endsWith("/scenes/reorder") && r.request().method() === "POST");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 - 20, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3, { steps: 12 });
    await page.waitForTimeout(200);
    await page.mouse.up();
    expect((await dropped).status()).toBe(200);
    const afterDrag = [afterKeys[2], afterKeys[0], afterKeys[1], ...afterKeys.slice(3)];
    await expect.poll(() => sceneIds(page)).toEqual(afterDrag);

    await page.reload();
    await waitForAllFrames(page);
    expect(await sceneIds(page)).toEqual(afterDrag);
  });

  it("regenerates one frame: a new variation joins the history", async () => {
    const id = (await sceneIds(page))[0]!;
    const firstSrc = await card(id).locator("article img").getAttribute("src");
    await page.getByRole("button", { name: "Regenerate scene 1" }).click();
    await expect.poll(() => card(id).getByTestId("variation-count").textContent(), { timeout: 60_000 }).toContain("2");
    // The newest success becomes the frame shown.
    await expect.poll(() => card(id).locator("article img").getAttribute("src")).not.toBe(firstSrc);
    await waitForAllFrames(page);

    // Pick the older variation back from the history.
    await page.getByRole("button", { name: "Edit scene 1" }).click();
    const variations = inspector().getByTestId("variations").getByRole("button");
    // The inspector loads on first use: wait for it rather than count at once.
    await expect.poll(() => variations.count()).toBe(2);
    await inspector().getByRole("button", { name: "Variation 1" }).click();
    await expect.poll(() => card(id).locator("article img").getAttribute("src")).toBe(firstSrc);
    await inspector().getByRole("button", { name: "Close scene details" }).click();
    await page.reload();
    await waitForAllFrames(page);
    expect(await card(id).locator("article img").getAttribute("src")).toBe(firstSrc);
  });

  it("approves the storyboard", async () => {
    const saved = page.waitForResponse((r) => /\/api\/storyboards\/[\w-]+$/.test(r.url()) && r.request().method() === "PATCH");
    await page.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Approved" }).getAttribute("aria-pressed")).toBe("true");
    expect((await saved).status()).toBe(200);
    await page.reload();
    await waitHydrated(page, "[data-editor]");
    expect(await page.getByRole("button", { name: "Approved" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("an approved storyboard is locked: the API refuses edits until it is reopened", async () => {
    const id = (await sceneIds(page))[0]!;
    const locked = await page.request.patch(`/api/storyboards/${storyboardUrl.split("/").pop()}/scenes/${id}`, { data: { notes: "after approval" } });
    expect(locked.status()).toBe(409);
    expect((await locked.json()).error.code).toBe("STORYBOARD_LOCKED");
    const reopened = page.waitForResponse((r) => /\/api\/storyboards\/[\w-]+$/.test(r.url()) && r.request().method() === "PATCH");
    await page.getByRole("button", { name: "Approved" }).click();
    expect((await reopened).status()).toBe(200);
    await expect.poll(() => page.getByRole("button", { name: "Approve" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("exports from the menu, showing the download as it happens", async () => {
    await page.getByRole("button", { name: "Export" }).click();
    const json = page.getByRole("menuitem", { name: /JSON/ });
    expect(await json.getAttribute("href")).toMatch(/\/export\?format=json$/);
    const download = page.waitForEvent("download");
    await json.click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    await expect.poll(() => page.getByText(/^Downloaded .+\.json$/).isVisible()).toBe(true);

    await page.getByRole("button", { name: "Export" }).click();
    const pdf = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("menuitem", { name: /2×3/ }).click();
    const file = await pdf;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("shows why a frame failed, and Retry draws it once the prompt is fixed", async () => {
    await openEditor();
    const id = (await sceneIds(page))[2]!;
    await page.getByRole("button", { name: "Edit scene 3" }).click();
    const prompt = inspector().getByRole("textbox", { name: "Image prompt" });
    const original = await prompt.inputValue();
    await prompt.fill(`${original} [[fail]]`);
    await waitSaved("Image prompt");

    await inspector().getByRole("button", { name: "Regenerate", exact: true }).click();
    await expect.poll(() => card(id).textContent(), { timeout: 60_000 }).toContain("asked to fail");
    const retry = card(id).getByRole("button", { name: "Retry" });
    expect(await retry.isVisible()).toBe(true);
    await screenshot(page, "editor-failed-frame-desktop");

    await prompt.fill(original);
    await waitSaved("Image prompt");
    await retry.click();
    await expect.poll(() => card(id).textContent(), { timeout: 60_000 }).not.toContain("asked to fail");
    await waitForAllFrames(page);
    await expect.poll(() => card(id).getByTestId("variation-count").textContent()).toContain("2");
    await inspector().getByRole("button", { name: "Close scene details" }).click();
  });

  it("deletes a scene with Undo, and deletes for good when the undo window closes", async () => {
    await openEditor();
    const ids = await sceneIds(page);
    await page.getByRole("button", { name: "Delete scene 2" }).click();
    await expect.poll(() => sceneIds(page)).toEqual(ids.filter((x) => x !== ids[1]));
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => sceneIds(page)).toEqual(ids);

    const deleted = page.waitForResponse((r) => r.request().method() === "DELETE" && r.url().includes(ids[1]!), {
      timeout: 15_000,
    });
    await page.getByRole("button", { name: "Delete scene 2" }).click();
    expect((await deleted).status()).toBe(200);
    await page.reload();
    await waitForAllFrames(page);
    expect(await sceneIds(page)).toEqual(ids.filter((x) => x !== ids[1]));
    sceneCount = ids.length - 1;
  });

  it("adds a scene between two others", async () => {
    const ids = await sceneIds(page);
    await page.getByRole("button", { name: "Add a scene after scene 1" }).click();
    const description = inspector().getByRole("textbox", { name: "Description" });
    await expect.poll(() => description.evaluate((el) => el === document.activeElement)).toBe(true);
    await description.fill("Close on the bottle's cork, wet with sea spray.");
    await waitSaved("Description");
    const now = await sceneIds(page);
    expect(now).toHaveLength(ids.length + 1);
    expect(now[0]).toBe(ids[0]);
    expect(now.slice(2)).toEqual(ids.slice(1));
    await page.reload();
    await waitHydrated(page, "[data-editor]");
    expect(await card(now[1]!).getByTestId("scene-description").textContent()).toBe("Close on the bottle's cork, wet with sea spray.");
    sceneCount = now.length;
    // Draw the new scene so the presentation has a picture for every frame.
    await page.getByRole("button", { name: /^(Generate|Retry)/ }).first().click();
    await waitForAllFrames(page);
  });

  it("presents one frame at a time and moves with the keyboard", async () => {
    await openEditor();
    await page.getByRole("link", { name: "Present" }).click();
    await page.waitForURL(/\/present\?frame=1$/);
    await waitHydrated(page, '[data-testid="presentation"]');
    const counter = page.getByTestId("frame-counter");
    const pad = (n: number) => String(n).padStart(2, "0");
    await expect.poll(() => counter.textContent()).toContain(`01 / ${pad(sceneCount)}`);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="presentation"] img[alt]:not([alt=""])');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await page.waitForTimeout(700);
    await screenshot(page, "present-desktop", { docs: true, animations: "allow" });

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter.textContent()).toContain(`02 / ${pad(sceneCount)}`);
    await expect.poll(() => new URL(page.url()).searchParams.get("frame")).toBe("2");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => new URL(page.url()).searchParams.get("frame")).toBe("3");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => counter.textContent()).toContain(`02 / ${pad(sceneCount)}`);

    // Space plays the animatic and pauses it again.
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByRole("button", { name: /Pause/ }).getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByRole("button", { name: /Play animatic/ }).isVisible()).toBe(true);

    // A deep link opens that frame.
    await page.goto(`${storyboardUrl}/present?frame=3`);
    await waitHydrated(page, '[data-testid="presentation"]');
    await expect.poll(() => counter.textContent()).toContain(`03 / ${pad(sceneCount)}`);

    await page.keyboard.press("Escape");
    await page.waitForURL((u) => u.pathname === storyboardUrl);
    await expect.poll(() => page.getByRole("button", { name: "Approve" }).isVisible()).toBe(true);
  });

  it("looks right on the home page with a storyboard in the list", async () => {
    await page.goto("/");
    await expect.poll(() => page.getByRole("link", { name: /Keeper's Last Light/ }).first().isVisible()).toBe(true);
    await page.waitForFunction(() => [...document.querySelectorAll("main ul img")].every((i) => (i as HTMLImageElement).complete));
    await screenshot(page, "home-desktop", { docs: true, fullPage: true });
  });

  it("works on a phone screen", async () => {
    const phone = await newPage(browser, baseURL, PHONE);
    try {
      await phone.page.goto("/");
      await waitHydrated(phone.page, "form");
      await screenshot(phone.page, "home-phone", { docs: true });
      await phone.page.goto(storyboardUrl);
      await waitHydrated(phone.page, "[data-editor]");
      await phone.page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>("[data-scene-id] article img");
        return !!img && img.complete && img.naturalWidth > 0;
      });
      await screenshot(phone.page, "editor-phone", { docs: true });
      await phone.page.getByRole("button", { name: "Edit scene 1" }).click();
      await expect.poll(() => phone.page.getByRole("complementary").isVisible()).toBe(true);
      await screenshot(phone.page, "editor-inspector-phone");
      await phone.page.goto(`${storyboardUrl}/present?frame=2`);
      await waitHydrated(phone.page, '[data-testid="presentation"]');
      await phone.page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="presentation"] img[alt]:not([alt=""])');
        return !!img && img.complete && img.naturalWidth > 0;
      });
      await phone.page.waitForTimeout(700);
      await screenshot(phone.page, "present-phone", { docs: true, animations: "allow" });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it("logged no errors in the browser", () => {
    expect(errors).toEqual([]);
  });
});
