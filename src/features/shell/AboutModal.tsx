import { Anchor, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCHEMA_VERSION } from '../../core/db/schema';

const APP_VERSION = '0.1.0';

/** Over Pijlerplan: what it is, and where the data comes from (Statbel for municipalities). */
export function AboutModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Title order={3}>{t('about.title')}</Title>}
      size="lg"
    >
      <Stack gap="sm">
        <Text>{t('about.body')}</Text>
        <Title order={5}>{t('about.sourcesTitle')}</Title>
        <Text size="sm">
          {t('about.statbel')}{' '}
          <Anchor
            href="https://statbel.fgov.be/nl/open-data"
            target="_blank"
            rel="noreferrer"
            size="sm"
          >
            statbel.fgov.be
          </Anchor>
        </Text>
        <Text size="sm">{t('about.demoNote')}</Text>
        <Text size="xs" c="dimmed">
          {t('about.version', { version: APP_VERSION, schema: SCHEMA_VERSION })}
        </Text>
      </Stack>
    </Modal>
  );
}
