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
  'spreadsheet:open',
  'export:save',
  'recent:list',
  'window:setTitle',
  'recovery:write',
  'recovery:read',
  'recovery:clear',
] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** Main → renderer: a native menu item was chosen; the payload is its command id. */
export const COMMAND_EVENT = 'menu:command';

export const isIpcChannel = (value: unknown): value is IpcChannel =>
  typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
