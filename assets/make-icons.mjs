// Rasterises the icon SVGs (icon.svg, gwdraft.svg; the *-small.svg pixel-grid versions
// for 16–32 px) with Debian's Chromium through playwright-core, then writes the PNGs
// electron-builder reads (icons/NxN.png for Linux, icon.png 1024) and multi-size .ico
// files for Windows. The ICO container is written here, so no image package is needed:
// sizes below 256 as classic 32-bit BMP entries (what NSIS's installer icon and old
// Windows shells read), 256 as PNG. Run: `node assets/make-icons.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** A 32-bit bottom-up DIB with its AND mask, as an ICO entry stores it. */
export function dibFromRgba(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = ((size - 1 - y) * size + x) * 4;
      const to = (y * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size); // all 0: the alpha channel decides
  return Buffer.concat([header, pixels, mask]);
}

/** ICONDIR + ICONDIRENTRY per image + its bytes (width/height 0 means 256). */
export function icoFromImages(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const data = Buffer.from(svg).toString('base64');
  await page.setContent(`<html><body style="margin:0;background:transparent"><img id="i" width="${size}" height="${size}" src="data:image/svg+xml;base64,${data}"></body></html>`);
  const rgba = await page.locator('#i').evaluate(async (img) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, img.width, img.height);
    return Array.from(context.getImageData(0, 0, img.width, img.height).data);
  });
  const png = await page.locator('#i').screenshot({ omitBackground: true });
  return { png, rgba: Buffer.from(rgba) };
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
      for (const size of SIZES) fs.writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), pngs.get(size).png);
      fs.writeFileSync(path.join(here, 'icon.png'), pngs.get(1024).png);
    } else {
      fs.writeFileSync(path.join(here, 'gwdraft.png'), pngs.get(256).png);
    }
    const entries = ICO_SIZES.map((size) => ({ size, data: size >= 256 ? pngs.get(size).png : dibFromRgba(size, pngs.get(size).rgba) }));
    fs.writeFileSync(path.join(here, `${name}.ico`), icoFromImages(entries));
  }
  await browser.close();
  console.log(`icons written to ${here}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
