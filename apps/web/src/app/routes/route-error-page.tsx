import { Button, Code, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last line of defence: a render error or a chunk that failed to load shows this, not a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  // After a deployment, an old tab may ask for chunks that no longer exist: a reload fixes it.
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1} size="h2">
          {chunkFailed ? 'Skillgrid was updated' : 'Something went wrong'}
        </Title>
        <Text>
          {chunkFailed
            ? 'A newer version is available. Reload the page to continue.'
            : 'This page hit an unexpected problem. Reloading usually helps; if it keeps happening, tell your administrator.'}
        </Text>
        {detail && !chunkFailed ? <Code block>{detail}</Code> : null}
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    </Container>
  );
}
