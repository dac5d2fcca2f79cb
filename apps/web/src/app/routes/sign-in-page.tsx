import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { meQueryOptions } from '../../features/auth/api/get-me';
import { DemoLoginsHint } from '../../features/auth/components/demo-logins-hint';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { homePathFor, safeNextPath } from '../personas';

export function SignInPage() {
  useDocumentTitle('Sign in · Skillgrid');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  // Only what is already known: asking /auth/me here would log a 401 in the console of every
  // visitor who is simply not signed in yet.
  const me = useQuery({ ...meQueryOptions(), enabled: false });
  const next = safeNextPath(searchParams.get('next'));

  // Already signed in (a bookmark, the back button): go where they were heading.
  if (me.data) return <Navigate to={next ?? homePathFor(me.data)} replace />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420} gap="md">
        <Stack gap={4}>
          <Title order={1} size="h2">
            Sign in to Skillgrid
          </Title>
          <Text c="dimmed" size="sm">
            Workforce skills from micro-credentials.
          </Text>
        </Stack>
        <Paper withBorder radius="md" p="lg">
          <SignInForm onSignedIn={(user) => navigate(next ?? homePathFor(user), { replace: true })} />
        </Paper>
        <DemoLoginsHint />
      </Stack>
    </Center>
  );
}

export default SignInPage;
