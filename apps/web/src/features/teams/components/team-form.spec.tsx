import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { makeTeam } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import { TeamForm } from './team-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

const ops = makeTeam({ id: 1, name: 'Operations', parentId: null });
const warehouse = makeTeam({ id: 2, name: 'Warehouse', parentId: 1, managerId: 7, managerName: 'Wes' });
const nights = makeTeam({ id: 3, name: 'Night shift', parentId: 2 });
const finance = makeTeam({ id: 4, name: 'Finance', parentId: null });
const TEAMS = [ops, warehouse, nights, finance];

function renderForm(team = warehouse, onDone = vi.fn()) {
  renderWithProviders(<TeamForm team={team} teams={TEAMS} people={[]} onPeopleSearch={vi.fn()} onDone={onDone} />);
  return onDone;
}

describe(TeamForm.name, () => {
  it('never offers a team, or a team below it, as its parent', async () => {
    stubFetch([]);
    renderForm();
    fireEvent.click(screen.getByRole('combobox', { name: 'Parent team' }));
    const options = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(options).toEqual(['Finance', 'Operations']);
  });

  it('sends only what changed, and shows the server’s refusal beside the field it names', async () => {
    const { calls } = stubFetch([
      {
        method: 'PATCH',
        path: '/api/teams/2',
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'parentId: team 3 is inside this team: a team cannot be its own ancestor',
          errors: [{ field: 'parentId', message: 'team 3 is inside this team: a team cannot be its own ancestor' }],
        },
      },
    ]);
    const onDone = renderForm();
    fireEvent.click(screen.getByRole('combobox', { name: 'Parent team' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Finance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save team' }));

    expect(await screen.findByText('team 3 is inside this team: a team cannot be its own ancestor')).toBeTruthy();
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ parentId: 4 });
    expect(screen.getByRole('combobox', { name: 'Parent team' }).getAttribute('aria-invalid')).toBe('true');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('creates a top-level team with a name', async () => {
    const { calls } = stubFetch([{ method: 'POST', path: '/api/teams', status: 201, body: makeTeam({ id: 9, name: 'Legal' }) }]);
    const onDone = vi.fn();
    renderWithProviders(<TeamForm team={null} teams={TEAMS} people={[]} onPeopleSearch={vi.fn()} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));
    expect(await screen.findByText('Enter the team’s name')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: ' Legal ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Legal', parentId: null, managerId: null });
  });
});
