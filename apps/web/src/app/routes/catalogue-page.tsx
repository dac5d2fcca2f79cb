import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { analyticsKeys } from '../../features/analytics/api/keys';
import type { CatalogueKind } from '../../features/catalogue/api/save-catalogue-item';
import { CapabilityTargetsPanel } from '../../features/catalogue/components/capability-targets-panel';
import { CategoriesPanel } from '../../features/catalogue/components/categories-panel';
import { ClustersPanel } from '../../features/catalogue/components/clusters-panel';
import { CredentialsPanel } from '../../features/catalogue/components/credentials-panel';
import { RolesPanel } from '../../features/catalogue/components/roles-panel';
import { SkillsPanel } from '../../features/catalogue/components/skills-panel';
import { CatalogueChangesProvider } from '../../features/catalogue/hooks/catalogue-changes';
import {
  CATALOGUE_TABS,
  useCatalogueParams,
  type CataloguePanelProps,
  type CatalogueTab,
} from '../../features/catalogue/hooks/use-catalogue-params';
import { employeeKeys } from '../../features/employees/api/keys';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { LevelsForm } from '../../features/organisation/components/levels-form';
import { ErrorState } from '../../components/ui/error-state';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { roleKeys } from '../../features/roles/api/keys';
import { useRoleOptions, useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

const TAB_LABELS: Record<CatalogueTab, string> = {
  skills: 'Skills',
  categories: 'Categories',
  credentials: 'Credentials',
  clusters: 'Clusters',
  roles: 'Roles',
  targets: 'Capability targets',
  levels: 'Proficiency levels',
};

// The option lists load only when their tab opens (panels are not kept mounted).
function ClustersTab(props: CataloguePanelProps) {
  const roles = useRoleOptions();
  return <ClustersPanel {...props} roleOptions={roles.options} />;
}

function LevelsTab({ canEdit }: CataloguePanelProps) {
  const organisation = useOrganisation();
  if (organisation.isPending) return <TableSkeleton label="Loading levels" />;
  if (organisation.isError)
    return (
      <ErrorState
        error={organisation.error}
        title="Could not load the levels"
        onRetry={() => void organisation.refetch()}
        retrying={organisation.isFetching}
      />
    );
  return <LevelsForm levels={organisation.data.levels} canEdit={canEdit} />;
}

function TargetsTab(props: CataloguePanelProps) {
  const teams = useTeamOptions();
  return <CapabilityTargetsPanel {...props} teamOptions={teams.options} />;
}

/** The skills taxonomy, credentials, clusters, roles and team targets: HR edits them, everyone else reads. */
export function CataloguePage() {
  useDocumentTitle('Catalogue · Skillgrid');
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { params, update, setTab } = useCatalogueParams();
  const canEdit = user.role === 'hr' || user.role === 'admin';
  // Employees have no analytics, so no team targets (the API answers 403).
  const tabs = CATALOGUE_TABS.filter((tab) => tab !== 'targets' || user.role !== 'employee');
  const tab = tabs.includes(params.tab) ? params.tab : 'skills';

  // A catalogue write changes what other pages show: names and skills granted feed the analytics
  // and people's profiles; roles feed the role filters.
  const onCatalogueChange = useCallback(
    (kind: CatalogueKind) => {
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
      if (kind !== 'capabilityTarget') void queryClient.invalidateQueries({ queryKey: employeeKeys.all });
      if (kind === 'role') void queryClient.invalidateQueries({ queryKey: roleKeys.all });
    },
    [queryClient],
  );

  const panelProps: CataloguePanelProps = { params, onChange: update, canEdit };
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Catalogue
        </Title>
        {canEdit ? null : (
          <Text size="sm" c="dimmed">
            HR keeps the catalogue up to date; here you can look everything up.
          </Text>
        )}
      </Stack>
      <CatalogueChangesProvider onChange={onCatalogueChange}>
        <Tabs
          value={tab}
          onChange={(value) => setTab(tabs.find((candidate) => candidate === value) ?? 'skills')}
          keepMounted={false}
        >
          <Tabs.List aria-label="Catalogue sections">
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {TAB_LABELS[value]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="skills" pt="md">
            <SkillsPanel {...panelProps} />
          </Tabs.Panel>
          <Tabs.Panel value="categories" pt="md">
            <CategoriesPanel {...panelProps} />
          </Tabs.Panel>
          <Tabs.Panel value="credentials" pt="md">
            <CredentialsPanel {...panelProps} />
          </Tabs.Panel>
          <Tabs.Panel value="clusters" pt="md">
            <ClustersTab {...panelProps} />
          </Tabs.Panel>
          <Tabs.Panel value="roles" pt="md">
            <RolesPanel {...panelProps} />
          </Tabs.Panel>
          <Tabs.Panel value="levels" pt="md">
            <LevelsTab {...panelProps} />
          </Tabs.Panel>
          {tabs.includes('targets') ? (
            <Tabs.Panel value="targets" pt="md">
              <TargetsTab {...panelProps} />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      </CatalogueChangesProvider>
    </Stack>
  );
}

export default CataloguePage;
