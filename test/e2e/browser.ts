import { chromium, type Browser } from 'playwright-core';
import chromiumOptions from '../chromium.json' with { type: 'json' };

/** Debian's Chromium, headless, with the flags these machines need. Never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumOptions.executablePath,
    args: chromiumOptions.args,
  });
}
