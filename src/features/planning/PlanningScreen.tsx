import { Alert, Loader, Stack, Tabs } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { Page } from '../../components/page';
import type { PlanGrid } from '../../core/planning/grid';
import type { ScenarioSummary } from '../../core/planning/scenarios';
import { formatIsoDate } from '../../i18n/formatters';
import { intlLocale } from '../../i18n';
import { BreachList } from './BreachList';
import { CompareView } from './CompareView';
import { CostView } from './CostView';
import { DemandView } from './DemandView';
import { LeaveView } from './LeaveView';
import { PlanGridView } from './PlanGridView';
import { ScenarioBar } from './ScenarioBar';

/** Planning: the grid of a scenario, its demand and capacity, compare, and the breaches. */
export function PlanningScreen() {
  const { t, i18n } = useTranslation('planning');
  const core = useCore();
  const { revision } = useWorkspace();
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [plan, setPlan] = useState<PlanGrid | null>(null);
  const [tab, setTab] = useState<string | null>('grid');

  useEffect(() => {
    let live = true;
    void core.call('planning.scenarios', undefined).then((list) => {
      if (!live) return;
      setScenarios(list);
      setSelected((current) =>
        current !== null && list.some((scenario) => scenario.id === current)
          ? current
          : ((list.find((scenario) => scenario.status === 'draft') ?? list[0])?.id ?? null),
      );
    });
    return () => {
      live = false;
    };
  }, [core, revision]);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    void core.call('planning.grid', { scenarioId: selected }).then((result) => {
      if (live && result.ok) setPlan(result.value);
    });
    return () => {
      live = false;
    };
  }, [core, selected, revision]);

  const current = scenarios.find((scenario) => scenario.id === selected) ?? null;
  return (
    <Page
      title={t('title')}
      // Mantine's dimmed grey fails contrast (axe); the subtitle keeps the text colour.
      subtitle={<span style={{ color: 'var(--mantine-color-text)' }}>{t('subtitle')}</span>}
      testId="screen-planning"
    >
      <ScenarioBar scenarios={scenarios} current={current} onSelect={setSelected} />
      {current?.status === 'approved' && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconLock size={18} />}
          data-testid="scenario-locked"
        >
          {t('scenario.locked', {
            date: formatIsoDate(current.approvedAt ?? '', intlLocale(i18n.language)),
          })}
        </Alert>
      )}
      {!plan || !current ? (
        <Loader />
      ) : (
        <Tabs
          value={tab}
          onChange={setTab}
          keepMounted={false}
          style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        >
          <Tabs.List>
            <Tabs.Tab value="grid">{t('tabs.grid')}</Tabs.Tab>
            <Tabs.Tab value="demand">{t('tabs.demand')}</Tabs.Tab>
            <Tabs.Tab value="leave">{t('tabs.leave')}</Tabs.Tab>
            <Tabs.Tab value="cost">{t('tabs.cost')}</Tabs.Tab>
            <Tabs.Tab value="compare">{t('tabs.compare')}</Tabs.Tab>
            <Tabs.Tab value="breaches" data-testid="tab-breaches">
              {t('tabs.breaches', { count: plan.breaches.length })}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="grid" pt="sm" style={{ flex: 1, minHeight: 0, display: 'flex' }}>
            <Stack style={{ flex: 1, minHeight: 0 }}>
              <PlanGridView plan={plan} onPlanChange={setPlan} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="demand" pt="sm">
            <DemandView scenario={current} />
          </Tabs.Panel>
          <Tabs.Panel value="leave" pt="sm">
            <LeaveView scenario={current} />
          </Tabs.Panel>
          <Tabs.Panel value="cost" pt="sm">
            <CostView scenario={current} />
          </Tabs.Panel>
          <Tabs.Panel value="compare" pt="sm">
            <CompareView scenarios={scenarios} current={current} />
          </Tabs.Panel>
          <Tabs.Panel value="breaches" pt="sm">
            <BreachList breaches={plan.breaches} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Page>
  );
}
