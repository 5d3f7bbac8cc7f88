import { useEffect, useState } from 'react';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { OrgDiff, OrgWhen, PositionChange } from '../../core/org';
import type { CardState, ChangeKind } from './card-shapes';

/** What the chart is compared with: a scenario (null: the baseline) on a date. */
export type CompareWith = { scenarioId: number | null; date: string };

/** The diff from `base` to what the chart shows, re-read when the data changes. */
export function useOrgDiff(current: OrgWhen, base: CompareWith | null) {
  const core = useCore();
  const { revision } = useWorkspace();
  const [diff, setDiff] = useState<OrgDiff | null>(null);
  const key = JSON.stringify([current, base]);
  useEffect(() => {
    if (!base) {
      setDiff(null);
      return;
    }
    let live = true;
    core
      .call('org.diff', { before: base, after: current })
      .then((next) => live && setDiff(next))
      .catch(() => live && setDiff(null));
    return () => {
      live = false;
    };
    // `key` stands for current and base (objects re-created on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [core, revision, key]);
  return base ? diff : null;
}

const RANK: Record<ChangeKind, number> = { added: 3, moved: 2, 'fte-changed': 1 };

/** The badge per changed card; a position moved and changed in FTE shows "moved". */
export function changeMarks(
  changes: readonly PositionChange[],
  label: (kind: ChangeKind) => string,
): Map<string, NonNullable<CardState['change']>> {
  const marks = new Map<string, NonNullable<CardState['change']>>();
  for (const change of changes) {
    if (change.kind === 'removed') continue;
    const key = `p${change.positionId}`;
    const had = marks.get(key);
    if (!had || RANK[change.kind] > RANK[had.kind])
      marks.set(key, { kind: change.kind, label: label(change.kind) });
  }
  return marks;
}
