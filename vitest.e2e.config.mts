import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end: builds the app (unless E2E_SKIP_BUILD=1 and a build exists), serves it with
// `next start` on a free port with a throwaway database and storage folder, and drives Debian's
// Chromium through playwright-core. One file at a time, one fork: the tests share one server.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
