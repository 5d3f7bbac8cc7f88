import { readFile } from 'node:fs/promises';
import { backupBeforeOverwrite } from '../../../src/node/backups';
import { createRecoveryStore } from '../../../src/node/recovery';
import { writeWorkspaceFile } from '../../../src/node/workspace-files';

/**
 * The process the kill-save bench kills: saves the given workspace versions round robin (with
 * a backup before each overwrite, as the app does) and writes recovery copies, forever.
 */
const [workspace, backupsRoot, recoveryDir, ...versionFiles] = process.argv.slice(2) as [
  string,
  string,
  string,
  ...string[],
];
const versions = await Promise.all(
  versionFiles.map(async (file) => new Uint8Array(await readFile(file))),
);
const recovery = createRecoveryStore({ dir: recoveryDir });
process.stdout.write('klaar\n');
for (let round = 0; ; round++) {
  const bytes = versions[round % versions.length]!;
  await backupBeforeOverwrite(workspace, { root: backupsRoot });
  await writeWorkspaceFile(workspace, bytes);
  await recovery.write(bytes, { name: 'werk.pijlerplan', path: workspace });
}
