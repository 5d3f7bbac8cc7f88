import { Button, Menu, Popover, Text } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { ExportSource } from '../../core/export/handlers';
import type { TableQuery } from '../../core/tables/types';
import { ExportProgress } from './ExportProgress';
import { useExportJob } from './use-export-job';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Exporteren" on a data table: every row the table shows (its filters, search and sort, not
 * just the page) to .xlsx or .csv, written in the worker and saved through the host.
 */
export function ExportMenu({
  query,
  source,
  fileBase,
}: {
  /** A data table's query (its filters, search and sort); or give `source`. */
  query?: Omit<TableQuery, 'offset' | 'limit'>;
  /** What to export when it is not a data table: a SQL statement, or given rows. */
  source?: ExportSource;
  /** The file's and the sheet's name, e.g. "Gemeenten". */
  fileBase: string;
}) {
  const { t } = useTranslation('export');
  const core = useCore();
  const job = useExportJob();
  const hintId = useId();
  const start = (format: 'xlsx' | 'belgian' | 'plain') => {
    const extension = format === 'xlsx' ? 'xlsx' : 'csv';
    void job.run(
      (options) =>
        core.call(
          'export.table',
          {
            source: source ?? { kind: 'table', query: query ?? { table: '' } },
            format: extension,
            csvStyle: format === 'plain' ? 'plain' : 'belgian',
            sheetName: fileBase,
            title: fileBase,
          },
          options,
        ),
      `${fileBase} ${today()}.${extension}`,
      true,
    );
  };
  return (
    <Popover
      opened={job.state.kind !== 'idle'}
      onChange={(open) => !open && job.setState({ kind: 'idle' })}
      position="bottom-end"
      width={380}
      withArrow
      // A progress panel beside the menu, not a popup the wrapper opens: no aria-expanded on a div.
      withRoles={false}
    >
      <Popover.Target>
        <div>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconFileExport size={16} />}
                rightSection={<IconChevronDown size={14} />}
                data-testid="table-export"
              >
                {t('table.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {/* A menu may only own items and groups (axe: aria-required-children): the hint
                  labels a group of the three choices. */}
              <div role="group" aria-labelledby={`${hintId}-hint`}>
                <Menu.Label id={`${hintId}-hint`}>{t('table.hint')}</Menu.Label>
                <Menu.Item onClick={() => start('xlsx')}>{t('table.xlsx')}</Menu.Item>
                <Menu.Item onClick={() => start('belgian')}>{t('table.belgian')}</Menu.Item>
                <Menu.Item onClick={() => start('plain')}>{t('table.plain')}</Menu.Item>
              </div>
            </Menu.Dropdown>
          </Menu>
        </div>
      </Popover.Target>
      <Popover.Dropdown>
        <ExportProgress state={job.state} onCancel={job.cancel} />
        {job.state.kind !== 'running' && (
          <Text size="xs" mt={6} c="var(--mantine-color-text)">
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => job.setState({ kind: 'idle' })}
            >
              OK
            </Button>
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
