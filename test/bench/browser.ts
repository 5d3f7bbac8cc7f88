import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/**
 * What the browser benchmarks share: the built renderer (dist-web) served by `vite preview`,
 * Debian's Chromium (headless, no GPU) and the CPU time of Chromium's processes.
 */

/** `vite preview` of dist-web on `port`, once it answers. */
export async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--config',
      'vite.web.config.ts',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let said = '';
  server.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
  server.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) break;
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview kwam niet op (poort ${port}): ${said.trim() || 'geen uitvoer'}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
}

/** The pid of the Chromium that `launchChromium` started (a child of this process). */
export function chromiumPid(): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && command.includes('chrom')) return Number(name);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('Chromium draait niet als kind van dit proces');
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds (user + system) used so far by the process `rootPid` and all its
 * descendants (Chromium's renderer, GPU and utility processes, the worker's thread included).
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: split after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 50; hops++) {
      if (at === rootPid) return true;
      at = stats.get(at)?.ppid ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return (ticks / TICKS_PER_SECOND) * 1000;
}
