// Launches Debian's chromium through playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";

export const chromiumArgs = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** One headless Chromium for a whole test file. */
export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs, headless: true });
}
