import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * The main window's size and first paint. Its webPreferences are not here: they are written
 * out in the BrowserWindow constructor (app.ts), where a static scanner can read them.
 */
export const MAIN_WINDOW_FRAME = {
  width: 1440,
  height: 900,
  minWidth: 960,
  minHeight: 600,
  title: 'Pijlerplan',
  // Shown on ready-to-show, so the user never sees an empty white frame.
  show: false,
  backgroundColor: '#ffffff',
} as const satisfies BrowserWindowConstructorOptions;

/** Origins the renderer may be loaded from: app://pijlerplan, and the dev server in dev. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) {
    try {
      origins.push(new URL(devServerUrl).origin);
    } catch {
      // A malformed dev URL trusts nothing extra.
    }
  }
  return origins;
}

/** Whether a URL belongs to the app itself (used for IPC senders and navigation). */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    // app:// is a standard scheme, so its origin is "app://pijlerplan"; compare by hand too,
    // because Node's URL reports "null" as the origin of unknown schemes.
    const origin = parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
    return origins.includes(origin);
  } catch {
    return false;
  }
}

/**
 * Sites the app links to (the About dialog's sources, the agency itself). Anything else is
 * not opened: a link smuggled into imported data cannot send the user to an arbitrary site.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'statbel.fgov.be',
  'www.integratie-inburgering.be',
  'integratie-inburgering.be',
  'www.vlaanderen.be',
  'sqlite.org',
  'www.sqlite.org',
];

/** Links that may open in the system browser: https, default port, on the allow-list. */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === '' &&
      EXTERNAL_HOSTS.includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}

export type HardeningDeps = {
  origins: readonly string[];
  /** shell.openExternal */
  openExternal: (url: string) => Promise<void>;
};

/**
 * The window never becomes something else: no navigation away from the app, no new windows
 * (an https link opens in the user's browser instead — the About text cites Statbel), no
 * <webview>s.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  deps: HardeningDeps,
): void {
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (isExternalLink(details.url)) void deps.openExternal(details.url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url, deps.origins)) return;
    event.preventDefault();
    if (isExternalLink(url)) void deps.openExternal(url).catch(() => undefined);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, deps.origins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The only permissions the app uses: reading the clipboard (pasting a block of cells into
 * the planning grid) and writing it (copying cells). Everything else — camera, microphone,
 * notifications, geolocation, … — is refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-read',
  'clipboard-sanitized-write',
]);

/** Whether `permission` may be granted to a page at `requestingUrl` (the app's own only). */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  origins: readonly string[],
): boolean {
  return (
    GRANTED_PERMISSIONS.has(permission) &&
    requestingUrl !== undefined &&
    isTrustedUrl(requestingUrl, origins)
  );
}

/**
 * Installs the permission policy on a session: clipboard for the app's own origin (checked
 * per request — an injected frame of another origin gets nothing), every other request
 * refused.
 */
export function applyPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  origins: readonly string[],
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origins),
  );
}
