import { useEffect, useState } from 'react';
import { useCore } from './core-context';
import { useWorkspace } from './workspace-state';

/**
 * The first row of a read-only SQL query as column → value, re-run whenever the workspace data
 * changes. For headline figures (KPI cards); tables use the data grid's 'tables.query'.
 */
export function useSqlRow(sql: string): Record<string, unknown> | null {
  const core = useCore();
  const { revision } = useWorkspace();
  const [row, setRow] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    let current = true;
    core
      .call('tables.sql', { sql })
      .then((result) => {
        if (!current || !result.ok) return;
        const first = result.value.rows[0];
        setRow(
          first
            ? Object.fromEntries(result.value.columns.map((name, index) => [name, first[index]]))
            : {},
        );
      })
      .catch(() => {
        if (current) setRow({});
      });
    return () => {
      current = false;
    };
  }, [core, sql, revision]);
  return row;
}

/** A number from a query row, or null while it loads / when absent. */
export function numberOf(row: Record<string, unknown> | null, column: string): number | null {
  const value = row?.[column];
  return typeof value === 'number' ? value : null;
}
