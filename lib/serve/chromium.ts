/** Debian's Chromium, as the browser tests and `npm run audit` start it. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags Debian's Chromium needs as root in a container, and that keep it from calling home. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
