import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Issue 12, criterion 4: from a cold start to the answer ≤ 3 s on the demo. Cold, in a fresh
 * Node process each time: load the core's modules, read the demo workspace file, open it,
 * readAnswer — to the Answer ready (what the app's worker does when the screen opens; the
 * drawing is the e2e test's). Side by side with its peer on the same file, the dashboard's
 * readDashboard (the screen the answer reuses). Then through the built CLI as a user runs it,
 * `answer <demo> --out x.md|.xlsx|.pdf`, beside `query` on the same file (the CLI's own cold
 * start). Wall times are inflated on a shared machine: CPU (user + system) is printed beside
 * them, with the load average.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist-cli', 'cli', 'pijlerplan.mjs');
const RUNS = 3;
const TARGET_MS = 3000;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs in the child: one cold read, its phases timed; prints one JSON line. */
async function child(file: string, what: 'answer' | 'dashboard') {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { createCoreRuntime } = await import('../../src/core/runtime');
  const { diskResources } = await import('../../src/node/disk-resources');
  const loaded = performance.now();
  const bytes = new Uint8Array(await readFile(file));
  const core = createCoreRuntime({ resources: diskResources });
  const opened = await core.call('workspace.open', { bytes, fileName: file });
  if (!opened.ok) throw new Error(opened.error.message);
  const open = performance.now();
  if (what === 'answer') {
    const answer = await core.call('answer.read', { date: '2023-01-01' });
    if (!answer.ok) throw new Error(answer.error.message);
  } else {
    const dashboard = await core.call('dashboard.read', {
      filter: { scenarioId: 1, from: '2023-01', to: '2023-01' },
    });
    if (!dashboard.ok) throw new Error(dashboard.error.message);
  }
  const done = performance.now();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      load: loaded - wall0,
      open: open - loaded,
      read: done - open,
      wall: done - wall0,
      cpu: (cpu.user + cpu.system) / 1000,
    }),
  );
}

type Phases = { load: number; open: number; read: number; wall: number; cpu: number };

function cold(file: string, what: 'answer' | 'dashboard'): Phases {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold', what, file],
    { encoding: 'utf8', cwd: ROOT },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Phases;
}

/** A CLI run under /usr/bin/time: wall and the process's own CPU (user + system). */
function cliRun(args: string[]): { wall: number; cpu: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  const [wall, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall: wall! * 1000, cpu: (user! + system!) * 1000 };
}

const row = (label: string, wall: number[], cpu: number[], extra = '') =>
  console.log(
    `  ${label.padEnd(46)} wall ${median(wall).toFixed(0).padStart(5)} ms (min ${Math.min(...wall).toFixed(0)}), cpu ${median(cpu).toFixed(0).padStart(5)} ms${extra}`,
  );
const verdict = (ms: number) =>
  ms <= TARGET_MS ? `  ✓ ≤ ${TARGET_MS} ms` : `  ✗ > ${TARGET_MS} ms`;

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-answer-bench-'));
  try {
    // The bundled CLI as `npm run cli` builds it (tools/build-cli.mjs), fresh from the sources.
    const build = spawnSync(process.execPath, [path.join(ROOT, 'tools', 'build-cli.mjs')], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    if (build.status !== 0 || !existsSync(CLI)) throw new Error(`CLI build: ${build.stderr}`);
    const demo = path.join(dir, 'demo.pijlerplan');
    cliRun(['demo', '--out', demo]);
    console.log(
      `answer — cold start on the demo workspace (${RUNS} runs each, median), load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')}`,
    );
    for (const what of ['answer', 'dashboard'] as const) {
      const runs = Array.from({ length: RUNS }, () => cold(demo, what));
      const phase = (key: keyof Phases) => median(runs.map((r) => r[key])).toFixed(0);
      row(
        what === 'answer'
          ? 'in-process: modules + open + readAnswer'
          : 'peer: modules + open + readDashboard',
        runs.map((r) => r.wall),
        runs.map((r) => r.cpu),
        `${what === 'answer' ? verdict(median(runs.map((r) => r.wall))) : ''}\n      (modules ${phase('load')} ms via tsx, open ${phase('open')} ms, read ${phase('read')} ms)`,
      );
    }
    const cli = (label: string, args: string[], target: boolean) => {
      const runs = Array.from({ length: RUNS }, () => cliRun(args));
      const wall = runs.map((r) => r.wall);
      row(
        label,
        wall,
        runs.map((r) => r.cpu),
        target ? verdict(median(wall)) : '',
      );
    };
    for (const extension of ['md', 'xlsx', 'pdf'])
      cli(
        `CLI answer --out answer.${extension}`,
        ['answer', demo, '--date', '2023-01-01', '--out', path.join(dir, `answer.${extension}`)],
        true,
      );
    cli(
      'peer: CLI query (count of allocation rows)',
      ['query', demo, 'SELECT count(*) FROM allocation'],
      false,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--cold') {
  await child(process.argv[4]!, process.argv[3] as 'answer' | 'dashboard');
}
