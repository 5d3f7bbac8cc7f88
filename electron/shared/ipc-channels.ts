/**
 * The IPC channel names, and nothing else: the sandboxed preload imports this file, and a
 * sandboxed preload cannot `require` npm packages, so it must stay free of dependencies
 * (the payload schemas live in ipc-contract.ts, which uses zod).
 */
export const IPC_CHANNELS = [
  'workspace:open',
  'workspace:openRecent',
  'workspace:startup',
  'workspace:save',
  'workspace:readCurrent',
  'workspace:takeOver',
  'workspace:release',
  'spreadsheet:open',
  'export:save',
  'export:printToPdf',
  'export:begin',
  'export:write',
  'export:commit',
  'export:abort',
  'recent:list',
  'window:setTitle',
  'recovery:write',
  'recovery:read',
  'recovery:clear',
] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** Main → renderer: a native menu item was chosen; the payload is its command id. */
export const COMMAND_EVENT = 'menu:command';

/**
 * Main → renderer: open this workspace (a double-clicked file or a second instance's argument,
 * or Bestand › Recente bestanden in the native menu). The renderer asks about unsaved changes
 * first, then opens it through workspace:openRecent (main has put it on the recent list).
 */
export const OPEN_FILE_EVENT = 'workspace:openRequested';

export const isIpcChannel = (value: unknown): value is IpcChannel =>
  typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
