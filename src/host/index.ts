import { createBrowserHost, type BrowserHostOptions } from './browser-host';
import { electronHostFromWindow } from './electron-host';
import type { Host, HostFile, HostResult } from './host';

/** A host, plus the workspace the app should open at start instead of the demo (Electron). */
export type AppHost = Host & {
  /** The workspace named on the command line or by the OS, if any. */
  startupWorkspace?: () => Promise<HostResult<HostFile | null>>;
};

/**
 * The host the renderer runs on: Electron when its preload bridge (`window.pijlerplan`) is
 * present, otherwise the plain browser page (tests, `npm run web`).
 */
export function createHost(browserOptions: BrowserHostOptions): AppHost {
  return electronHostFromWindow() ?? createBrowserHost(browserOptions);
}
