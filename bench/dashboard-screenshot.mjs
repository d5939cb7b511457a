// Screenshots of the admin live dashboard of a running server, e.g. while the load suite runs against it.
//
// Usage: node bench/dashboard-screenshot.mjs <base-url> <admin-email> <admin-password> <out.png> [watch-seconds]
// Signs in through the web client like a person, opens /admin/dashboard, lets it poll for watch-seconds (default 60)
// so its charts show a minute of history, and saves a desktop-sized screenshot. Uses web/'s playwright-core and
// Debian's Chromium (web/scripts/ensure-chromium.sh installs it); loopback only.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'web', 'package.json'));
const { chromium } = require('playwright-core');

const [baseUrl, email, password, out, watch = '60'] = process.argv.slice(2);
if (!baseUrl || !email || !password || !out) {
  console.error('usage: node bench/dashboard-screenshot.mjs <base-url> <admin-email> <admin-password> <out.png> [watch-seconds]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  await page.goto(new URL('/sign-in', baseUrl).toString());
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
  await page.goto(new URL('/admin/dashboard', baseUrl).toString());
  await page.getByRole('heading', { name: 'Live dashboard' }).waitFor({ timeout: 30_000 });
  const seconds = Number(watch);
  for (let waited = 0; waited < seconds; waited += 10) {
    await page.waitForTimeout(Math.min(10, seconds - waited) * 1000);
    console.log(`[dashboard] watched ${Math.min(waited + 10, seconds)} s of ${seconds}`);
  }
  await page.screenshot({ path: out, fullPage: true });
  console.log(`[dashboard] saved ${out}`);
} finally {
  await browser.close();
}
