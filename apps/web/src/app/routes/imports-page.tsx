import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ImportJobsList } from '../../features/imports/components/import-jobs-list';
import { ImportPanel } from '../../features/imports/components/import-panel';

/** Bulk imports (HR): check a file, see every bad row, then import it whole. */
export default function ImportsPage() {
  useDocumentTitle('Imports · Skillgrid');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Imports</Title>
        <Text c="dimmed">
          Load people, the catalogue and completions from your HR and learning systems. A file is checked first and imported whole
          or not at all; importing the same file again changes nothing.
        </Text>
      </Stack>
      <ImportPanel />
      <ImportJobsList />
    </Stack>
  );
}
