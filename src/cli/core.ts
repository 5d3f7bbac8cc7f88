import { userInfo } from 'node:os';
import { createCoreRuntime } from '../core/runtime';
import { diskResources } from '../node/disk-resources';
import { nodeCompression } from '../node/native-compression';
import { patchedSqlJs } from '../node/sql-engine';
import { readWorkspaceFile } from '../node/workspace-files';
import { CliError } from './commands/types';

export type CliCore = ReturnType<typeof createCoreRuntime>;

function currentUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/** The same core the app's worker runs, with resources from disk and the OS user for the logs. */
export async function startCliCore(): Promise<CliCore> {
  const core = createCoreRuntime({
    resources: diskResources,
    compression: nodeCompression(),
    sqlJs: patchedSqlJs(),
  });
  (await core.session()).userName = currentUser();
  return core;
}

/** Opens a workspace file as the core's workspace, or fails with the core's Dutch message. */
export async function openWorkspaceInCore(filePath: string): Promise<CliCore> {
  const bytes = await readWorkspaceFile(filePath);
  if (!bytes.ok) throw new CliError(bytes.error.message);
  const core = await startCliCore();
  const opened = await core.call('workspace.open', { bytes: bytes.value, fileName: filePath });
  if (!opened.ok) throw new CliError(`${filePath}: ${opened.error.message}`);
  return core;
}
