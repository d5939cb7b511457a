// Renders public/favicon.svg into the PWA's PNG icons with the system Chromium (run once; PNGs are committed).
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
const icons = [
    { file: 'pwa-192x192.png', size: 192, padding: 0 },
    { file: 'pwa-512x512.png', size: 512, padding: 0 },
    { file: 'apple-touch-icon.png', size: 180, padding: 0, square: true },
    { file: 'maskable-512x512.png', size: 512, padding: 0.1, square: true },
];
for (const icon of icons) {
    const inner = icon.size * (1 - icon.padding * 2);
    const body = icon.square ? svg.replace('rx="112"', 'rx="0"') : svg;
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
        `<html><body style="margin:0;background:${icon.square ? '#1f4fd8' : 'transparent'};display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px">` +
            `<div style="width:${inner}px;height:${inner}px">${body.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
    );
    const png = await page.screenshot({ omitBackground: !icon.square });
    await writeFile(new URL(`../public/${icon.file}`, import.meta.url), png);
    console.log(`wrote public/${icon.file}`);
}
await browser.close();
