import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import { rendererConfig } from './vite.web.config';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Built layout (package.json "main" points at out/main/index.js):
 *   out/main/index.js       ES module (package.json has "type": "module")
 *   out/preload/index.cjs   one CommonJS file: a sandboxed preload can neither be an ES module
 *                           nor require anything but 'electron', so it is bundled whole
 *   out/renderer/           the same renderer build as the web page (vite.web.config.ts)
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: fromRoot('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything: the sandbox has no require() for node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: mergeConfig(rendererConfig, {
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: { index: fromRoot('src/index.html') } },
    },
  }),
});
