// Renders build/icon.svg to the icon files each platform needs (run once, outputs are committed):
// build/icons/<n>x<n>.png for Linux, build/icons/icon.ico for Windows, build/icons/icon.icns for macOS.
import { chromium } from 'playwright-core';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { chromiumPath, CHROMIUM_ARGS } from '../tests/support/chromium';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile('build/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
const png = new Map<number, Buffer>();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  png.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
}
await browser.close();

await mkdir('build/icons', { recursive: true });
for (const size of SIZES) await writeFile(`build/icons/${size}x${size}.png`, png.get(size)!);

// ICO: a directory of PNG images (Vista and later read PNG entries), sizes up to 256.
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * icoSizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = header.length;
icoSizes.forEach((size, i) => {
  const data = png.get(size)!;
  const at = 6 + i * 16;
  header.writeUInt8(size === 256 ? 0 : size, at);
  header.writeUInt8(size === 256 ? 0 : size, at + 1);
  header.writeUInt16LE(1, at + 4);
  header.writeUInt16LE(32, at + 6);
  header.writeUInt32LE(data.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += data.length;
});
await writeFile('build/icons/icon.ico', Buffer.concat([header, ...icoSizes.map((s) => png.get(s)!)]));

// ICNS: typed PNG entries.
const icnsTypes: Array<[string, number]> = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512]];
const entries = icnsTypes.map(([type, size]) => {
  const data = png.get(size)!;
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
});
const total = 8 + entries.reduce((n, e) => n + e.length, 0);
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(total, 4);
await writeFile('build/icons/icon.icns', Buffer.concat([icnsHead, ...entries]));
console.log(`Wrote ${SIZES.length} PNGs, icon.ico and icon.icns to build/icons.`);
