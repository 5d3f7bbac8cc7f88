import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/shared/content-security-policy';
import { SQL_JS_FILE, patchMemfsGrowth } from './src/core/db/memfs-growth';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built page's Content-Security-Policy: Electron's policy (one source of truth), minus the
 * directives a <meta> policy cannot carry (browsers ignore them there and warn). Only in the
 * build: Vite's dev server injects an inline script for React Fast Refresh that this policy
 * would (rightly) block.
 */
const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !/^(frame-ancestors|report-uri|sandbox)\b/.test(directive))
  .join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'pijlerplan-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** sql.js with MEMFS files doubling as they grow (why: src/core/db/memfs-growth.ts). */
function sqlJsMemfsGrowth(): Plugin {
  return {
    name: 'pijlerplan-sqljs-memfs-growth',
    transform(code, id) {
      return SQL_JS_FILE.test(id) ? { code: patchMemfsGrowth(code, id), map: null } : undefined;
    },
  };
}

/**
 * The renderer's build, shared by the plain web page (this file) and Electron
 * (electron.vite.config.ts reuses it for its renderer section).
 */
export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('./src', import.meta.url)),
  // Relative asset URLs: the same build works from a static server, a sub-path and app://.
  base: './',
  plugins: [react(), contentSecurityPolicy(), sqlJsMemfsGrowth()],
  css: { postcss: projectRoot },
  // The core runs in a worker: its bundle gets its own plugins.
  worker: { format: 'es', plugins: () => [sqlJsMemfsGrowth()] },
  build: {
    outDir: fileURLToPath(new URL('./dist-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  // The worker bundles reference data from ../resources (outside the Vite root).
  server: { fs: { allow: [projectRoot] } },
};

export default defineConfig(rendererConfig);
