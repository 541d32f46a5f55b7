import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless. The background-networking flag keeps it from calling out to
 * the internet (the machine has none); WebGL runs on SwiftShader without further flags.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
