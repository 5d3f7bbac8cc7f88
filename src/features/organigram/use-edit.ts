import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../core/result';

/** Runs one core edit and tells the user how it went; true when it worked. */
export function useEdit(onChanged: () => Promise<void>) {
  const { t } = useTranslation('organigram');
  return async (run: () => Promise<Result<unknown>>, success?: string) => {
    const result = await run();
    if (!result.ok) {
      notifications.show({
        color: 'red',
        title: t('edit.failed'),
        message: result.error.message,
        autoClose: 10_000,
      });
      return false;
    }
    await onChanged();
    if (success) notifications.show({ color: 'petrol', message: success });
    return true;
  };
}
