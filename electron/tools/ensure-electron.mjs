#!/usr/bin/env node
// `npm start` runs this first. package.json denies electron's install script (allowScripts), so
// `npm ci` works on machines that cannot download the Electron binary (CI, build servers). On a
// user's machine the binary is fetched here, once, the first time the app starts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function installed() {
  const pathFile = path.join(electronDir, 'path.txt');
  return (
    existsSync(pathFile) &&
    existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
  );
}

if (!installed()) {
  console.log('Electron wordt een eerste keer gedownload…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !installed()) {
    console.error(
      'Electron kon niet gedownload worden (geen netwerk?). Open de app in de browser met `npm run web`.',
    );
    process.exit(1);
  }
}
