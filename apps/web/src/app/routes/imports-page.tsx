import { Badge, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { ImportJobsList } from '../../features/imports/components/import-jobs-list';
import { ImportPanel } from '../../features/imports/components/import-panel';
import { useBadgesToMap } from '../../features/open-badges/api/get-open-badge-imports';
import { BadgesToMap } from '../../features/open-badges/components/badges-to-map';
import { oneOf } from '../../lib/url-state';
import { useCredentialOptions } from '../workflow-options';

const TABS = ['files', 'badges'] as const;
type ImportsTab = (typeof TABS)[number];

// The credential list loads only when the badges tab opens (panels are not kept mounted).
function BadgesTab() {
  const credentials = useCredentialOptions();
  return <BadgesToMap credentials={credentials.options} credentialsLoading={credentials.loading} />;
}

/** How many badges wait for a mapping, beside the tab's name (the same query the tab shows). */
function BadgesTabLabel() {
  const badges = useBadgesToMap();
  const waiting = badges.data?.total ?? 0;
  return (
    <>
      Badges to map
      {waiting > 0 ? (
        <>
          <Badge ml="xs" size="sm" variant="light" radius="sm">
            {waiting}
          </Badge>
          <VisuallyHidden> waiting</VisuallyHidden>
        </>
      ) : null}
    </>
  );
}

/**
 * Bulk imports (HR): check a file, see every bad row, then import it whole; and the imported
 * Open Badges that wait for HR to map them to a catalogue credential.
 */
export default function ImportsPage() {
  useDocumentTitle('Imports · Skillgrid');
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: ImportsTab = oneOf(TABS, searchParams.get('tab')) ?? 'files';
  const setTab = (value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value === 'badges') next.set('tab', value);
    else next.delete('tab');
    setSearchParams(next);
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Imports</Title>
        <Text c="dimmed">
          Load people, the catalogue and completions from your HR and learning systems. A file is checked first and imported whole
          or not at all; importing the same file again changes nothing.
        </Text>
      </Stack>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label="Import sections">
          <Tabs.Tab value="files">Files</Tabs.Tab>
          <Tabs.Tab value="badges">
            <BadgesTabLabel />
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="files" pt="md">
          <Stack gap="lg">
            <ImportPanel />
            <ImportJobsList />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="badges" pt="md">
          <BadgesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
