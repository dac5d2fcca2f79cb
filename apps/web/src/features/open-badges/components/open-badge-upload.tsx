import { Alert, Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import type { OpenBadgeImportResultDto } from '@skillgrid/shared';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { useImportOpenBadge } from '../api/import-open-badge';
import { outcomeTitle } from './labels';
import { VerificationChecks } from './verification-checks';

/** The server refuses larger bodies; say so before uploading. */
const MAX_BYTES = 1_000_000;

interface OpenBadgeUploadProps {
  /** HR and managers: whose badge it is. Default: the signed-in employee. */
  employeeId?: number;
}

/**
 * Upload (or paste) an Open Badge: the server verifies it offline and, when it passes, records
 * it as a completion. Every check is shown with its verdict; a refused badge records nothing.
 */
export function OpenBadgeUpload({ employeeId }: OpenBadgeUploadProps) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<OpenBadgeImportResultDto | null>(null);
  const upload = useImportOpenBadge();

  const submit = async () => {
    setProblem(null);
    setResult(null);
    upload.reset();
    if (file && file.size > MAX_BYTES) {
      setProblem('The file is larger than 1 MB: that is not an Open Badge.');
      return;
    }
    const json = file ? await file.text() : pasted.trim();
    if (!json) {
      setProblem('Choose a badge file or paste the badge JSON.');
      return;
    }
    upload.mutate({ json, employeeId }, { onSuccess: setResult });
  };

  const color = !result
    ? undefined
    : result.outcome === 'rejected'
      ? 'red'
      : result.completion?.status === 'valid'
        ? 'teal'
        : 'yellow';

  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <FileInput
            label="Badge file"
            description="An Open Badges 3.0 credential or 2.0 assertion (.json)"
            placeholder="Choose a .json file"
            accept="application/json,application/ld+json,.json,.jsonld"
            clearable
            value={file}
            onChange={(next) => {
              setFile(next);
              setResult(null);
            }}
          />
          <Textarea
            label="Or paste the badge JSON"
            rows={5}
            disabled={file !== null}
            value={pasted}
            onChange={(event) => {
              setPasted(event.currentTarget.value);
              setResult(null);
            }}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          {problem ? (
            <Text size="sm" c="red.8" role="alert">
              {problem}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={upload.isPending}>
              Check and record badge
            </Button>
          </Group>
        </Stack>
      </form>
      {upload.isError ? <ErrorState error={upload.error} title="The badge could not be checked" /> : null}
      {result ? (
        <Alert color={color} title={outcomeTitle(result)} role="status">
          <Stack gap="xs">
            <Text size="sm">{result.message}</Text>
            <VerificationChecks checks={result.checks} />
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
