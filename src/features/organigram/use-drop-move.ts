import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { ChartLayout, OrgView } from '../../core/org';
import type { useEdit } from './use-edit';

/**
 * A card dropped onto another: a position dropped on a position now reports to it; dropped on
 * a unit, it moves into that unit, under the unit's head. Through the mutation door: undoable.
 */
export function useDropMove(
  view: OrgView,
  layout: ChartLayout,
  scenarioId: number | null,
  edit: ReturnType<typeof useEdit>,
) {
  const { t } = useTranslation('organigram');
  const core = useCore();
  return useCallback(
    (dragged: string, target: string) => {
      if (!dragged.startsWith('p')) return;
      const positionId = Number(dragged.slice(1));
      const targetId = Number(target.slice(1));
      const title = view.snapshot.positions.find((p) => p.id === positionId)?.title ?? '';
      let args: {
        positionId: number;
        reportsToId: number | null;
        unitId?: number;
        scenarioId: number | null;
      };
      let targetName: string;
      if (target.startsWith('p')) {
        args = { positionId, reportsToId: targetId, scenarioId };
        targetName = view.snapshot.positions.find((p) => p.id === targetId)?.title ?? '';
      } else {
        // Onto a unit: into that unit, under its head (the position the unit card leads to).
        const head = layout.cards.find((c) => c.parentKey === target && c.kind === 'position');
        const current = view.snapshot.positions.find((p) => p.id === positionId);
        args = {
          positionId,
          reportsToId: head && head.id !== positionId ? head.id : (current?.reportsToId ?? null),
          unitId: targetId,
          scenarioId,
        };
        targetName = view.snapshot.units.find((u) => u.id === targetId)?.name ?? '';
      }
      void edit(
        () => core.call('org.movePosition', args),
        t('edit.dropped', { title, target: targetName }),
      );
    },
    [view, layout, scenarioId, edit, core, t],
  );
}
