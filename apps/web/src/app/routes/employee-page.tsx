import { Anchor, Breadcrumbs, Button, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { isApiError } from '../../lib/api-client';
import { useEmployeeProfile } from '../../features/employees/api/get-employee-profile';
import { EmployeeProfileSkeleton } from '../../features/employees/components/employee-profile-skeleton';
import { EmployeeProfileView } from '../../features/employees/components/employee-profile';
import { AssignRecommended } from '../../features/assignments/components/assign-recommended';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { RecordCompletionForm } from '../../features/employees/components/record-completion-form';
import { OpenBadgesSection } from '../../features/open-badges/components/open-badges-section';
import { useRoleOptions } from '../filter-options';
import { useCredentialOptions } from '../workflow-options';
import { useCurrentUser } from '../guards/session';
import { NotFoundPage } from './not-found-page';

/** "Record a completion" and its dialog; the catalogue loads only when the dialog opens. */
function RecordCompletion({ employeeId, employeeName, today }: { employeeId: number; employeeName: string; today: string }) {
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={dialog.open}>
        Record a completion
      </Button>
      <Modal
        opened={opened}
        onClose={dialog.close}
        title={`Record a completion for ${employeeName}`}
        size="lg"
        closeOnClickOutside={false}
      >
        {opened ? (
          <RecordCompletionDialogBody employeeId={employeeId} employeeName={employeeName} today={today} onDone={dialog.close} />
        ) : null}
      </Modal>
    </>
  );
}

function RecordCompletionDialogBody(props: { employeeId: number; employeeName: string; today: string; onDone: () => void }) {
  const credentials = useCredentialOptions();
  return <RecordCompletionForm {...props} credentials={credentials.options} credentialsLoading={credentials.loading} />;
}

function ProfileById({ id }: { id: number }) {
  const user = useCurrentUser();
  const profile = useEmployeeProfile(id);
  const roles = useRoleOptions();
  const today = useOrganisation().data?.today;
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
      <EmployeeProfileView
        profile={profile.data}
        subject={id}
        roleOptions={roles.options}
        roleOptionsLoading={roles.loading}
        completionActions={
          today && user.role !== 'exec' && user.role !== 'employee' ? (
            <RecordCompletion employeeId={id} employeeName={profile.data.employee.name} today={today} />
          ) : undefined
        }
        recommendationActions={
          today && profile.data.employee.status === 'active'
            ? (recommendation) =>
                recommendation.credentials.length > 0 ? (
                  <AssignRecommended employeeName={profile.data.employee.name} recommendation={recommendation} today={today} />
                ) : null
            : undefined
        }
        openBadges={
          user.role === 'hr' || user.role === 'manager' || user.role === 'admin' ? (
            <OpenBadgesSection completions={profile.data.completions} employeeId={id} self={user.employeeId === id} />
          ) : undefined
        }
      />
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
