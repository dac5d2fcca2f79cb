import { Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { CredentialsPanel } from '../../features/catalogue/components/credentials-panel';
import { SkillsPanel } from '../../features/catalogue/components/skills-panel';
import { useCatalogueParams } from '../../features/catalogue/hooks/use-catalogue-params';

export function CataloguePage() {
  useDocumentTitle('Catalogue · Skillgrid');
  const { params, update, setTab } = useCatalogueParams();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Catalogue
      </Title>
      <Tabs
        value={params.tab}
        onChange={(value) => setTab(value === 'credentials' ? 'credentials' : 'skills')}
        keepMounted={false}
      >
        <Tabs.List aria-label="Catalogue sections">
          <Tabs.Tab value="skills">Skills</Tabs.Tab>
          <Tabs.Tab value="credentials">Credentials</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="skills" pt="md">
          <SkillsPanel params={params} onChange={update} />
        </Tabs.Panel>
        <Tabs.Panel value="credentials" pt="md">
          <CredentialsPanel params={params} onChange={update} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export default CataloguePage;
