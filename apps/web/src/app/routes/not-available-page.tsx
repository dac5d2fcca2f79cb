import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { useCurrentUser } from '../guards/session';
import { homePathFor, ROLE_LABELS, type AppPage } from '../personas';

export function NotAvailablePage({ page }: { page: AppPage }) {
  const user = useCurrentUser();
  useDocumentTitle('Not available · Skillgrid');
  const reason =
    page === 'me'
      ? 'Your account is not linked to an employee record, so there is no skills profile to show.'
      : `This page is not available for the ${ROLE_LABELS[user.role]} role.`;
  return (
    <Stack gap="md" align="flex-start" maw={560} py="xl">
      <Title order={1} size="h2">
        Not available for your role
      </Title>
      <Text>{reason}</Text>
      <Button component={Link} to={homePathFor(user)} variant="light">
        Go to your home page
      </Button>
    </Stack>
  );
}
