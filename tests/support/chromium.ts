import { existsSync } from 'node:fs';

/** Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium), else Playwright's own browser if one is installed. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/** Flags that keep a headless Chromium off the network: this machine has none, and the app needs none. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
