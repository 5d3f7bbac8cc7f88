import { useEffect, useState } from 'react';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type {
  ChartId,
  Dashboard,
  DashboardFilter,
  Drill,
  FilterOptions,
} from '../../core/dashboard';

/** The filter options, then the whole dashboard for a filter and drill levels (from the worker). */
export function useDashboard(
  filter: DashboardFilter | null,
  drills: Partial<Record<ChartId, Drill | null>>,
) {
  const core = useCore();
  const { revision } = useWorkspace();
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void core.call('dashboard.options', undefined).then((value) => {
      if (current) setOptions(value);
    });
    return () => {
      current = false;
    };
  }, [core, revision]);
  useEffect(() => {
    if (!filter) return;
    let current = true;
    void core.call('dashboard.read', { filter, drills }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setDashboard(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [core, filter, drills, revision]);
  return { options, dashboard, error };
}
