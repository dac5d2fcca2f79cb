import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { DelayedLoader } from '../../components/ui/delayed-loader';
import { ErrorState } from '../../components/ui/error-state';
import { useMe } from '../../features/auth/api/get-me';
import { SessionContext } from './session';

/** Lets signed-in users through; everyone else goes to sign-in and comes back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <DelayedLoader label="Checking your session" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorState
          error={me.error}
          title="Could not check your session"
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      </Container>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
