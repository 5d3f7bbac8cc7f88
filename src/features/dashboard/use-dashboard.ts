import { useEffect, useState } from 'react';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { keepUnchanged } from './unchanged';
import type {
  ChartId,
  Dashboard,
  DashboardFilter,
  Drill,
  FilterOptions,
} from '../../core/dashboard';

/** The filter options (scenarios, regions, divisions, activities, months) from the worker. */
export function useDashboardOptions(): FilterOptions | null {
  const core = useCore();
  const { revision } = useWorkspace();
  const [options, setOptions] = useState<FilterOptions | null>(null);
  useEffect(() => {
    let current = true;
    void core.call('dashboard.options', undefined).then((value) => {
      if (current) setOptions(value);
    });
    return () => {
      current = false;
    };
  }, [core, revision]);
  return options;
}

type Read = { filter: DashboardFilter; drills: Partial<Record<ChartId, Drill | null>> };

/**
 * The whole dashboard for a filter and drill levels (from the worker), and whether a read for
 * them is still on its way (`loading`; the dashboard shown is then the previous read's).
 */
export function useDashboard(
  filter: DashboardFilter | null,
  drills: Partial<Record<ChartId, Drill | null>>,
) {
  const core = useCore();
  const { revision } = useWorkspace();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [answered, setAnswered] = useState<Read & { revision: number }>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!filter) return;
    let current = true;
    // User Timing marks (DevTools, the bench): the request, and its answer with the worker's time.
    performance.mark('dashboard:request');
    void core.call('dashboard.read', { filter, drills }).then((result) => {
      if (!current) return;
      performance.mark('dashboard:answer', {
        detail: { queriesMs: result.ok ? result.value.timings.queriesMs : null },
      });
      if (result.ok) {
        setDashboard((previous) => keepUnchanged(previous, result.value));
        setError(null);
      } else setError(result.error.message);
      setAnswered({ filter, drills, revision });
    });
    return () => {
      current = false;
    };
  }, [core, filter, drills, revision]);
  const loading =
    answered?.filter !== filter || answered.drills !== drills || answered.revision !== revision;
  return { dashboard, error, loading };
}
