// Renders resources/icons/icon.svg into the icon files the installer needs, with the Chromium
// the end-to-end tests already use (no ImageMagick): a multi-size icon.ico (16–256 px, PNG
// entries, what Windows Explorer, the taskbar and the installer pick from) and a 512 px
// icon.png (Linux, macOS, electron-builder's fallback). The outputs are committed; run
// `npm run icons` after changing the SVG.
import { chromium } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { encodeIco, ICO_SIZES } from './ico';

const dir = fileURLToPath(new URL('../../resources/icons/', import.meta.url));

async function main(): Promise<void> {
  const svg = await readFile(`${dir}icon.svg`, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (size: number): Promise<Uint8Array> => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace(
          '<svg ',
          `<svg style="display:block;width:${size}px;height:${size}px" `,
        )}</body></html>`,
      );
      return page.screenshot({ omitBackground: true, type: 'png' });
    };
    const images = [];
    for (const size of ICO_SIZES) images.push({ size, png: await render(size) });
    await writeFile(`${dir}icon.ico`, encodeIco(images));
    await writeFile(`${dir}icon.png`, await render(512));
    console.log(`icon.ico (${ICO_SIZES.join(', ')} px) en icon.png (512 px) geschreven in ${dir}`);
  } finally {
    await browser.close();
  }
}

await main();
