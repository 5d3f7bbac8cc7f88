import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerText } from '../../core/answer/types';
import { draftPlainText } from './answer-model';
import classes from './answer.module.css';

/**
 * The draft answer: a Dutch paragraph (or a few) per sub-question, filled from the same Answer
 * the screen shows, so its numbers are the screen's. Copy puts it on the clipboard as text.
 */
export function DraftText({ text, exports }: { text: AnswerText[]; exports: ReactNode }) {
  const { t } = useTranslation('answer');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draftPlainText(text));
      notifications.show({ message: t('text.copied') });
    } catch (cause) {
      notifications.show({
        color: 'red',
        message: t('text.copyFailed', { message: String(cause) }),
      });
    }
  };
  return (
    <Paper p="lg" radius="md" withBorder>
      <Group justify="space-between" align="flex-start" mb="sm" className={classes.noPrint}>
        <Text size="sm" c="dimmed" maw={620}>
          {t('text.intro')}
        </Text>
        <Group gap="xs">
          <Button
            leftSection={<IconCopy size={16} />}
            onClick={() => void copy()}
            data-testid="answer-copy"
          >
            {t('text.copy')}
          </Button>
          {exports}
        </Group>
      </Group>
      <Stack gap="md" className={classes.text} data-testid="answer-text" lang="nl-BE">
        {text.map((part) => (
          <div key={part.id} data-section={part.id}>
            <Title order={4} mb={6}>
              {part.title}
            </Title>
            {part.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
