import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  writeFileAtomic,
  type AtomicFileHandle,
  type AtomicWriteFs,
} from '../../../src/node/atomic-write';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

let dir: string;
beforeEach(async () => {
  dir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-atomic-'));
});
afterEach(async () => {
  await realFs.rm(dir, { recursive: true, force: true });
});

const listDir = async (): Promise<string[]> => (await realFs.readdir(dir)).sort();

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system with some calls replaced. */
function fsWith(overrides: Partial<AtomicWriteFs>): AtomicWriteFs {
  return {
    open: (p, flags, mode) => realFs.open(p, flags, mode),
    rename: realFs.rename,
    unlink: realFs.unlink,
    realpath: realFs.realpath,
    ...overrides,
  };
}

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the given bytes and leaves no temp file', async () => {
    const target = path.join(dir, 'nieuw.pijlerplan');
    await writeFileAtomic(target, encode('SQLite format 3'));
    expect(await realFs.readFile(target, 'utf8')).toBe('SQLite format 3');
    expect(await listDir()).toEqual(['nieuw.pijlerplan']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'werk.pijlerplan');
    await realFs.writeFile(target, 'oud');
    await writeFileAtomic(target, encode('nieuw en langer'));
    expect(await realFs.readFile(target, 'utf8')).toBe('nieuw en langer');
    expect(await listDir()).toEqual(['werk.pijlerplan']);
  });

  it('writes large binary content byte for byte', async () => {
    const target = path.join(dir, 'groot.bin');
    const bytes = new Uint8Array(5_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256;
    await writeFileAtomic(target, bytes);
    // Buffer.equals, not toEqual: a deep-equal diff of 5 MB element by element takes seconds.
    expect(Buffer.from(bytes).equals(await realFs.readFile(target))).toBe(true);
  });

  it('keeps the old target intact and removes the temp file when the write fails midway', async () => {
    const target = path.join(dir, 'werk.pijlerplan');
    await realFs.writeFile(target, 'de oude, volledige inhoud');
    const fs = fsWith({
      open: async (p, flags, mode) => {
        const real = await realFs.open(p, flags, mode);
        const handle: AtomicFileHandle = {
          // Half the bytes reach the disk, then the disk is "full".
          writeFile: async (data) => {
            await real.writeFile(data.subarray(0, Math.floor(data.length / 2)));
            throw errno('ENOSPC');
          },
          sync: () => real.sync(),
          close: () => real.close(),
        };
        return handle;
      },
    });
    await expect(writeFileAtomic(target, encode('x'.repeat(10_000)), { fs })).rejects.toMatchObject(
      { code: 'ENOSPC' },
    );
    expect(await realFs.readFile(target, 'utf8')).toBe('de oude, volledige inhoud');
    expect(await listDir()).toEqual(['werk.pijlerplan']);
  });

  it('keeps the old target intact when fsync fails', async () => {
    const target = path.join(dir, 'werk.pijlerplan');
    await realFs.writeFile(target, 'oud');
    const fs = fsWith({
      open: async (p, flags, mode) => {
        const real = await realFs.open(p, flags, mode);
        return {
          writeFile: (data: Uint8Array) => real.writeFile(data),
          sync: () => Promise.reject(errno('EIO')),
          close: () => real.close(),
        };
      },
    });
    await expect(writeFileAtomic(target, encode('nieuw'), { fs })).rejects.toMatchObject({
      code: 'EIO',
    });
    expect(await realFs.readFile(target, 'utf8')).toBe('oud');
    expect(await listDir()).toEqual(['werk.pijlerplan']);
  });

  it.each(['EBUSY', 'EPERM', 'EACCES'])(
    'retries the rename with growing back-off while the target is locked (%s)',
    async (code) => {
      const target = path.join(dir, 'werk.pijlerplan');
      await realFs.writeFile(target, 'oud');
      let failuresLeft = 3;
      const delays: number[] = [];
      const fs = fsWith({
        rename: async (from, to) => {
          if (failuresLeft-- > 0) throw errno(code);
          await realFs.rename(from, to);
        },
      });
      await writeFileAtomic(target, encode('nieuw'), {
        fs,
        retryDelayMs: 10,
        sleep: async (ms) => {
          delays.push(ms);
        },
      });
      expect(delays).toEqual([10, 20, 40]);
      expect(await realFs.readFile(target, 'utf8')).toBe('nieuw');
      expect(await listDir()).toEqual(['werk.pijlerplan']);
    },
  );

  it('gives up after the configured retries, keeps the old target and cleans up', async () => {
    const target = path.join(dir, 'werk.pijlerplan');
    await realFs.writeFile(target, 'oud');
    let attempts = 0;
    const fs = fsWith({
      rename: async () => {
        attempts++;
        throw errno('EBUSY');
      },
    });
    await expect(
      writeFileAtomic(target, encode('nieuw'), { fs, renameRetries: 2, sleep: async () => {} }),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(attempts).toBe(3);
    expect(await realFs.readFile(target, 'utf8')).toBe('oud');
    expect(await listDir()).toEqual(['werk.pijlerplan']);
  });

  it('does not retry errors that will not go away (EXDEV)', async () => {
    let attempts = 0;
    const fs = fsWith({
      rename: async () => {
        attempts++;
        throw errno('EXDEV');
      },
    });
    await expect(
      writeFileAtomic(path.join(dir, 'x.pijlerplan'), encode('x'), { fs, sleep: async () => {} }),
    ).rejects.toMatchObject({ code: 'EXDEV' });
    expect(attempts).toBe(1);
    expect(await listDir()).toEqual([]);
  });

  it('writes through a symlink to the file it points at, keeping the link', async () => {
    const real = path.join(dir, 'echt.pijlerplan');
    const link = path.join(dir, 'link.pijlerplan');
    await realFs.writeFile(real, 'oud');
    await realFs.symlink(real, link);
    await writeFileAtomic(link, encode('nieuw'));
    expect((await realFs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await realFs.readFile(real, 'utf8')).toBe('nieuw');
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(
      writeFileAtomic(path.join(dir, 'ontbreekt', 'x.pijlerplan'), encode('x')),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
