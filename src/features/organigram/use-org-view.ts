import { useEffect, useState } from 'react';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { OrgView } from '../../core/org';

/** The organigram for a scenario and date, re-read whenever the workspace data changes. */
export function useOrgView(scenarioId: number | null, date: string | null) {
  const core = useCore();
  const { revision } = useWorkspace();
  const [view, setView] = useState<OrgView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // Marks for the bench's first-render breakdown (worker read vs. layout and drawing).
    performance.mark('org:view-requested');
    core
      .call('org.view', { scenarioId, date: date ?? undefined })
      .then((next) => {
        performance.mark('org:view-received');
        if (!current) return;
        setView(next);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure.message : String(failure));
      });
    return () => {
      current = false;
    };
  }, [core, revision, scenarioId, date]);
  return { view, error };
}
