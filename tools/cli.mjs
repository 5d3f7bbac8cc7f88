// @ts-check
import { pathToFileURL } from 'node:url';
import { buildCli, cliIsStale, CLI_BUNDLE } from './build-cli.mjs';

/** `npm run cli -- …`: (re)builds the bundled CLI when a source changed, then runs it. */
if (cliIsStale()) await buildCli();
await import(pathToFileURL(CLI_BUNDLE).href);
