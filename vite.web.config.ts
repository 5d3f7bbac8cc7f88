import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/shared/content-security-policy';

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

/**
 * The renderer's build, shared by the plain web page (this file) and Electron
 * (electron.vite.config.ts reuses it for its renderer section).
 */
export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('./src', import.meta.url)),
  // Relative asset URLs: the same build works from a static server, a sub-path and app://.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  css: { postcss: projectRoot },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  // The worker bundles reference data from ../resources (outside the Vite root).
  server: { fs: { allow: [projectRoot] } },
};

export default defineConfig(rendererConfig);
