import type { Database } from 'sql.js';
import { createCoreRuntime } from '../../src/core/runtime';
import { diskResources } from '../../src/node/disk-resources';

/**
 * The demo workspace built in Node, queried with plain SQL: the figures the organigram screen
 * must show, computed without the screen's code.
 */
let demo: Promise<Database> | null = null;

export function demoDb(): Promise<Database> {
  demo ??= (async () => {
    const core = createCoreRuntime({ resources: diskResources });
    await core.call('workspace.openDemo', undefined);
    return (await core.session()).db;
  })();
  return demo;
}

export async function sqlRows(sql: string): Promise<unknown[][]> {
  return (await demoDb()).exec(sql)[0]?.values ?? [];
}

export const fte = (value: number) =>
  new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value,
  );
