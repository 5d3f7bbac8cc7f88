import { z } from 'zod';
import type { HostFile, HostResult, RecentFile, RecoveryCopy } from '../../src/host/host';
import type { IpcChannel } from './ipc-channels';

/**
 * The one IPC contract between the renderer and the main process: for every channel, the zod
 * schema its payload must pass (checked in main, because a compromised renderer could send
 * anything) and the type of its answer. The main handler map, the preload bridge and the
 * renderer's client are all typed from here, so a channel cannot exist in one and not the
 * others.
 */

/** Paths come from our own dialogs, but a renderer could send anything: keep them sane. */
const filePath = z.string().min(1).max(4096);
/** A file name suggested to a save dialog — a name, not a path. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/]/.test(name), 'een bestandsnaam mag geen / of \\ bevatten');
// z.custom rather than z.instanceof: the latter narrows to Uint8Array<ArrayBuffer>, which the
// Host's plain Uint8Array parameters would not satisfy.
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'verwacht bytes (Uint8Array)',
});
const none = z.object({}).strict();
/** An export stream's id, as main handed it out. */
const exportId = z.string().uuid();
/** A streamed export's chunk: the renderer sends ~1 MB at a time; refuse anything absurd. */
const chunk = bytes.refine((value) => value.length <= 64 << 20, 'een stuk van hoogstens 64 MB');

export const IPC_PAYLOADS = {
  'workspace:open': none,
  'workspace:openRecent': z.object({ path: filePath }).strict(),
  'workspace:startup': none,
  'workspace:save': z
    .object({ bytes, path: filePath.nullable(), suggestedName: fileName })
    .strict(),
  'workspace:readCurrent': z.object({ path: filePath }).strict(),
  'workspace:takeOver': z.object({ path: filePath }).strict(),
  'workspace:release': none,
  'spreadsheet:open': none,
  'export:save': z.object({ bytes, suggestedName: fileName }).strict(),
  'export:printToPdf': z.object({ suggestedName: fileName }).strict(),
  'export:begin': z.object({ suggestedName: fileName }).strict(),
  'export:write': z.object({ id: exportId, bytes: chunk }).strict(),
  'export:commit': z.object({ id: exportId }).strict(),
  'export:abort': z.object({ id: exportId }).strict(),
  'recent:list': none,
  'window:setTitle': z.object({ title: z.string().max(500), dirty: z.boolean() }).strict(),
  'recovery:write': z
    .object({ bytes, name: z.string().min(1).max(255), path: filePath.nullable() })
    .strict(),
  'recovery:read': none,
  'recovery:clear': none,
} as const satisfies Record<IpcChannel, z.ZodType>;

export type IpcResults = {
  'workspace:open': HostResult<HostFile | null>;
  'workspace:openRecent': HostResult<HostFile>;
  /** The workspace named on the command line (or by the OS on open-file), if any. */
  'workspace:startup': HostResult<HostFile | null>;
  'workspace:save': HostResult<{ name: string; path: string } | null>;
  'workspace:readCurrent': HostResult<HostFile>;
  'workspace:takeOver': HostResult<HostFile>;
  'workspace:release': void;
  'spreadsheet:open': HostResult<Omit<HostFile, 'path'> | null>;
  'export:save': HostResult<string | null>;
  /** The window's page as PDF (Chromium's printToPDF, print styles), through the save dialog. */
  'export:printToPdf': HostResult<string | null>;
  /** A streamed export: its id and the chosen file's name, or null when cancelled. */
  'export:begin': HostResult<{ id: string; name: string } | null>;
  'export:write': HostResult<null>;
  /** The finished file's path. */
  'export:commit': HostResult<string>;
  'export:abort': void;
  'recent:list': RecentFile[];
  'window:setTitle': void;
  'recovery:write': void;
  'recovery:read': RecoveryCopy | null;
  'recovery:clear': void;
};

/** What the renderer sends. */
export type IpcPayload<C extends IpcChannel> = z.input<(typeof IPC_PAYLOADS)[C]>;
/** What the handler receives, after validation. */
export type IpcValidPayload<C extends IpcChannel> = z.output<(typeof IPC_PAYLOADS)[C]>;
export type IpcResult<C extends IpcChannel> = IpcResults[C];

/** A main-process handler: called only with a payload that passed its schema. */
export type IpcHandler<C extends IpcChannel> = (
  payload: IpcValidPayload<C>,
) => IpcResult<C> | Promise<IpcResult<C>>;

/** Every channel must have exactly one handler: a missing one fails the type-check. */
export type IpcHandlerMap = { [C in IpcChannel]: IpcHandler<C> };

/** The object the preload exposes as `window.pijlerplan` — and nothing more. */
export type PijlerplanBridge = {
  invoke<C extends IpcChannel>(channel: C, payload: IpcPayload<C>): Promise<IpcResult<C>>;
  /** Native menu commands; returns the unsubscribe function. */
  onCommand(listener: (commandId: string) => void): () => void;
  /** Workspaces handed over by the OS or the native menu; returns the unsubscribe function. */
  onOpenFile(listener: (filePath: string) => void): () => void;
};

export class IpcPayloadError extends Error {
  constructor(
    readonly channel: string,
    readonly issues: string,
  ) {
    super(`Ongeldige gegevens voor IPC-kanaal '${channel}': ${issues}`);
    this.name = 'IpcPayloadError';
  }
}

/** Checks a payload against its channel's schema; throws an IpcPayloadError naming the fields. */
export function parseIpcPayload<C extends IpcChannel>(
  channel: C,
  payload: unknown,
): IpcValidPayload<C> {
  const schema: z.ZodType = IPC_PAYLOADS[channel];
  const parsed = schema.safeParse(payload);
  // The schema is the channel's own, so its output is that channel's payload type.
  if (parsed.success) return parsed.data as IpcValidPayload<C>;
  const issues = parsed.error.issues
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`,
    )
    .join('; ');
  throw new IpcPayloadError(channel, issues);
}
