import { Button, Group, Stack, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { i18n } from 'i18next';
import { useState } from 'react';

function FileNameForm({
  i18n,
  suggested,
  onDone,
}: {
  i18n: i18n;
  suggested: string;
  onDone: (name: string | null) => void;
}) {
  const t = i18n.t.bind(i18n);
  const [name, setName] = useState(suggested);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') setError(t('workspace.fileNameRequired'));
        else onDone(name.trim());
      }}
    >
      <Stack>
        <TextInput
          label={t('workspace.fileNameLabel')}
          description={t('workspace.fileNameHint')}
          value={name}
          error={error}
          onChange={(event) => setName(event.currentTarget.value)}
          data-autofocus
          data-testid="file-name-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('workspace.cancel')}
          </Button>
          <Button type="submit">{t('workspace.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Save as" in the browser host: the page cannot pick a place on disk to write to again, so it
 * asks for a name and keeps the workspace in IndexedDB under it.
 */
export function createAskFileName(i18n: i18n): (suggested: string) => Promise<string | null> {
  return (suggested) =>
    new Promise((resolve) => {
      let settled = false;
      const finish = (name: string | null) => {
        if (settled) return;
        settled = true;
        modals.close(id);
        resolve(name);
      };
      const id = modals.open({
        title: i18n.t('workspace.saveAsTitle'),
        onClose: () => finish(null),
        children: <FileNameForm i18n={i18n} suggested={suggested} onDone={finish} />,
      });
    });
}
