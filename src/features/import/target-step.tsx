import {
  Alert,
  Badge,
  Checkbox,
  Group,
  Loader,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { IconDatabase, IconKey, IconSparkles, IconTable, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  ColumnMapping,
  EntityDefinition,
  EntityField,
  EntityName,
  ImportPreview,
  ImportTarget,
  RawTableOptions,
} from '../../core/import/api-types';
import type { TableSummary } from '../../core/tables/types';
import { useFormatters } from './format';
import {
  columnLetter,
  mappingProblems,
  type MappingSource,
  type TableNameProblem,
} from './wizard-state';

export type TargetStepProps = {
  preview: ImportPreview;
  entities: EntityDefinition[] | null;
  target: ImportTarget | null;
  mapping: ColumnMapping;
  mappingSource: MappingSource | null;
  appliedTemplate: string | null;
  suggesting: boolean;
  saveTemplate: boolean;
  templateName: string;
  tableNameProblem: TableNameProblem | null;
  /** The raw table of that name already in the workspace, if any. */
  existingTable: TableSummary | null;
  rawOptions: RawTableOptions;
  onRawOptions: (options: RawTableOptions) => void;
  defaultTableName: string;
  onTarget: (target: ImportTarget) => void;
  onMapping: (field: string, column: number | null) => void;
  onSaveTemplate: (enabled: boolean, name: string) => void;
};

/**
 * A field's label. The core names it `import.fields.<entity>.<field>` (this namespace); a
 * field the strings don't know yet shows its key made readable.
 */
export function useFieldLabel(): (field: EntityField) => string {
  const { t, i18n } = useTranslation('import');
  return (field) => {
    const key = field.labelKey.replace(/^import[.:]/, '');
    if (i18n.exists(key, { ns: 'import' })) return t(key as 'title');
    return field.key.replace(/_/g, ' ');
  };
}

export function useEntityLabel(): (name: EntityName) => string {
  const { t } = useTranslation('import');
  return (name) => t(`entities.${name}`);
}

export function TargetStep(props: TargetStepProps) {
  const { preview, entities, target, mapping, onTarget } = props;
  const { t } = useTranslation('import');
  const entityLabel = useEntityLabel();
  const suggested = preview.suggestedTarget;

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('target.kind')}
        value={target?.kind ?? null}
        onChange={(kind) => {
          if (kind === 'raw') onTarget({ kind: 'raw', table: props.defaultTableName });
          else {
            const entity =
              suggested.kind === 'entity'
                ? suggested.entity
                : (entities?.[0]?.name ?? 'municipality');
            onTarget({ kind: 'entity', entity });
          }
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
          <Radio.Card value="entity" radius="md" p="md" aria-label={t('target.entity')}>
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator />
              <ThemeIcon variant="light" size="lg">
                <IconDatabase size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{t('target.entity')}</Text>
                <Text size="sm" c="dimmed">
                  {t('target.entityHint')}
                </Text>
              </div>
            </Group>
          </Radio.Card>
          <Radio.Card value="raw" radius="md" p="md" aria-label={t('target.raw')}>
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator />
              <ThemeIcon variant="light" size="lg" color="grape">
                <IconTable size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{t('target.raw')}</Text>
                <Text size="sm" c="dimmed">
                  {t('target.rawHint')}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        </SimpleGrid>
      </Radio.Group>

      {target?.kind === 'raw' && (
        <TextInput
          label={t('target.tableName')}
          description={t('target.tableNameHint')}
          value={target.table}
          onChange={(event) => onTarget({ kind: 'raw', table: event.currentTarget.value })}
          error={
            props.tableNameProblem === 'required'
              ? t('target.tableNameRequired')
              : props.tableNameProblem === 'invalid'
                ? t('target.tableNameInvalid')
                : props.tableNameProblem === 'reserved'
                  ? t('target.tableNameReserved', { name: target.table })
                  : undefined
          }
          maw={420}
          ff="monospace"
          data-testid="import-table-name"
        />
      )}
      {target?.kind === 'raw' && props.existingTable && props.tableNameProblem === null && (
        <ExistingTableChoice {...props} existing={props.existingTable} />
      )}

      {target?.kind === 'entity' && (
        <Stack gap="sm">
          <Select
            label={t('target.entityLabel')}
            placeholder={t('target.entityPlaceholder')}
            data={(entities ?? []).map((e) => ({
              value: e.name,
              label:
                suggested.kind === 'entity' && suggested.entity === e.name
                  ? `${entityLabel(e.name)} (${t('target.suggested')})`
                  : entityLabel(e.name),
            }))}
            value={target.entity}
            allowDeselect={false}
            onChange={(value) => value && onTarget({ kind: 'entity', entity: value as EntityName })}
            maw={420}
            rightSection={entities === null ? <Loader size="xs" /> : undefined}
          />
          {(() => {
            const definition = entities?.find((e) => e.name === target.entity);
            return definition ? (
              <MappingForm {...props} definition={definition} mapping={mapping} />
            ) : null;
          })()}
        </Stack>
      )}
    </Stack>
  );
}

function MappingForm({
  preview,
  definition,
  mapping,
  mappingSource,
  appliedTemplate,
  suggesting,
  saveTemplate,
  templateName,
  onMapping,
  onSaveTemplate,
}: TargetStepProps & { definition: EntityDefinition }) {
  const { t } = useTranslation('import');
  const label = useFieldLabel();
  const columnOptions = [
    { value: '', label: t('target.notMapped') },
    ...preview.layout.columns.map((c) => ({
      value: String(c.index),
      label: `${columnLetter(c.index)} · ${c.header || c.name}`,
    })),
  ];
  const problems = mappingProblems(definition, mapping);
  const labelOf = (key: string) => {
    const field = definition.fields.find((f) => f.key === key);
    return field ? label(field) : key;
  };

  return (
    <Stack gap="sm">
      {appliedTemplate !== null && mappingSource === 'template' && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconTemplate />}
          title={t('target.templateApplied', { name: appliedTemplate })}
          data-testid="import-template-notice"
        >
          {t('target.templateAppliedHint')}
        </Alert>
      )}
      {mappingSource === 'suggested' && (
        <Alert color="blue" variant="light" icon={<IconSparkles />} py="xs">
          {t('target.suggestedNotice')}
        </Alert>
      )}
      <div>
        <Group gap="xs">
          <Text fw={600}>{t('target.mapping')}</Text>
          {suggesting && (
            <Group gap={4}>
              <Loader size="xs" />
              <Text size="xs" c="dimmed">
                {t('target.suggesting')}
              </Text>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('target.mappingHint')}
        </Text>
      </div>
      <Table withTableBorder verticalSpacing={4} maw={720} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="45%">{t('target.field')}</Table.Th>
            <Table.Th>{t('target.column')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {definition.fields.map((field) => {
            const value = mapping[field.key];
            const missing = field.required && (value === null || value === undefined);
            return (
              <Table.Tr key={field.key}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={field.required ? 600 : 400}>
                      {label(field)}
                      {field.required && (
                        <Text span c="red" aria-label={t('target.required')}>
                          {' '}
                          *
                        </Text>
                      )}
                    </Text>
                    {field.isKey && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="yellow"
                        leftSection={<IconKey size={10} />}
                      >
                        {t('target.key')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {field.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={label(field)}
                    data={columnOptions}
                    value={value === null || value === undefined ? '' : String(value)}
                    onChange={(next) =>
                      onMapping(field.key, next === null || next === '' ? null : Number(next))
                    }
                    allowDeselect={false}
                    searchable
                    size="xs"
                    error={missing}
                    data-testid={`import-map-${field.key}`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {problems.map((problem) =>
        problem.kind === 'requiredMissing' ? (
          <Text key="required" size="sm" c="red">
            {t('target.requiredMissing', { fields: problem.fields.map(labelOf).join(', ') })}
          </Text>
        ) : (
          <Text key={`dup-${problem.column}`} size="sm" c="orange">
            {t('target.duplicateColumn', { column: columnLetter(problem.column) })}
          </Text>
        ),
      )}
      <Group align="flex-end" gap="md">
        <Checkbox
          label={t('target.saveTemplate')}
          description={t('target.saveTemplateHint')}
          checked={saveTemplate}
          onChange={(event) => onSaveTemplate(event.currentTarget.checked, templateName)}
        />
        {saveTemplate && (
          <TextInput
            label={t('target.templateName')}
            value={templateName}
            onChange={(event) => onSaveTemplate(true, event.currentTarget.value)}
            error={templateName.trim() === '' ? t('target.templateNameRequired') : undefined}
            w={300}
          />
        )}
      </Group>
    </Stack>
  );
}

function ExistingTableChoice({
  preview,
  existing,
  rawOptions,
  onRawOptions,
}: TargetStepProps & { existing: TableSummary }) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const existingNames = new Set(existing.columns.map((c) => c.name));
  const keyOptions = preview.layout.columns
    .filter((c) => existingNames.has(c.name))
    .map((c) => ({ value: c.name, label: `${c.name} (${c.header || columnLetter(c.index)})` }));
  const merge = rawOptions.keyColumn !== undefined && !rawOptions.replace;
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('target.existsTitle', { name: existing.name, rows: fmt.count(existing.rowCount) })}
      maw={720}
    >
      <Radio.Group
        value={merge ? 'merge' : 'replace'}
        onChange={(value) =>
          onRawOptions(
            value === 'merge' ? { keyColumn: keyOptions[0]?.value ?? '' } : { replace: true },
          )
        }
      >
        <Stack gap="xs" mt={4}>
          <Radio
            value="replace"
            label={t('target.existsReplace')}
            description={t('target.existsReplaceHint')}
          />
          <Radio
            value="merge"
            label={t('target.existsMerge')}
            description={t('target.existsMergeHint')}
            disabled={keyOptions.length === 0}
          />
        </Stack>
      </Radio.Group>
      {merge && (
        <Select
          mt="sm"
          ml={32}
          label={t('target.keyColumn')}
          data={keyOptions}
          value={rawOptions.keyColumn || null}
          onChange={(value) => value && onRawOptions({ keyColumn: value })}
          error={rawOptions.keyColumn ? undefined : t('target.keyColumnRequired')}
          allowDeselect={false}
          maw={360}
          size="xs"
        />
      )}
    </Alert>
  );
}
