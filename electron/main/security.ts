import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * The main window's options. Every security switch is spelled out, even where it matches
 * Electron's default, so a future default change or a copy-paste from a tutorial
 * (`sandbox: false`) cannot slip in unnoticed — a unit test pins them.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Pijlerplan',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  };
}

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

/** Links the user clicks that may open in the system browser: plain https, nothing else. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
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

/** The app needs no camera, microphone, notifications, geolocation…: refuse every request. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
