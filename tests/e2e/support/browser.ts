import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import sharp from "sharp";

// Debian's Chromium, driven by playwright-core (never `npx playwright install`).
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const phone = viewport.width < 500;
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    reducedMotion: "no-preference",
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.location().url)) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

const SCREENS = path.join(process.cwd(), "test-results", "screenshots");
const DOCS = path.join(process.cwd(), "docs", "screenshots");

/**
 * Saves a screenshot under test-results/screenshots/. With E2E_UPDATE_SCREENSHOTS=1 the ones meant
 * for the README are copied to docs/screenshots/ too (only then, so a test run leaves git clean).
 */
export async function screenshot(
  page: Page,
  name: string,
  opts: { docs?: boolean; fullPage?: boolean; animations?: "allow" | "disabled" } = {},
): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const file = path.join(SCREENS, `${name}.png`);
  // Park the pointer so no hover state (the "+" between cards) lands in the picture.
  await page.mouse.move(1, 1);
  await page.screenshot({ path: file, animations: opts.animations ?? "disabled", caret: "hide", fullPage: opts.fullPage });
  if (opts.docs && process.env.E2E_UPDATE_SCREENSHOTS === "1") {
    mkdirSync(DOCS, { recursive: true });
    // Committed copies are palette PNGs: a fraction of the size, no visible loss on UI.
    const target = path.join(DOCS, `${name}.png`);
    await sharp(file).png({ palette: true, quality: 90, compressionLevel: 9, effort: 8 }).toFile(target);
    const size = statSync(target).size;
    if (size >= 400_000) throw new Error(`${name}.png is ${Math.round(size / 1000)} kB; docs screenshots must stay under 400 kB`);
  }
  return file;
}

/** Waits until every scene card shows a loaded picture. */
export async function waitForAllFrames(page: Page, timeout = 90_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      // Interactive first: a click or key before hydration would be lost.
      if (!document.querySelector("[data-editor][data-hydrated]")) return false;
      const cards = [...document.querySelectorAll<HTMLElement>("[data-scene-id]")].filter((c) => c.offsetParent !== null);
      if (cards.length === 0) return false;
      const ok = cards.every((card) => {
        const img = card.querySelector<HTMLImageElement>("article img");
        const state = card.querySelector<HTMLElement>("[data-frame-state]")?.dataset.frameState;
        return state === "ready" && !!img && img.complete && img.naturalWidth > 0;
      });
      return ok ? cards.length : false;
    },
    null,
    { timeout, polling: 250 },
  );
  return (await handle.jsonValue()) as number;
}

/** Scene ids in the order the (visible) grid shows them. */
export function sceneIds(page: Page): Promise<string[]> {
  return page.$$eval("[data-scene-id]", (els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).dataset.sceneId ?? ""),
  );
}

/** Waits until the client component under `selector` has hydrated (it sets data-hydrated). */
export async function waitHydrated(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}[data-hydrated]`).first().waitFor({ state: "attached" });
}
