import { Alert, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ImportReportDto } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';

interface ImportReportViewProps {
  report: ImportReportDto;
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="sm" miw={120} component="section" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** What a dry run would do (or an import did): the counts, and every bad row with its line, column and reason. */
export function ImportReportView({ report }: ImportReportViewProps) {
  const format = useFormat();
  const verb = report.dryRun ? 'would be' : 'were';
  const refused = report.errorCount > 0;
  return (
    <Stack gap="md">
      {refused ? (
        <Alert color="red" variant="light" title={`${format.number(report.errorCount)} problem(s) found`} role="alert">
          {report.dryRun
            ? 'Fix these rows and check the file again; nothing is imported while any row is wrong.'
            : 'Nothing was imported: a file is imported whole or not at all.'}
        </Alert>
      ) : (
        <Alert
          color={report.dryRun ? 'blue' : 'green'}
          variant="light"
          title={report.dryRun ? 'The file is ready to import' : 'Imported'}
        >
          {`${format.number(report.rows)} row(s) read as the ${report.format} layout.`}
        </Alert>
      )}
      <Group gap="sm" aria-label={`Rows that ${verb} created, updated or unchanged`}>
        <Count label="Rows" value={format.number(report.rows)} />
        <Count label={report.dryRun ? 'To create' : 'Created'} value={format.number(report.created)} />
        <Count label={report.dryRun ? 'To update' : 'Updated'} value={format.number(report.updated)} />
        <Count label="Unchanged" value={format.number(report.unchanged)} />
      </Group>
      {report.errors.length > 0 ? (
        <ScrollArea.Autosize mah={420} type="auto">
          <Table striped withTableBorder stickyHeader>
            <Table.Caption>
              {report.errorCount > report.errors.length
                ? `The first ${format.number(report.errors.length)} of ${format.number(report.errorCount)} problems`
                : 'Problems in the file'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((error, index) => (
                <Table.Tr key={`${error.line ?? 0}-${error.field ?? ''}-${index}`}>
                  <Table.Td>{error.line ?? '–'}</Table.Td>
                  <Table.Td>{error.field ?? '–'}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}
