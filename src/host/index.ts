import { createBrowserHost, type BrowserHostOptions } from './browser-host';
import type { Host } from './host';

// TEMPORARY until electron-host.ts lands (H6): browser host only.
export function createHost(browserOptions: BrowserHostOptions): Host {
  return createBrowserHost(browserOptions);
}
