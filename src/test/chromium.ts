import { existsSync } from 'node:fs';
import { aptInstall } from './debian.js';

/** Debian's Chromium: `npx playwright install` has no network here to download its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser tests' setup: installs Chromium (and a font with Vietnamese glyphs) if missing. */
export function ensureChromium(): void {
  if (!existsSync(CHROMIUM)) aptInstall(['chromium', 'fonts-noto-core']);
}
