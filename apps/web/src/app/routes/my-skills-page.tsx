import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ErrorState } from '../../components/ui/error-state';
import { useMyProfile } from '../../features/employees/api/get-my-profile';
import { EmployeeProfileSkeleton } from '../../features/employees/components/employee-profile-skeleton';
import { EmployeeProfileView } from '../../features/employees/components/employee-profile';
import { OpenBadgesSection } from '../../features/open-badges/components/open-badges-section';
import { isApiError } from '../../lib/api-client';
import { useRoleOptions } from '../filter-options';

export function MySkillsPage() {
  useDocumentTitle('My skills · Skillgrid');
  const profile = useMyProfile();
  const roles = useRoleOptions();

  if (profile.isPending) return <EmployeeProfileSkeleton />;
  if (profile.isError) {
    if (isApiError(profile.error) && profile.error.code === 'NO_EMPLOYEE') {
      return (
        <Stack gap="sm" maw={560} py="xl">
          <Title order={1} size="h2">
            My skills
          </Title>
          <Text>Your account is not linked to an employee record, so there is no skills profile to show. HR can link it.</Text>
        </Stack>
      );
    }
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          My skills
        </Title>
        <ErrorState
          error={profile.error}
          title="Could not load your profile"
          onRetry={() => void profile.refetch()}
          retrying={profile.isFetching}
        />
      </Stack>
    );
  }
  return (
    <EmployeeProfileView
      profile={profile.data}
      title="My skills"
      subject="me"
      roleOptions={roles.options}
      roleOptionsLoading={roles.loading}
      openBadges={<OpenBadgesSection completions={profile.data.completions} />}
    />
  );
}

export default MySkillsPage;
