import { Anchor, Breadcrumbs, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { isApiError } from '../../lib/api-client';
import { useEmployeeProfile } from '../../features/employees/api/get-employee-profile';
import { EmployeeProfileSkeleton } from '../../features/employees/components/employee-profile-skeleton';
import { EmployeeProfileView } from '../../features/employees/components/employee-profile';
import { useCurrentUser } from '../guards/session';
import { NotFoundPage } from './not-found-page';

function ProfileById({ id }: { id: number }) {
  const user = useCurrentUser();
  const profile = useEmployeeProfile(id);
  useDocumentTitle(`${profile.data?.employee.name ?? 'Employee'} · Skillgrid`);
  const listLabel = user.role === 'manager' ? 'My people' : 'Employees';

  const breadcrumbs = (
    <Breadcrumbs aria-label="Breadcrumb">
      <Anchor component={Link} to="/employees" size="sm">
        {listLabel}
      </Anchor>
      <span aria-current="page">{profile.data?.employee.name ?? 'Employee'}</span>
    </Breadcrumbs>
  );

  if (profile.isPending)
    return (
      <Stack gap="md">
        {breadcrumbs}
        <EmployeeProfileSkeleton />
      </Stack>
    );
  if (profile.isError) {
    // Out of scope and missing look the same on purpose (the server answers 404 for both).
    const notFound = isApiError(profile.error) && profile.error.status === 404;
    return (
      <Stack gap="md">
        {breadcrumbs}
        <ErrorState
          error={notFound ? new Error('This employee does not exist or is not among the people you can see.') : profile.error}
          title={notFound ? 'Employee not found' : 'Could not load this profile'}
          onRetry={notFound ? undefined : () => void profile.refetch()}
          retrying={profile.isFetching}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {breadcrumbs}
      <EmployeeProfileView profile={profile.data} />
    </Stack>
  );
}

export function EmployeePage() {
  const { id } = useParams();
  const employeeId = id && /^\d+$/.test(id) ? Number(id) : null;
  if (employeeId === null) return <NotFoundPage />;
  // Keyed so that moving between employees never shows the previous one's data.
  return <ProfileById key={employeeId} id={employeeId} />;
}

export default EmployeePage;
