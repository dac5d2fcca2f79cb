import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { useCurrentUser } from '../guards/session';
import { homePathFor } from '../personas';

export function NotFoundPage() {
  const user = useCurrentUser();
  useDocumentTitle('Page not found · Skillgrid');
  return (
    <Stack gap="md" align="flex-start" maw={560} py="xl">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>There is no page at this address. It may have moved, or the link may be mistyped.</Text>
      <Button component={Link} to={homePathFor(user)} variant="light">
        Go to your home page
      </Button>
    </Stack>
  );
}

export default NotFoundPage;
