import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportJobDto } from '@skillgrid/shared';
import { ErrorState } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { StatusBadge, type StatusStyle } from '../../../components/ui/status-badge';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useImportJobs } from '../api/list-import-jobs';
import { IMPORT_LABELS } from '../api/keys';

const STATUS: Record<ImportJobDto['status'], StatusStyle> = {
  queued: { label: 'Waiting', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  succeeded: { label: 'Done', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

function entityLabel(entity: string): string {
  if (entity === 'esco') return 'ESCO skills';
  if (entity === 'onet') return 'O*NET';
  return IMPORT_LABELS[entity as keyof typeof IMPORT_LABELS]?.label ?? entity;
}

/** What came of a job, in a few words: its counts, or why it failed (its first error). */
function outcome(job: ImportJobDto, format: ReturnType<typeof useFormat>): string {
  const report = job.report;
  if (!report) return `${format.number(job.rowsRead)} rows read so far`;
  if (job.status === 'failed') {
    const first = report.errors[0]?.message ?? 'It failed';
    return report.errorCount > 1 ? `${first} (and ${format.number(report.errorCount - 1)} more errors)` : first;
  }
  const counts = `${format.number(report.created)} created, ${format.number(report.updated)} updated, ${format.number(report.unchanged)} unchanged`;
  return report.errorCount ? `${counts}; ${format.number(report.errorCount)} bad rows` : counts;
}

/** The latest imports (anyone's, any server's): a job a server stop interrupted shows here as failed. */
export function ImportJobsList() {
  const format = useFormat();
  const jobs = useImportJobs(10);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="recent-imports">
      <Stack gap="sm">
        <Title order={2} size="h4" id="recent-imports">
          Recent imports
        </Title>
        {jobs.isPending ? <TableSkeleton rows={3} label="Loading the recent imports" /> : null}
        {jobs.isError ? (
          <ErrorState error={jobs.error} title="Could not load the recent imports" onRetry={() => void jobs.refetch()} />
        ) : null}
        {jobs.data && jobs.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No imports yet — check a file above to start.
          </Text>
        ) : null}
        {jobs.data && jobs.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.items.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>{format.date(job.createdAt)}</Table.Td>
                    <Table.Td>{`${entityLabel(job.entity)}${job.dryRun ? ' (check only)' : ''}`}</Table.Td>
                    <Table.Td>{job.fileName ?? '–'}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={job.status} styles={STATUS} />
                    </Table.Td>
                    <Table.Td>{outcome(job, format)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}
