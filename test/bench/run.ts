import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench [-- <filter>…]`: runs every test/bench/*.bench.ts (each exports
 * `run(): Promise<void>` and prints its own figures). Each bench runs in its own Node process
 * so its peak memory (maxRSS) is its own, not the sum of everything before it.
 */
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);

type Bench = { run(): Promise<void> };

async function runChild(file: string): Promise<void> {
  const bench = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as Partial<Bench>;
  if (typeof bench.run !== 'function') throw new Error(`${file} exporteert geen run()`);
  await bench.run();
}

function spawnBench(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', SELF, '--child', file],
      { stdio: 'inherit' },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--child' && argv[1]) {
    await runChild(argv[1]);
    return 0;
  }
  const filters = argv.map((arg) => arg.toLowerCase());
  const files = (await readdir(BENCH_DIR))
    .filter((name) => name.endsWith('.bench.ts'))
    .filter(
      (name) =>
        filters.length === 0 || filters.some((filter) => name.toLowerCase().includes(filter)),
    )
    .sort();
  if (files.length === 0) {
    console.error(
      `Geen benchmark gevonden${filters.length > 0 ? ` voor "${filters.join(' ')}"` : ''}.`,
    );
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.ts$/, '')} ===`);
    const code = await spawnBench(file);
    if (code !== 0) {
      failed++;
      console.error(`${file} is mislukt (exitcode ${code}).`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
