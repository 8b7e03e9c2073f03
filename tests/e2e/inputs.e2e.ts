import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, launchBrowser, newPage, PHONE, sceneIds, screenshot, waitForAllFrames, waitHydrated } from "./support/browser";

// The New storyboard tabs in real Chromium: a Fountain script pasted into the Script tab is
// previewed in the browser, imported, and drawn — one scene per slugline, each with a frame.

const baseURL = inject("baseURL");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser, baseURL, DESKTOP));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("input tabs", () => {
  it("imports a Fountain script from the Script tab: one scene per slugline, every frame drawn", async () => {
    const script = await readFile(path.join(__dirname, "../inputs/fixtures/night-shift.fountain"), "utf8");
    await page.goto("/");
    await waitHydrated(page, "form");
    await page.getByRole("tab", { name: "Script" }).click();
    await page.getByRole("textbox", { name: /Screenplay/ }).fill(script);
    await expect.poll(() => page.getByText("3 scenes · cast: ADA, BEN").isVisible()).toBe(true);
    await screenshot(page, "inputs-script-desktop");

    await page.getByRole("button", { name: "Import script" }).click();
    await page.waitForURL(/\/storyboards\/[^/]+$/, { timeout: 60_000 });
    const frames = await waitForAllFrames(page);
    expect(frames).toBe(3);
    expect(await sceneIds(page)).toHaveLength(3);
    expect(await page.getByText(/Hospital Corridor/).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("shows a server error in the Code tab and lays the tabs out on a phone", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await waitHydrated(page, "form");
    await page.getByRole("tab", { name: "Code" }).click();
    await page.getByRole("textbox", { name: "File name" }).fill("main.rs");
    await page.getByRole("textbox", { name: "Code" }).fill("fn main() { println!(\"hi\"); }");
    await page.getByRole("button", { name: "Explain this code" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "main.rs is none of them" }).isVisible()).toBe(true);
    await screenshot(page, "inputs-code-phone");
    await page.getByRole("tab", { name: "Script" }).click();
    await screenshot(page, "inputs-script-phone");
  });

  it("serves seed 002's routes without the /api prefix: POST /storyboard/code → 202 → poll /storyboard/jobs/:id", async () => {
    const res = await page.request.post("/storyboard/code", {
      data: { file_content: "// Package billing sends invoices.\npackage billing\n\n// Send mails the invoice.\nfunc Send() {}\n", file_name: "billing.go", stage: "shipped", audience: "business_owner" },
    });
    expect(res.status()).toBe(202);
    const { poll_url: pollUrl, job_id: jobId } = await res.json();
    // Seed 002's clients poll until the board is drawn, then read it as a base64 PNG.
    let body: { job_id: string; status: string; result_image: string | null } = { job_id: "", status: "processing", result_image: null };
    await expect
      .poll(
        async () => {
          const job = await page.request.get(pollUrl.replace(/^\/api/, ""));
          expect(job.status()).toBe(200);
          body = await job.json();
          return body.status;
        },
        { timeout: 60_000 },
      )
      .toBe("completed");
    expect(body.job_id).toBe(jobId);
    expect(Buffer.from(body.result_image ?? "", "base64").subarray(1, 4).toString()).toBe("PNG");
  });
});
