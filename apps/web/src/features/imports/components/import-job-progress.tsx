import { Progress, Stack, Text } from '@mantine/core';
import type { ImportJobDto } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';

const PHASES: Record<ImportJobDto['phase'], string> = {
  queued: 'Waiting to start',
  reading: 'Reading the file',
  validating: 'Checking the rows',
  writing: 'Saving',
  done: 'Finished',
};

/** How far a large import has come: rows read while reading, rows saved (of the total) after. */
export function ImportJobProgress({ job }: { job: ImportJobDto }) {
  const format = useFormat();
  const known = job.rowsTotal !== null && job.rowsTotal > 0;
  const value = job.finishedAt ? 100 : known ? Math.min(100, Math.round((job.rowsDone / (job.rowsTotal ?? 1)) * 100)) : 0;
  const detail = known
    ? `${format.number(job.rowsDone)} of ${format.number(job.rowsTotal)} rows`
    : `${format.number(job.rowsRead)} rows read`;
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Text size="sm" fw={500}>
        {`${PHASES[job.phase]} — ${detail}`}
      </Text>
      <Progress
        value={known || job.finishedAt ? value : 100}
        animated={!job.finishedAt}
        striped={!known && !job.finishedAt}
        aria-label="Import progress"
        size="lg"
      />
    </Stack>
  );
}
