import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  heldMessage,
  lockPathFor,
  type LockIdentity,
} from '../../../src/node/workspace-lock';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-lock-'));
  file = path.join(dir, 'plan.pijlerplan');
  await fs.writeFile(file, 'x');
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const anna: LockIdentity = { user: 'anna', machine: 'PC-ANNA', pid: 111 };
const bram: LockIdentity = { user: 'bram', machine: 'PC-BRAM', pid: 222 };
const at = (iso: string) => () => new Date(iso);

describe('the lock beside a workspace', () => {
  it('is taken, refused to a second user with who/where/since, refreshed and released', async () => {
    const first = await acquireLock(file, { me: anna, now: at('2026-12-01T09:00:00Z') });
    expect(first.kind).toBe('acquired');
    expect(JSON.parse(await fs.readFile(lockPathFor(file), 'utf8'))).toMatchObject({
      user: 'anna',
      machine: 'PC-ANNA',
      pid: 111,
      since: '2026-12-01T09:00:00.000Z',
    });
    const second = await acquireLock(file, { me: bram, now: at('2026-12-01T09:02:00Z') });
    expect(second).toMatchObject({
      kind: 'held',
      stale: false,
      holder: { user: 'anna', machine: 'PC-ANNA' },
    });
    if (first.kind !== 'acquired') return;
    expect(await first.lock.refresh()).toBe(true);
    await first.lock.release();
    await expect(fs.stat(lockPathFor(file))).rejects.toThrow(/ENOENT/);
    expect((await acquireLock(file, { me: bram })).kind).toBe('acquired');
  });

  it.each([
    ['not refreshed for longer than the limit', 6 * 60_000, true],
    ['refreshed within the limit', 4 * 60_000, false],
  ])('a lock %s is stale: %s', async (_name, ageMs, stale) => {
    await acquireLock(file, { me: anna, now: at('2026-12-01T09:00:00Z') });
    const later = () => new Date(Date.parse('2026-12-01T09:00:00Z') + ageMs);
    const seen = await acquireLock(file, { me: bram, now: later, takeOver: true });
    if (stale) {
      expect(seen.kind).toBe('acquired');
      expect(JSON.parse(await fs.readFile(lockPathFor(file), 'utf8'))).toMatchObject({
        user: 'bram',
      });
    } else {
      expect(seen).toMatchObject({ kind: 'held', stale: false });
    }
  });

  it('the first holder learns it was taken over, and does not remove the new lock', async () => {
    const first = await acquireLock(file, { me: anna, now: at('2026-12-01T09:00:00Z') });
    const taken = await acquireLock(file, {
      me: bram,
      now: at('2026-12-01T10:00:00Z'),
      takeOver: true,
    });
    expect(taken.kind).toBe('acquired');
    if (first.kind !== 'acquired') return;
    expect(await first.lock.refresh()).toBe(false);
    await first.lock.release();
    first.lock.releaseSync();
    expect(JSON.parse(await fs.readFile(lockPathFor(file), 'utf8'))).toMatchObject({
      user: 'bram',
    });
  });

  it('a lock of a process on this machine that is gone is stale at once (a crash)', async () => {
    const me = { user: 'anna', machine: os.hostname(), pid: process.pid };
    const gone = { ...me, pid: 2_147_483_000 };
    await acquireLock(file, { me: gone });
    expect(await acquireLock(file, { me })).toMatchObject({ kind: 'held', stale: true });
  });

  it('a half-written lock file counts as held, stale by its time alone', async () => {
    await fs.writeFile(lockPathFor(file), '{"user": "an');
    const seen = await acquireLock(file, { me: bram });
    expect(seen).toMatchObject({ kind: 'held', stale: false, holder: { user: '?' } });
    const old = new Date(Date.now() - 10 * 60_000);
    await fs.utimes(lockPathFor(file), old, old);
    expect((await acquireLock(file, { me: bram, takeOver: true })).kind).toBe('acquired');
  });

  it('says in Dutch who has it, and offers taking over only when stale', () => {
    const holder = {
      ...anna,
      since: '2026-12-01T09:00:00Z',
      refreshedAt: '2026-12-01T09:30:00Z',
      token: 't',
    };
    expect(heldMessage('plan.pijlerplan', holder, false)).toMatch(
      /^Dit bestand is geopend door anna op PC-ANNA sinds \d{1,2}\/12\/2026, \d{2}:\d{2}\. .*alleen-lezen/,
    );
    expect(heldMessage('plan.pijlerplan', holder, true)).toMatch(/niet meer vernieuwd.*overnemen/);
  });
});
