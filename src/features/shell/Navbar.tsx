import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { routeHref, type RouteId } from '../../app/router';
import { NAV_ITEMS } from './nav-items';
import classes from './Shell.module.css';

export function Navbar({ active, onNavigate }: { active: RouteId; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className={classes.navbar} style={{ height: '100%' }}>
      <Stack gap={2} p="sm">
        {NAV_ITEMS.map(({ id, icon: ItemIcon }) => (
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
