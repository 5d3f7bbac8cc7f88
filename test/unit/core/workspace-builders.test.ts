import { describe, expect, it } from 'vitest';
import type { ResourceLoader } from '../../../src/core/resources';
import { scalar, seedWorkspace, startCore } from './workspace-fixture';

describe('workspace.new and workspace.openDemo', () => {
  it('creates an empty workspace with the reference data, replacing the open one', async () => {
    const { core, session } = await startCore();
    seedWorkspace(session.db);
    await core.call('tables.updateCell', {
      table: 'pilot',
      key: { id: 1 },
      column: 'budget_eur',
      value: 1,
    });
    const old = session.db;

    const created = await core.call('workspace.new', { name: 'Planning 2026' });
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Planning 2026', isDemo: false, dirty: false, canUndo: false, fileName: null },
    });
    const now = await core.session();
    expect(now.db).not.toBe(old);
    expect(scalar(now.db, 'SELECT count(*) FROM municipality')).toBe(285);
    expect(scalar(now.db, 'SELECT count(*) FROM pilot')).toBe(0);
    // The vocabulary an allocation plan and an HR export refer to (resources/demo/*.csv).
    expect(scalar(now.db, 'SELECT code FROM activity WHERE is_pillar4 = 1')).toBe('pillar4');
    expect(scalar(now.db, 'SELECT count(*) FROM role WHERE is_pillar4 = 1')).toBe(4);
    expect(scalar(now.db, 'SELECT count(*) FROM org_unit')).toBe(0);
    expect(scalar(now.db, 'SELECT action FROM audit_log')).toBe('workspace.new');
    // The old connection is closed.
    expect(() => old.exec('SELECT 1')).toThrow();
  });

  it('opens the demo with progress, marked as the demo', async () => {
    const { core } = await startCore();
    const phases: string[] = [];
    const opened = await core.call('workspace.openDemo', undefined, (progress) =>
      phases.push(progress.phase),
    );
    expect(opened).toMatchObject({
      ok: true,
      value: { name: 'Voorbeeldwerkruimte', isDemo: true, dirty: false },
    });
    expect(phases.length).toBeGreaterThan(2);
    const session = await core.session();
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_overview')).toBe(26);
    expect(scalar(session.db, 'SELECT count(*) FROM municipality_overview')).toBe(285);
    const check = await core.call('workspace.check', undefined);
    expect(check).toMatchObject({ ok: true, foreignKeyProblemCount: 0 });
  });

  it('keeps the current workspace when building fails (a resource is missing)', async () => {
    const { core, session } = await startCore();
    seedWorkspace(session.db);
    const broken: ResourceLoader = {
      text: () => Promise.reject(new Error('bestand ontbreekt')),
      bytes: () => Promise.reject(new Error('bestand ontbreekt')),
    };
    session.resources = broken;
    const db = session.db;
    const demo = await core.call('workspace.openDemo', undefined);
    expect(demo).toMatchObject({ ok: false, error: { code: 'demo-failed' } });
    if (!demo.ok)
      expect(demo.error.message).toMatch(
        /^De voorbeeldwerkruimte kon niet gemaakt worden: .*bestand ontbreekt/,
      );
    const fresh = await core.call('workspace.new', { name: 'X' });
    expect(fresh).toMatchObject({ ok: false, error: { code: 'new-failed' } });
    expect((await core.session()).db).toBe(db);
    expect((await core.call('workspace.info', undefined)).name).toBe('Testwerkruimte');
  });
});
