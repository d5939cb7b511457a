import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { phoneProject } from './e2e/chromium';

// End-to-end tests against the real packaged server (backend jar with this client inside) on a fresh
// embedded PostgreSQL. Build first: ./mvnw -B -ntp package -DskipTests (from the repository root).
const port = Number(process.env.E2E_PORT ?? 8765);
process.env.PARKINGSPOTS_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'parkingspots-e2e-'));
const java = process.env.E2E_JAVA ?? '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';

export default defineConfig({
  testDir: './e2e',
  // owner-admin.spec.ts needs the demo marketplace: playwright.demo.config.ts runs it.
  testIgnore: /owner-admin\.spec\.ts$/,
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [phoneProject],
  webServer: {
    command: `${java} -jar ../backend/target/parkingspots.jar`,
    url: `http://localhost:${port}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      PARKINGSPOTS_DATA_DIR: process.env.PARKINGSPOTS_E2E_DATA_DIR,
      PARKINGSPOTS_DEMO_DATA: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
  },
});
