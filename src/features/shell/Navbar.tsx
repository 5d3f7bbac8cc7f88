import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCalendarStats,
  IconChartBar,
  IconDatabase,
  IconFileExport,
  IconFileImport,
  IconHierarchy2,
  IconPlant2,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { routeHref, type RouteId } from '../../app/router';
import classes from './Shell.module.css';

const ITEMS: readonly { id: RouteId; icon: Icon }[] = [
  { id: 'data', icon: IconDatabase },
  { id: 'import', icon: IconFileImport },
  { id: 'organigram', icon: IconHierarchy2 },
  { id: 'planning', icon: IconCalendarStats },
  { id: 'pilots', icon: IconPlant2 },
  { id: 'municipalities', icon: IconBuildingCommunity },
  { id: 'dashboard', icon: IconChartBar },
  { id: 'export', icon: IconFileExport },
];

export function Navbar({ active, onNavigate }: { active: RouteId; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className={classes.navbar} style={{ height: '100%' }}>
      <Stack gap={2} p="sm">
        {ITEMS.map(({ id, icon: ItemIcon }) => (
          <NavLink
            key={id}
            href={routeHref(id)}
            label={t(`nav.${id}`)}
            leftSection={<ItemIcon size={20} stroke={1.6} />}
            active={active === id}
            aria-current={active === id ? 'page' : undefined}
            onClick={onNavigate}
            variant="light"
            fw={active === id ? 650 : 500}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            data-route={id}
          />
        ))}
      </Stack>
      <Text size="xs" c="dimmed" px="md" pb="md" style={{ position: 'absolute', bottom: 0 }}>
        {t('app.tagline')}
      </Text>
    </nav>
  );
}
