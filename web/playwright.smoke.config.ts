import { defineConfig } from '@playwright/test';
import { phoneProject } from './e2e/chromium';

// Smoke tests of the built client alone (vite preview of dist/, API mocked in the browser).
// They prove the browser setup, the app shell, the map and offline start without a backend.
const port = Number(process.env.SMOKE_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  testMatch: /smoke\.spec\.ts$/,
  outputDir: './test-results/artifacts',
  workers: 1,
  timeout: 30_000,
  reporter: [['list']],
  use: { baseURL: `http://localhost:${port}`, screenshot: 'only-on-failure' },
  projects: [phoneProject],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    timeout: 60_000,
    reuseExistingServer: false,
  },
});
