// Rasterises the icon SVGs (icon.svg, gwdraft.svg; the *-small.svg pixel-grid versions
// for 16–32 px) with Debian's Chromium through playwright-core, then writes the PNGs
// electron-builder reads (icons/NxN.png for Linux, icon.png 1024) and multi-size .ico
// files for Windows. The ICO container is written here (PNG-compressed entries, which
// Windows Vista and later read) so no image package is needed: `node assets/make-icons.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** ICONDIR + ICONDIRENTRY per image + the PNG bytes (width/height 0 means 256). */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const data = Buffer.from(svg).toString('base64');
  await page.setContent(`<html><body style="margin:0;background:transparent"><img id="i" width="${size}" height="${size}" src="data:image/svg+xml;base64,${data}"></body></html>`);
  await page.locator('#i').evaluate((img) => img.decode());
  return page.locator('#i').screenshot({ omitBackground: true });
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  fs.mkdirSync(path.join(here, 'icons'), { recursive: true });
  for (const name of ['icon', 'gwdraft']) {
    const big = fs.readFileSync(path.join(here, `${name}.svg`), 'utf8');
    const small = fs.readFileSync(path.join(here, `${name}-small.svg`), 'utf8');
    const pngs = new Map();
    for (const size of SIZES) pngs.set(size, await render(page, size <= 32 ? small : big, size));
    if (name === 'icon') {
      for (const size of SIZES) fs.writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), pngs.get(size));
      fs.writeFileSync(path.join(here, 'icon.png'), pngs.get(1024));
    } else {
      fs.writeFileSync(path.join(here, 'gwdraft.png'), pngs.get(256));
    }
    fs.writeFileSync(path.join(here, `${name}.ico`), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  }
  await browser.close();
  console.log(`icons written to ${here}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
