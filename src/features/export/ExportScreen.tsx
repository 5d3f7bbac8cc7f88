import {
  Button,
  Card,
  Group,
  Select,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { ExportProgress, useExportJob } from '../../components/export-menu';
import { Page } from '../../components/page';

type Grain = 'month' | 'quarter' | 'year';
type Activity = 'pillar4' | 'all';
type RegionKind = 'network' | 'agii';
type SqlFormat = 'xlsx' | 'belgian' | 'plain';

const today = () => new Date().toISOString().slice(0, 10);

/** Export: the report workbook for a chosen scenario, and any read-only query to .xlsx/.csv. */
export function ExportScreen() {
  const { t } = useTranslation('export');
  const core = useCore();
  const { revision } = useWorkspace();
  const [scenarios, setScenarios] = useState<{ id: number; name: string; status: string }[]>([]);
  const [scenario, setScenario] = useState<string | null>(null);
  const [compare, setCompare] = useState<string | null>(null);
  const [grain, setGrain] = useState<Grain>('quarter');
  const [activity, setActivity] = useState<Activity>('pillar4');
  const [regionKind, setRegionKind] = useState<RegionKind>('network');
  const [sql, setSql] = useState('SELECT * FROM municipality_overview ORDER BY name');
  const [sqlFormat, setSqlFormat] = useState<SqlFormat>('xlsx');
  const report = useExportJob();
  const query = useExportJob();

  useEffect(() => {
    let current = true;
    void core.call('export.scenarios', undefined).then((list) => {
      if (!current) return;
      setScenarios(list);
      const chosen = list.find((s) => s.status === 'approved') ?? list[0];
      setScenario(chosen ? String(chosen.id) : null);
      const other = list.find((s) => s.id !== chosen?.id);
      setCompare(other ? String(other.id) : null);
    });
    return () => {
      current = false;
    };
  }, [core, revision]);

  const options = scenarios.map((s) => ({ value: String(s.id), label: s.name }));
  const scenarioName = scenarios.find((s) => String(s.id) === scenario)?.name ?? 'rapport';

  const exportReport = () =>
    void report.run(
      (jobOptions) =>
        core.call(
          'export.report',
          {
            scenario: scenario === null ? undefined : Number(scenario),
            compareWith: compare === null ? undefined : Number(compare),
            grain,
            activity,
            regionKind,
          },
          jobOptions,
        ),
      `Vierde pijler - rapport - ${scenarioName} ${today()}.xlsx`,
    );

  const exportQuery = () => {
    const extension = sqlFormat === 'xlsx' ? 'xlsx' : 'csv';
    void query.run(
      (jobOptions) =>
        core.call(
          'export.table',
          {
            source: { kind: 'sql', sql },
            format: extension,
            csvStyle: sqlFormat === 'plain' ? 'plain' : 'belgian',
            sheetName: 'Gegevens',
            title: 'Query',
          },
          jobOptions,
        ),
      `query ${today()}.${extension}`,
      true,
    );
  };

  return (
    <Page
      title={t('title')}
      // Mantine's dimmed grey fails contrast (axe): the subtitle keeps the text colour.
      subtitle={
        <Text span inherit c="var(--mantine-color-text)">
          {t('subtitle')}
        </Text>
      }
      testId="export-screen"
    >
      <Group align="stretch" gap="lg" wrap="wrap">
        <Card withBorder padding="lg" radius="md" style={{ flex: '1 1 460px', maxWidth: 640 }}>
          <Stack gap="md">
            <Group gap="xs">
              <IconFileSpreadsheet size={22} aria-hidden />
              <Title order={3}>{t('report.title')}</Title>
            </Group>
            <Select
              label={t('report.scenario')}
              data={options}
              value={scenario}
              onChange={setScenario}
              allowDeselect={false}
              data-testid="export-scenario"
            />
            <Select
              label={t('report.compare')}
              data={options.filter((option) => option.value !== scenario)}
              value={compare === scenario ? null : compare}
              onChange={setCompare}
              placeholder={t('report.noCompare')}
              clearable
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="export-grain">
                {t('report.grain')}
              </Text>
              <SegmentedControl
                aria-labelledby="export-grain"
                value={grain}
                onChange={(value) => setGrain(value as Grain)}
                data={(['month', 'quarter', 'year'] as const).map((value) => ({
                  value,
                  label: t(`report.grains.${value}`),
                }))}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="export-activity">
                {t('report.activity')}
              </Text>
              <SegmentedControl
                aria-labelledby="export-activity"
                value={activity}
                onChange={(value) => setActivity(value as Activity)}
                data={(['pillar4', 'all'] as const).map((value) => ({
                  value,
                  label: t(`report.activities.${value}`),
                }))}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="export-regions">
                {t('report.regions')}
              </Text>
              <SegmentedControl
                aria-labelledby="export-regions"
                value={regionKind}
                onChange={(value) => setRegionKind(value as RegionKind)}
                data={(['network', 'agii'] as const).map((value) => ({
                  value,
                  label: t(`report.regionKinds.${value}`),
                }))}
              />
            </Stack>
            <Text size="sm">{t('report.sheets')}</Text>
            <Group>
              <Button
                // The report's own header blue: white on it passes contrast in light and dark.
                color="#1F4E79"
                onClick={exportReport}
                disabled={scenario === null || report.state.kind === 'running'}
                data-testid="export-report"
              >
                {t('report.run')}
              </Button>
            </Group>
            <ExportProgress state={report.state} onCancel={report.cancel} />
          </Stack>
        </Card>
        <Card withBorder padding="lg" radius="md" style={{ flex: '1 1 380px', maxWidth: 560 }}>
          <Stack gap="md">
            <Title order={3}>{t('sql.title')}</Title>
            <Textarea
              label={t('sql.label')}
              value={sql}
              onChange={(event) => setSql(event.currentTarget.value)}
              autosize
              minRows={4}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="export-sql"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="export-format">
                {t('sql.format')}
              </Text>
              <SegmentedControl
                aria-labelledby="export-format"
                value={sqlFormat}
                onChange={(value) => setSqlFormat(value as SqlFormat)}
                data={(['xlsx', 'belgian', 'plain'] as const).map((value) => ({
                  value,
                  label: t(`sql.formats.${value}`),
                }))}
              />
            </Stack>
            <Group>
              <Button
                variant="light"
                onClick={exportQuery}
                disabled={sql.trim() === '' || query.state.kind === 'running'}
                data-testid="export-query"
              >
                {t('sql.run')}
              </Button>
            </Group>
            <ExportProgress state={query.state} onCancel={query.cancel} />
          </Stack>
        </Card>
      </Group>
    </Page>
  );
}
