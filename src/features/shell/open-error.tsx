import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import type { AppError } from '../../core/result';

const KNOWN_CODES = ['not-sqlite', 'not-workspace', 'newer-version', 'corrupt', 'migration-failed'];

/**
 * Explains why a workspace could not be opened — what happened, why, and what to do — in the
 * user's language, and says plainly that the current workspace is untouched.
 */
export function showOpenError(t: TFunction, error: AppError, fileName: string | null): void {
  const code = KNOWN_CODES.includes(error.code) ? error.code : 'unknown';
  const params = { ...error.params, message: error.message };
  modals.open({
    title: <Title order={3}>{t('errors.openTitle')}</Title>,
    size: 'lg',
    children: (
      <Stack gap="sm" data-testid="open-error" data-error-code={error.code}>
        {fileName && (
          <Text size="sm" c="dimmed">
            {t('errors.file', { name: fileName })}
          </Text>
        )}
        <List spacing="xs" listStyleType="none" ps={0}>
          <List.Item>
            <Text fw={650}>{t('errors.what')}</Text>
            <Text>{t(`errors.${code}.what`, params)}</Text>
          </List.Item>
          <List.Item>
            <Text fw={650}>{t('errors.why')}</Text>
            <Text>{t(`errors.${code}.why`, params)}</Text>
          </List.Item>
          <List.Item>
            <Text fw={650}>{t('errors.fix')}</Text>
            <Text>{t(`errors.${code}.fix`, params)}</Text>
          </List.Item>
        </List>
        <Alert color="petrol" variant="light" icon={<IconShieldCheck size={18} />} p="xs">
          {t('errors.keepsCurrent')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={() => modals.closeAll()} data-autofocus>
            {t('about.close')}
          </Button>
        </Group>
      </Stack>
    ),
  });
}
