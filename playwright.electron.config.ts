import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test (tests/electron), separate from the web end-to-end suite because it
 * needs Electron's binary, which only a networked machine can fetch. Where the binary is
 * missing the test skips and says why. Run after a build:
 *   npx electron-vite build && npx playwright test -c playwright.electron.config.ts
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
