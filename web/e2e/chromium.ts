import { devices, type PlaywrightTestConfig } from '@playwright/test';

/** Debian's Chromium (installed with apt by scripts/ensure-chromium.sh); Playwright never downloads a browser. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A phone: Pixel 7 viewport, touch and user agent, in Chromium, in the demo city's time zone. */
export const phoneProject: NonNullable<PlaywrightTestConfig['projects']>[number] = {
  name: 'phone',
  use: {
    ...devices['Pixel 7'],
    browserName: 'chromium',
    timezoneId: 'Europe/Athens',
    locale: 'en-GB',
    launchOptions: chromiumLaunch,
  },
};
