import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen's frame: title, one-line explanation, optional actions, then the content. */
export function Page({
  title,
  subtitle,
  actions,
  children,
  testId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Controls at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap="md" p="lg" style={{ flex: 1, minHeight: 0 }} data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Box>
          <Title order={2}>{title}</Title>
          {subtitle && (
            <Text size="sm" mt={4} maw={820}>
              {subtitle}
            </Text>
          )}
        </Box>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
