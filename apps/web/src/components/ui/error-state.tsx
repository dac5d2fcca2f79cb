import { Alert, Button, Group, Text } from '@mantine/core';
import { isApiError } from '../../lib/api-client';

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A readable message and Retry (UI.md "States and feedback"). */
export function ErrorState({ error, title = 'Could not load this', onRetry, retrying }: ErrorStateProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
