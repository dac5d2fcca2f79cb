import { Alert, Code, List, Text } from '@mantine/core';
import { useHealth } from '../api/get-health';

export const DEMO_LOGINS = [
  { email: 'hr@demo.skillgrid.test', persona: 'HR' },
  { email: 'manager@demo.skillgrid.test', persona: 'Line manager' },
  { email: 'exec@demo.skillgrid.test', persona: 'Executive' },
  { email: 'employee@demo.skillgrid.test', persona: 'Employee' },
] as const;

export const DEMO_PASSWORD = 'skillgrid-demo';

/** Only a demo deployment (the API says so in /health) shows its logins. */
export function DemoLoginsHint() {
  const health = useHealth();
  if (health.data?.demo !== true) return null;
  return (
    <Alert variant="light" color="blue" title="Demo data">
      <Text size="sm" mb={6}>
        Sign in as any of these, with the password <Code>{DEMO_PASSWORD}</Code>:
      </Text>
      <List size="sm" spacing={2}>
        {DEMO_LOGINS.map((login) => (
          <List.Item key={login.email}>
            <Code>{login.email}</Code> ({login.persona})
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
