// The main process entry: the only file that imports Electron's runtime. Everything else
// takes Electron's APIs as parameters, so it is unit-tested in plain Node.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startApp } from './app';

startApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell },
  {
    mainDir: path.dirname(fileURLToPath(import.meta.url)),
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    argv: process.argv,
    cwd: process.cwd(),
  },
);
