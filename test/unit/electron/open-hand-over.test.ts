import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createOpenHandOver } from '../../../electron/main/open-hand-over';

const setup = (argv: string[] = ['Pijlerplan.exe']) => {
  const delivered: string[] = [];
  const deps = {
    focusWindow: vi.fn(),
    deliver: vi.fn(async (filePath: string) => {
      delivered.push(filePath);
    }),
    log: vi.fn(),
  };
  const handOver = createOpenHandOver(deps, { argv, cwd: '/home/an' });
  return { handOver, deps, delivered };
};

describe('createOpenHandOver', () => {
  it('starts on the file of the command line', () => {
    const { handOver } = setup(['Pijlerplan.exe', '--flag', 'plan.pijlerplan']);
    expect(handOver.startupPath()).toBe(path.resolve('/home/an', 'plan.pijlerplan'));
  });

  it('keeps a file that arrives before the window is up for the start', () => {
    const { handOver, deps } = setup();
    handOver.onOpenFile('/Users/an/early.pijlerplan');
    handOver.onSecondInstance(['Pijlerplan.exe', 'later.pijlerplan'], '/data');
    expect(handOver.startupPath()).toBe(path.resolve('/data', 'later.pijlerplan'));
    expect(deps.deliver).not.toHaveBeenCalled();
  });

  it.each([
    // Explorer's double-click: "Pijlerplan.exe" "C:\…\plan.pijlerplan"
    [['Pijlerplan.exe', 'plan.pijlerplan'], '/work', path.resolve('/work', 'plan.pijlerplan')],
    // Electron adds its own switches to a second instance's argv; they are skipped.
    [
      ['electron', '.', '--allow-file-access-from-files', '/abs/team.pijlerplan'],
      '/elsewhere',
      path.resolve('/abs/team.pijlerplan'),
    ],
    [['Pijlerplan.exe', 'oud.sqlite'], '/work', path.resolve('/work', 'oud.sqlite')],
  ])('hands a second instance’s file %j (cwd %s) to the running window', (argv, cwd, expected) => {
    const { handOver, deps, delivered } = setup();
    handOver.windowReady();
    handOver.onSecondInstance(argv, cwd);
    expect(deps.focusWindow).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([expected]);
  });

  it('only brings the window forward when the second instance has no workspace', () => {
    const { handOver, deps } = setup();
    handOver.windowReady();
    handOver.onSecondInstance(['Pijlerplan.exe', 'notes.txt', '--x'], '/w');
    expect(deps.focusWindow).toHaveBeenCalledTimes(1);
    expect(deps.deliver).not.toHaveBeenCalled();
  });

  it("hands over macOS's open-file once the window is up", () => {
    const { handOver, delivered } = setup();
    handOver.windowReady();
    handOver.onOpenFile('/Users/an/plan.pijlerplan');
    expect(delivered).toEqual(['/Users/an/plan.pijlerplan']);
  });

  it('logs a failed delivery instead of crashing the main process', async () => {
    const { handOver, deps } = setup();
    deps.deliver.mockRejectedValueOnce(new Error('schijf weg'));
    handOver.windowReady();
    handOver.onOpenFile('/x/plan.pijlerplan');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(deps.log).toHaveBeenCalledWith(expect.stringContaining('schijf weg'));
  });
});
