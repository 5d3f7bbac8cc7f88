import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID } from '../../../electron/main/recent-documents';
import { decodeIco, ICO_SIZES, pngSize } from '../../../electron/tools/ico';

/**
 * The Windows installer cannot be built here (electron-builder downloads Electron, NSIS and
 * its signing tools), so this checks what decides its shape: electron-builder's own schema
 * accepts the configuration, the targets, the file association, the icons as Windows reads
 * them, asar, and which files electron-builder's own matcher would pack.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(path.join(root, 'package.json'));
const config = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

type Target = { target: string; arch: string[] };

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation (and a typo would not)", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, oneClik: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the product, its version and its publisher', () => {
    expect(config.productName).toBe('Pijlerplan');
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.author.name).toBe('Agentschap Integratie en Inburgering');
    expect(config.win.signtoolOptions.publisherName).toBe(pkg.author.name);
    expect(config.copyright).toContain(pkg.author.name);
  });

  it('builds an NSIS per-user installer and a portable app, for x64 and arm64', () => {
    const targets = config.win.target as Target[];
    expect(targets.map((target) => target.target).sort()).toEqual(['nsis', 'portable']);
    for (const target of targets) expect(target.arch.sort()).toEqual(['arm64', 'x64']);
    // Per-user: no administrator rights, installs under %LOCALAPPDATA%.
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
    // Two targets, two architectures: four distinct file names.
    const names = targets.flatMap((target) =>
      target.arch.map((arch) =>
        (config[target.target].artifactName as string)
          .replace('${productName}', config.productName)
          .replace('${version}', pkg.version)
          .replace('${arch}', arch)
          .replace('${ext}', 'exe'),
      ),
    );
    expect(new Set(names).size).toBe(4);
    expect(pkg.scripts.dist).toMatch(/electron-builder --win --x64 --arm64/);
  });

  it('associates .pijlerplan files with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'pijlerplan',
        role: 'Editor',
        icon: 'resources/icons/icon.ico',
      }),
    ]);
  });

  it('has a Windows icon with every size Explorer and the taskbar use (16–256 px)', () => {
    const ico = readFileSync(path.join(root, config.win.icon));
    const entries = decodeIco(new Uint8Array(ico));
    const sizes = entries.map((entry) => entry.width);
    for (const size of [16, 24, 32, 48, 64, 128, 256]) expect(sizes).toContain(size);
    expect(sizes).toEqual([...ICO_SIZES]);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect(entry.bitsPerPixel).toBe(32);
      // The directory says what the image really is.
      expect(pngSize(entry.png)).toEqual({ width: entry.width, height: entry.width });
    }
    expect(
      pngSize(new Uint8Array(readFileSync(path.join(root, 'resources/icons/icon.png')))),
    ).toEqual({
      width: 512,
      height: 512,
    });
  });

  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it("packs only the build output: no sources, tests or dev files (electron-builder's matcher)", () => {
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher');
    const matcher = new FileMatcher(root, '/app', (pattern: string) => pattern, config.files);
    const filter = matcher.createFilter();
    const isDir = { isDirectory: () => false, isFile: () => true };
    const packs = (relative: string): boolean => filter(path.join(root, relative), isDir);

    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const packed = tracked.filter(packs);
    expect(packed).toEqual(['package.json']);
    for (const file of [
      'test/e2e/app.ts',
      'src/main.tsx',
      'electron/main/app.ts',
      'vitest.config.ts',
    ]) {
      expect(packs(file)).toBe(false);
    }
    // What electron-vite builds is packed; source maps are not.
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(packs(file)).toBe(true);
    }
    expect(packs('out/renderer/assets/index.js.map')).toBe(false);
    // Inside production dependencies (copied by electron-builder's node-module matcher, which
    // takes the exclusions of `files`), their sources, tests and docs stay out too.
    const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher');
    const { DebugLogger } = require('builder-util');
    const moduleFilter = getNodeModuleFileMatcher(
      root,
      '/app',
      (pattern: string) => pattern,
      {},
      {
        config,
        debugLogger: new DebugLogger(false),
      },
    ).createFilter();
    const packsModule = (relative: string): boolean =>
      moduleFilter(path.join(root, relative), isDir);
    expect(packsModule('node_modules/zod/package.json')).toBe(true);
    expect(packsModule('node_modules/zod/index.cjs')).toBe(true);
    expect(packsModule('node_modules/zod/src/index.ts')).toBe(false);
    expect(packsModule('node_modules/exceljs/test/unit.spec.js')).toBe(false);
    expect(packsModule('node_modules/exceljs/README.md')).toBe(false);
    expect(packsModule('node_modules/sql.js/dist/sql-wasm.js.map')).toBe(false);
  });

  it('ships no dev dependency: Electron, the builder and the test tools are devDependencies', () => {
    // electron-builder copies `dependencies` into the package and never devDependencies.
    const runtime = Object.keys(pkg.dependencies);
    for (const tool of [
      'electron',
      'electron-builder',
      'electron-vite',
      'vitest',
      '@playwright/test',
    ]) {
      expect(runtime).not.toContain(tool);
      expect(pkg.devDependencies).toHaveProperty(tool);
    }
    // The main process imports zod at run time (it is not bundled into out/main).
    expect(runtime).toContain('zod');
  });

  it('npm ci downloads nothing: every install script in the lock file is reviewed', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const withScripts = Object.entries(
      lock.packages as Record<string, { hasInstallScript?: boolean }>,
    )
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([name]) => name.replace(/^.*node_modules\//, ''));
    for (const name of withScripts) expect(pkg.allowScripts).toHaveProperty(name);
    // Electron's would download its binary; electron-winstaller's (Squirrel, unused) copies 7z.
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['electron-winstaller']).toBe(false);
  });
});
