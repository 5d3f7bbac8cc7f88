// The shell loads @mantine/core's styles; the dropzone's come with the feature that uses it.
import '@mantine/dropzone/styles.css';
import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconFolderOpen, IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFile } from '../../core/import/api-types';
import type { CsvDialect } from '../../core/import/types';
import type { AppError } from '../../core/result';
import { ErrorAlert } from './error-alert';
import { useFormatters } from './format';

export type FileStepProps = {
  file: ImportFile | null;
  /** Name of the file being read, while reading. */
  reading: string | null;
  error: AppError | null;
  onChoose: () => void;
  onDropFile: (file: File) => void;
  onDialect: (dialect: Pick<CsvDialect, 'encoding' | 'delimiter'>) => void;
};

const ENCODINGS: { value: CsvDialect['encoding']; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (West-Europees)' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
];

const DELIMITERS: {
  value: CsvDialect['delimiter'];
  key: 'semicolon' | 'comma' | 'tab' | 'pipe';
}[] = [
  { value: ';', key: 'semicolon' },
  { value: ',', key: 'comma' },
  { value: '\t', key: 'tab' },
  { value: '|', key: 'pipe' },
];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function FileStep({ file, reading, error, onChoose, onDropFile, onDialect }: FileStepProps) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const dialect = file?.dialect;

  return (
    <Stack gap="md">
      <Dropzone
        onDrop={(files) => {
          const first = files[0];
          if (first) onDropFile(first);
        }}
        activateOnClick={false}
        // The hidden file input behind the drop zone needs a name of its own for screen readers.
        inputProps={{ 'aria-label': t('file.choose') }}
        loading={reading !== null}
        multiple={false}
        radius="md"
        p="lg"
      >
        <Group justify="center" gap="xl" mih={file ? 90 : 180} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={48} stroke={1.5} color="var(--mantine-color-blue-6)" />
          </Dropzone.Accept>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={48} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <Stack gap={4}>
            <Text size="lg" fw={600}>
              {t('file.dropTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('file.dropHint')}
            </Text>
          </Stack>
          <Button
            leftSection={<IconFolderOpen size={18} />}
            onClick={onChoose}
            style={{ pointerEvents: 'all' }}
            variant={file ? 'default' : 'filled'}
          >
            {t('file.choose')}
          </Button>
        </Group>
      </Dropzone>

      {reading !== null && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('file.reading', { name: reading })}</Text>
        </Group>
      )}

      {error && <ErrorAlert error={error} title={t('file.readFailed')} />}

      {file && reading === null && (
        <Card withBorder radius="md" padding="md" data-testid="import-file-facts">
          <Group gap="sm" mb="sm">
            <ThemeIcon variant="light" size="lg">
              <IconFileSpreadsheet size={20} />
            </ThemeIcon>
            <Text fw={600} size="lg">
              {file.fileName}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Fact label={t('file.size')}>{fmt.bytes(file.fileSize)}</Fact>
            <Fact label={t('file.sha256')}>
              <Tooltip label={`${file.sha256} — ${t('file.sha256Hint')}`} multiline w={320}>
                <Text size="sm" ff="monospace" span>
                  {file.sha256.slice(0, 12)}…
                </Text>
              </Tooltip>
            </Fact>
            <Fact label={t('file.format')}>
              <Badge variant="light" color={file.format === 'xlsx' ? 'green' : 'grape'}>
                {file.format === 'xlsx' ? t('file.formatXlsx') : t('file.formatCsv')}
              </Badge>
            </Fact>
            <Fact label={t('file.sheets')}>{fmt.count(file.sheets.length)}</Fact>
          </SimpleGrid>
          {dialect && (
            <Stack gap="xs" mt="md">
              <Group align="flex-end" gap="md">
                <Select
                  label={t('file.encoding')}
                  data={ENCODINGS}
                  value={dialect.encoding}
                  allowDeselect={false}
                  onChange={(value) =>
                    value &&
                    onDialect({
                      encoding: value as CsvDialect['encoding'],
                      delimiter: dialect.delimiter,
                    })
                  }
                  w={300}
                  description={dialect.bom ? t('file.bom') : undefined}
                />
                <Select
                  label={t('file.delimiter')}
                  data={DELIMITERS.map((d) => ({
                    value: d.value,
                    label: t(`file.delimiters.${d.key}`),
                  }))}
                  value={dialect.delimiter}
                  allowDeselect={false}
                  onChange={(value) =>
                    value &&
                    onDialect({
                      encoding: dialect.encoding,
                      delimiter: value as CsvDialect['delimiter'],
                    })
                  }
                  w={220}
                />
              </Group>
              <Text size="xs" c="dimmed">
                {t('file.dialectHint')}
              </Text>
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
