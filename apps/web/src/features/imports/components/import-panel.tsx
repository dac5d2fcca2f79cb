import { Anchor, Button, FileInput, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IMPORT_ENTITIES, type ImportEntity, type ImportReportDto } from '@skillgrid/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { importTemplateUrl } from '../api/get-import-template';
import { useImportJob } from '../api/get-import-job';
import { IMPORT_LABELS, importKeys } from '../api/keys';
import { useUploadImport, type UploadImportResult } from '../api/upload-import';
import { ImportJobProgress } from './import-job-progress';
import { ImportReportView } from './import-report-view';

interface ImportPanelProps {
  /** The entities offered (all by default). */
  entities?: readonly ImportEntity[];
}

/**
 * Pick what to import, download its template, upload: first a dry run that lists every bad row
 * and what would change, then, when the file is clean, the import itself. Large files run as a
 * job whose progress is polled.
 */
export function ImportPanel({ entities = IMPORT_ENTITIES }: ImportPanelProps) {
  const queryClient = useQueryClient();
  const format = useFormat();
  const [entity, setEntity] = useState<ImportEntity>(entities[0]);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<UploadImportResult | null>(null);
  const upload = useUploadImport();
  const jobId = result?.kind === 'job' ? result.job.id : null;
  const job = useImportJob(jobId);

  const report: ImportReportDto | null = result?.kind === 'report' ? result.report : (job.data?.report ?? null);
  const running = upload.isPending || (jobId !== null && !job.data?.finishedAt && !job.isError);
  const checked = report !== null && report.dryRun && report.errorCount === 0;
  const imported = report !== null && !report.dryRun && report.errorCount === 0;

  // A large import that ran as a job changes data shown elsewhere once it ends.
  const finishedJob = job.data?.finishedAt && !job.data.dryRun ? job.data.id : null;
  useEffect(() => {
    if (finishedJob) void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'imports' });
  }, [finishedJob, queryClient]);
  // The list of recent imports shows each upload, and each job once it ends.
  const endedJob = job.data?.finishedAt ? job.data.id : null;
  useEffect(() => {
    if (endedJob) void queryClient.invalidateQueries({ queryKey: importKeys.jobs() });
  }, [endedJob, queryClient]);

  const start = (dryRun: boolean) => {
    if (!file) return;
    upload.mutate(
      { entity, file, dryRun },
      {
        onSuccess: (answer) => {
          setResult(answer);
          void queryClient.invalidateQueries({ queryKey: importKeys.jobs() });
          // Everything shown elsewhere may have changed.
          if (!dryRun && answer.kind === 'report') void queryClient.invalidateQueries();
        },
      },
    );
  };
  const reset = (next: Partial<{ entity: ImportEntity; file: File | null }>) => {
    if (next.entity) setEntity(next.entity);
    if ('file' in next) setFile(next.file ?? null);
    setResult(null);
    upload.reset();
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label="File to import">
        <Stack gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label="What to import"
              data={entities.map((value) => ({ value, label: IMPORT_LABELS[value].label }))}
              value={entity}
              onChange={(value) => value && reset({ entity: value as ImportEntity })}
              allowDeselect={false}
              w={220}
            />
            <FileInput
              label="CSV or XLSX file"
              placeholder="Choose a file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(value) => reset({ file: value })}
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the file' }}
              w={320}
            />
            <Anchor href={importTemplateUrl(entity)} download>
              Download the template
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed">
            {IMPORT_LABELS[entity].description} Headers are matched without regard to case or spacing; cells are read as text and
            never evaluated as formulas.
          </Text>
          <Group gap="sm">
            <Button onClick={() => start(true)} disabled={!file || running} loading={upload.isPending && !checked}>
              Check file
            </Button>
            {checked ? (
              <Button color="green" onClick={() => start(false)} disabled={running} loading={upload.isPending}>
                {`Import ${format.number(report.rows)} row(s)`}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>
      {upload.isError ? <ErrorState error={upload.error} title="The file could not be sent" /> : null}
      {job.isError ? <ErrorState error={job.error} title="Could not follow the import" /> : null}
      {job.data && !job.data.finishedAt ? <ImportJobProgress job={job.data} /> : null}
      {report ? (
        <Paper withBorder radius="md" p="md" component="section" aria-label={report.dryRun ? 'Dry run' : 'Result'}>
          <ImportReportView report={report} />
          {imported ? (
            <Button mt="md" variant="default" onClick={() => reset({ file: null })}>
              Import another file
            </Button>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}
