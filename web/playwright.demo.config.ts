import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { phoneProject } from './e2e/chromium';

// Journeys that need the demo marketplace (300 spots of the demo owner, the demo admin): the packaged
// server on its own fresh embedded PostgreSQL with PARKINGSPOTS_DEMO_DATA=true.
const port = Number(process.env.E2E_DEMO_PORT ?? 8766);
const dataDir =
  process.env.PARKINGSPOTS_E2E_DEMO_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'parkingspots-demo-'));
const java = process.env.E2E_JAVA ?? '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';

export default defineConfig({
  testDir: './e2e',
  testMatch: /owner-admin\.spec\.ts$/,
  outputDir: './test-results/artifacts-demo',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [phoneProject],
  webServer: {
    command: `${java} -jar ../backend/target/parkingspots.jar`,
    url: `http://localhost:${port}/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      PARKINGSPOTS_DATA_DIR: dataDir,
      PARKINGSPOTS_DEMO_DATA: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
  },
});
