import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { makeOrganisation } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import { LevelsForm } from './levels-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

const { levels } = makeOrganisation();
const label = (level: number) => screen.getByRole('textbox', { name: `Label of level ${level}` });

describe(LevelsForm.name, () => {
  it('refuses a label used twice before sending anything, beside the field', async () => {
    const { calls } = stubFetch([]);
    renderWithProviders(<LevelsForm levels={levels} canEdit />);
    fireEvent.change(label(4), { target: { value: ' foundation ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save levels' }));

    expect(await screen.findByText('Already the label of level 2')).toBeTruthy();
    expect(label(4).getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('sends all five levels, trimmed, and says so when saved', async () => {
    const renamed = makeOrganisation({
      levels: levels.map((level) => (level.level === 5 ? { ...level, label: 'Authority' } : level)),
    });
    const { calls } = stubFetch([{ method: 'PUT', path: '/api/organisation/levels', body: renamed }]);
    renderWithProviders(<LevelsForm levels={levels} canEdit />);
    fireEvent.change(label(5), { target: { value: '  Authority ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Meaning of level 5' }), { target: { value: 'Sets the standard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save levels' }));

    await waitFor(() => expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    expect(calls[0].body).toEqual({
      levels: [
        { level: 1, label: 'Awareness', description: null },
        { level: 2, label: 'Foundation', description: null },
        { level: 3, label: 'Practitioner', description: null },
        { level: 4, label: 'Advanced', description: null },
        { level: 5, label: 'Authority', description: 'Sets the standard' },
      ],
    });
    expect(await screen.findByText('Levels saved')).toBeTruthy();
  });

  it('shows the scale as a table to those who may not edit it', () => {
    renderWithProviders(<LevelsForm levels={levels} canEdit={false} />);
    expect(screen.getByRole('table', { name: 'Proficiency levels' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
