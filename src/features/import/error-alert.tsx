import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../core/result';

export type ErrorAlertProps = {
  error: AppError;
  /** Heading above the message; default "Er ging iets mis". */
  title?: string;
  /** Extra content under the message (a retry button…). */
  children?: ReactNode;
  onClose?: () => void;
};

/** Translated text of a core error: `errors.<code>` when the app has it, else the core's Dutch text. */
export function useErrorText(): (error: AppError) => string {
  const { t, i18n } = useTranslation('import');
  return (error) => {
    const key = `errors.${error.code}`;
    if (error.code !== 'unexpected' && i18n.exists(key)) {
      return i18n.t(key, { ...error.params, defaultValue: error.message });
    }
    if (error.code === 'unexpected') return t('errors.unknown', { message: error.message });
    return error.message;
  };
}

/**
 * A problem as the user needs it: what went wrong (the core's message), where (sheet, row,
 * column, value) and — inside the message — how to fix it.
 */
export function ErrorAlert({ error, title, children, onClose }: ErrorAlertProps) {
  const { t } = useTranslation('import');
  const text = useErrorText();
  const where = [
    error.location?.sheet !== undefined && t('errors.whereSheet', { sheet: error.location.sheet }),
    error.location?.row !== undefined && t('errors.whereRow', { row: error.location.row }),
    error.location?.column !== undefined &&
      t('errors.whereColumn', { column: error.location.column }),
    error.location?.value !== undefined && t('errors.whereValue', { value: error.location.value }),
  ].filter((part): part is string => typeof part === 'string');
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={title ?? t('errors.title')}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      role="alert"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {text(error)}
      </Text>
      {where.length > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('errors.where', { where: where.join(', ') })}
        </Text>
      )}
      {children}
    </Alert>
  );
}
