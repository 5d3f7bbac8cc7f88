import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ResourceLoader } from '../core/resources';

/** The repository's resources/ folder, for the CLI, the tests and the benchmarks. */
export const RESOURCES_DIR = path.resolve(fileURLToPath(import.meta.url), '../../../resources');

export const diskResources: ResourceLoader = {
  text: (name) => readFile(path.join(RESOURCES_DIR, name), 'utf8'),
  bytes: async (name) => new Uint8Array(await readFile(path.join(RESOURCES_DIR, name))),
};
