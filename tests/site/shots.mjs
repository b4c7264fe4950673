// tests/site/shots.mjs: screenshots of a site's pages in headless Chromium,
// for a person to look at (docs/*.png are made with it).
//
//     node shots.mjs SITE OUT WIDTHxHEIGHT PAGE...
//
// Writes OUT/NAME-WIDTH.png for each PAGE (a path below SITE; NAME is its
// file name without .html and with '/' as '-'), the page's full length,
// and prints each page's height and whether it scrolls sideways.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [site, out, size, ...pages] = process.argv.slice(2);
if (!site || !out || !/^\d+x\d+$/.test(size || '')) {
  console.error('usage: node shots.mjs SITE OUT WIDTHxHEIGHT PAGE...');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({
  executablePath: process.env.KITH_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width, height } });
for (const rel of pages) {
  await page.goto(pathToFileURL(path.resolve(site, rel)).href);
  const name = rel.replace(/\.html$/, '').replace(/\//g, '-');
  const file = path.join(out, `${name}-${width}.png`);
  if (process.env.KITH_AT) {	// a viewport's worth from this element on
    await page.locator(process.env.KITH_AT).first().scrollIntoViewIfNeeded();
    await page.locator(process.env.KITH_AT).first().evaluate((e) => e.scrollIntoView());
  }
  await page.screenshot({ path: file, fullPage: !process.env.KITH_AT && process.env.KITH_FULL !== '0' });
  const m = await page.evaluate(() => [document.documentElement.scrollHeight,
    document.documentElement.scrollWidth, window.innerWidth]);
  console.log(`${file}: ${m[0]} px tall, ${m[1]} px wide in ${m[2]}`);
}
await browser.close();
