import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RecentFile } from '../../../src/host/host';
import {
  addRecentFile,
  createRecentFilesStore,
  parseRecentFiles,
} from '../../../src/node/recent-files';

const entry = (p: string, openedAt = '2026-11-27T08:00:00.000Z'): RecentFile => ({
  name: path.basename(p),
  path: p,
  openedAt,
});

describe('addRecentFile', () => {
  it('puts the new entry first and removes the older entry for the same path', () => {
    const list = [entry('/a.pijlerplan', 't1'), entry('/b.pijlerplan', 't2')];
    expect(addRecentFile(list, entry('/b.pijlerplan', 't3'), { ignoreCase: false })).toEqual([
      entry('/b.pijlerplan', 't3'),
      entry('/a.pijlerplan', 't1'),
    ]);
  });

  it.each([
    [true, 1],
    [false, 2],
  ])('ignoreCase=%s dedupes Plan/plan into %i entries', (ignoreCase, expected) => {
    const list = [entry('C:\\Werk\\Plan.pijlerplan')];
    expect(addRecentFile(list, entry('c:\\werk\\plan.pijlerplan'), { ignoreCase })).toHaveLength(
      expected,
    );
  });

  it('keeps at most ten entries, dropping the oldest', () => {
    let list: RecentFile[] = [];
    for (let i = 1; i <= 12; i++) list = addRecentFile(list, entry(`/w${i}.pijlerplan`));
    expect(list).toHaveLength(10);
    expect(list[0]?.path).toBe('/w12.pijlerplan');
    expect(list[9]?.path).toBe('/w3.pijlerplan');
  });
});

describe('parseRecentFiles', () => {
  it.each([
    ['not json', '{oeps'],
    ['not an array', '{"path":"/a"}'],
    ['empty', ''],
  ])('reads %s as an empty list', (_label, json) => {
    expect(parseRecentFiles(json)).toEqual([]);
  });

  it('keeps the valid entries of a partly damaged list', () => {
    const json = JSON.stringify([entry('/a.pijlerplan'), { path: 42 }, entry('/b.pijlerplan')]);
    expect(parseRecentFiles(json).map((item) => item.path)).toEqual([
      '/a.pijlerplan',
      '/b.pijlerplan',
    ]);
  });
});

describe('createRecentFilesStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-recent-'));
  });
  afterEach(async () => {
    await realFs.rm(dir, { recursive: true, force: true });
  });

  const touch = async (name: string): Promise<string> => {
    const file = path.join(dir, name);
    await realFs.writeFile(file, 'x');
    return file;
  };

  it('persists entries as JSON in the settings folder, newest first', async () => {
    const storePath = path.join(dir, 'userData', 'recent-files.json');
    const store = createRecentFilesStore({ storePath, ignoreCase: false });
    const a = await touch('a.pijlerplan');
    const b = await touch('b.pijlerplan');
    await store.add(a);
    await store.add(b);
    await store.add(a);
    const reopened = createRecentFilesStore({ storePath, ignoreCase: false });
    expect((await reopened.list()).map((item) => item.name)).toEqual([
      'a.pijlerplan',
      'b.pijlerplan',
    ]);
    expect(JSON.parse(await realFs.readFile(storePath, 'utf8'))).toHaveLength(2);
  });

  it('drops files that no longer exist', async () => {
    const storePath = path.join(dir, 'recent-files.json');
    const store = createRecentFilesStore({ storePath, ignoreCase: false });
    const kept = await touch('blijft.pijlerplan');
    const gone = await touch('weg.pijlerplan');
    await store.add(kept);
    await store.add(gone);
    await realFs.unlink(gone);
    expect((await store.list()).map((item) => item.name)).toEqual(['blijft.pijlerplan']);
  });

  it('answers whether a path is on the list', async () => {
    const storePath = path.join(dir, 'recent-files.json');
    const store = createRecentFilesStore({ storePath, ignoreCase: false });
    const a = await touch('a.pijlerplan');
    expect(await store.has(a)).toBe(false);
    await store.add(a);
    expect(await store.has(a)).toBe(true);
    expect(await store.has(path.join(dir, 'ander.pijlerplan'))).toBe(false);
  });

  it('starts empty when the store file is missing or damaged', async () => {
    const storePath = path.join(dir, 'recent-files.json');
    expect(await createRecentFilesStore({ storePath }).list()).toEqual([]);
    await realFs.writeFile(storePath, '[{"kapot"');
    expect(await createRecentFilesStore({ storePath }).list()).toEqual([]);
  });
});
