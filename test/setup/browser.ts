import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser (`CHROMIUM_PATH` overrides /usr/bin/chromium). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium as this machine allows it: no sandbox (root), no GPU, no calls home; and
 * as a reader who asked for less motion (prefers-reduced-motion), so that pages settle at once and
 * no endless animation keeps the browser drawing (a context may ask `reducedMotion: 'no-preference'`).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--force-prefers-reduced-motion',
    ],
  });
}
