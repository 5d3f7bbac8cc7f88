import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconFileExport,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconMarkdown,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import type { AnswerFormat } from '../../core/answer/handlers';
import type { Answer } from '../../core/answer/types';
import classes from './answer.module.css';

const ICONS: Record<AnswerFormat, ReactNode> = {
  xlsx: <IconFileSpreadsheet size={16} />,
  pdf: <IconFileTypePdf size={16} />,
  docx: <IconFileText size={16} />,
  md: <IconMarkdown size={16} />,
};

/**
 * The answer as a file (answer.export: the same Answer the screen shows, rendered in the
 * worker), saved through the host. The exact scenario and day on screen are asked for, so the
 * file says what the screen says.
 */
export function useAnswerExport(answer: Answer | null) {
  const { t } = useTranslation('answer');
  const core = useCore();
  const host = useHost();
  const [busy, setBusy] = useState<AnswerFormat | null>(null);
  const run = async (format: AnswerFormat) => {
    if (!answer) return;
    setBusy(format);
    try {
      const result = await core.call('answer.export', {
        request: { scenarioId: answer.scenario.id, date: answer.date },
        format,
      });
      if (!result.ok) throw new Error(result.error.message);
      const saved = await host.saveExport(result.value.bytes, result.value.fileName);
      if (!saved.ok) throw new Error(saved.message);
      if (saved.value) notifications.show({ message: t('export.saved', { name: saved.value }) });
    } catch (cause) {
      notifications.show({
        color: 'red',
        title: t('export.failed'),
        message: cause instanceof Error ? cause.message : String(cause),
      });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

type ExportJob = ReturnType<typeof useAnswerExport>;

/** "Exporteren ▾" at the top of the screen: workbook, PDF and the text as .docx or .md. */
export function AnswerExportMenu({ job, disabled }: { job: ExportJob; disabled: boolean }) {
  const { t } = useTranslation('answer');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          leftSection={<IconFileExport size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={disabled}
          loading={job.busy !== null}
          className={classes.noPrint}
          data-testid="answer-export"
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('export.label')}>
        {(['xlsx', 'pdf', 'docx', 'md'] as const).map((format) => (
          <Menu.Item
            key={format}
            leftSection={ICONS[format]}
            onClick={() => void job.run(format)}
            data-testid={`answer-export-${format}`}
          >
            {t(`export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The draft text's own buttons: the text as .docx or .md. */
export function TextExportButtons({ job }: { job: ExportJob }) {
  const { t } = useTranslation('answer');
  return (
    <>
      {(['docx', 'md'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={ICONS[format]}
          onClick={() => void job.run(format)}
          loading={job.busy === format}
          data-testid={`answer-text-${format}`}
        >
          {t(`export.${format}`)}
        </Button>
      ))}
    </>
  );
}
