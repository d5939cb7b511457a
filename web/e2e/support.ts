import { test as base, expect, type Page } from '@playwright/test';

// A 1×1 transparent PNG: stands in for map tiles, which no test may fetch from the internet.
export const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export const test = base.extend<{ blankTiles: void; noCspViolations: void }>({
  blankTiles: [
    async ({ context }, use) => {
      await context.route(/tile\.openstreetmap\.org|\/tiles?\//, (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG }),
      );
      await use();
    },
    { auto: true },
  ],
  // Every test runs under the server's Content-Security-Policy and fails if the browser reports a
  // violation: a `securitypolicyviolation` event on any page, or Chromium's console message about one.
  noCspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', (_source, violation: string) => {
        violations.push(violation);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation?: (v: string) => void })
            .__reportCspViolation;
          report?.(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
              `(${event.sourceFile || location.href}:${event.lineNumber})`,
          );
        });
      });
      context.on('console', (message) => {
        if (
          /Content Security Policy|Refused to (load|apply|execute|connect|frame|create)/i.test(
            message.text(),
          )
        ) {
          violations.push(`console: ${message.text()}`);
        }
      });
      await use();
      expect(violations, 'Content-Security-Policy violations reported by the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signUp(
  page: Page,
  user: { name: string; email: string; password: string; role: 'driver' | 'owner' },
) {
  await page.goto('/sign-up');
  await page
    .getByLabel(user.role === 'owner' ? 'Rent out my space (owner)' : 'Find parking (driver)')
    .check();
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).not.toHaveURL(/sign-up/);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export async function signOut(page: Page) {
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
}
