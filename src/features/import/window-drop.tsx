import { Overlay, Portal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { offerImportFile } from './wizard-store';
import classes from './import.module.css';

export type ImportWindowDropProps = {
  /**
   * Called after a dropped file was handed to the wizard. Default: go to the import route,
   * where the wizard opens the file.
   */
  onFileDropped?: (fileName: string) => void;
  /** Ignore drops (e.g. while a modal that takes its own files is open). Default false. */
  disabled?: boolean;
};

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Listens for files dragged over the window, shows "Laat los om te importeren" and hands the
 * dropped file to the import wizard. Every extension goes through: the wizard explains what it
 * cannot read (.xls, .ods, .pdf…) rather than the drop silently doing nothing.
 */
export function ImportWindowDrop({ onFileDropped, disabled = false }: ImportWindowDropProps) {
  const { t } = useTranslation('import');
  const [active, setActive] = useState(false);
  // dragenter/dragleave fire for every child element crossed; count them to know when the
  // pointer really left the window.
  const depth = useRef(0);
  const onDroppedRef = useRef(onFileDropped);
  useEffect(() => {
    onDroppedRef.current = onFileDropped;
  }, [onFileDropped]);

  useEffect(() => {
    if (disabled) return;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setActive(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file itself instead of letting us have it.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (event: DragEvent) => {
      depth.current = 0;
      setActive(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void file.arrayBuffer().then((buffer) => {
        offerImportFile({ name: file.name, bytes: new Uint8Array(buffer) });
        const onDropped = onDroppedRef.current ?? (() => navigate('import'));
        onDropped(file.name);
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [disabled]);

  if (!active) return null;
  return (
    <Portal>
      <Overlay fixed blur={3} zIndex={1000} className={classes.dropOverlay}>
        <div className={classes.dropFrame} data-testid="import-drop-overlay">
          <Stack align="center" gap="xs">
            <ThemeIcon size={72} radius="xl" variant="light">
              <IconFileSpreadsheet size={44} stroke={1.5} />
            </ThemeIcon>
            <Text size="xl" fw={700}>
              {t('drop.overlayTitle')}
            </Text>
            <Text c="dimmed">{t('drop.overlayHint')}</Text>
          </Stack>
        </div>
      </Overlay>
    </Portal>
  );
}
