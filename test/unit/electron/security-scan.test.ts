import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge } from '../../../electron/tools/security-scan';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(path.join(root, 'package.json'));
type Issue = Parameters<typeof judge>[0][number];
const run = require('@doyensec/electronegativity') as (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ issues: Issue[] }>;
const scan = async (input: string) =>
  (
    await run(
      {
        input,
        isRelative: true,
        electronVersionOverride: '40.10.2',
        parserPlugins: [],
        severitySet: 'informational',
        confidenceSet: 'tentative',
      },
      false,
    )
  ).issues;

const issue = (id: string, file: string, severity: Issue['severity']['name']): Issue => ({
  id,
  file,
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  location: { line: 1, column: 1 },
  description: id,
});

describe('judge (which findings fail the scan)', () => {
  const config = {
    scan: 'electron',
    failOn: ['HIGH', 'MEDIUM'] as Array<'HIGH' | 'MEDIUM'>,
    exceptions: [{ check: 'PRELOAD_JS_CHECK', file: 'main/app.ts', reason: 'typed bridge' }],
  };

  it('passes explained findings and ignores low ones', () => {
    const verdict = judge(
      [issue('PRELOAD_JS_CHECK', 'main/app.ts', 'MEDIUM'), issue('X', 'main/a.ts', 'LOW')],
      config,
    );
    expect(verdict).toMatchObject({ unexplained: [], stale: [] });
    expect(verdict.explained).toHaveLength(1);
  });

  it('fails a finding explained for another file, and an explanation with nothing to explain', () => {
    const verdict = judge([issue('PRELOAD_JS_CHECK', 'main/other.ts', 'MEDIUM')], config);
    expect(verdict.unexplained.map((item) => item.file)).toEqual(['main/other.ts']);
    expect(verdict.stale).toEqual(config.exceptions);
  });
});

describe('Electronegativity on the real shell and on a bad one', () => {
  let bad: string | undefined;
  afterAll(async () => {
    if (bad) await rm(bad, { recursive: true, force: true });
  });

  it('finds no isolation, sandbox or node-integration problem in electron/', async () => {
    const ids = (await scan(path.join(root, 'electron'))).map((item) => item.id);
    for (const check of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ]) {
      expect(ids).not.toContain(check);
    }
  });

  it('does report them for windows built through a helper or without the switches (the check is real)', async () => {
    bad = await mkdtemp(path.join(os.tmpdir(), 'pijlerplan-scan-'));
    await writeFile(
      path.join(bad, 'main.js'),
      [
        "const { BrowserWindow } = require('electron');",
        'const options = (preload) => ({ webPreferences: { preload } });',
        "new BrowserWindow(options('x.js'));",
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false } });',
      ].join('\n'),
    );
    const ids = (await scan(bad)).map((item) => item.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    );
  });
});
