import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser (`CHROMIUM_PATH` overrides /usr/bin/chromium). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium as this machine allows it: no sandbox (root), no GPU, no calls home. */
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
    ],
  });
}

/**
 * A browser context of a reader who asked for less motion (prefers-reduced-motion), unless
 * `options` say otherwise: pages settle at once, and no endless animation keeps the browser drawing
 * while a test waits. (Chromium's --force-prefers-reduced-motion does not reach Playwright's
 * contexts, which set the media features themselves.)
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ reducedMotion: 'reduce', ...options });
}
