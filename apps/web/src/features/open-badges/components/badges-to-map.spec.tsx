import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OpenBadgeImportDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeOpenBadgeImport, makePage } from '../../../testing/factories';
import { stubFetch } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { BadgesToMap } from './badges-to-map';

afterEach(() => {
  vi.unstubAllGlobals();
});

const CREDENTIALS = [
  { value: '2', label: 'Teamwork Essentials' },
  { value: '3', label: 'SQL Basics' },
  { value: '4', label: 'Forklift Licence' },
];

const teamwork = makeOpenBadgeImport({
  id: 5,
  employeeName: 'Ned Okafor',
  suggestedCredentials: [{ credentialId: 2, credentialName: 'Teamwork Essentials', reason: 'skill', skillName: 'Teamwork' }],
});
const degree = makeOpenBadgeImport({
  id: 6,
  employeeName: 'Ada Lovelace',
  achievementId: 'https://1edtech.edu/achievements/degree',
  achievementName: 'Bachelor of Science',
  issuerName: 'Example University',
  awardedAt: '2010-01-01',
  expiresAt: '2030-01-01',
  verified: false,
  alignments: [{ targetName: 'Requirements Analysis', targetUrl: 'https://credentialfinder.org/x', targetCode: 'ce-cf4d' }],
  checks: [
    { name: 'signature', passed: true, message: 'The proof is valid' },
    { name: 'status', passed: false, message: 'Status unchecked: the list cannot be fetched offline' },
  ],
});

const LIST = '/api/open-badges/imports';

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe(BadgesToMap.name, () => {
  it('lists the pending badges with employee, badge, issuer, award date and verification, asking for unmapped ones', async () => {
    const { calls } = stubFetch([{ path: LIST, body: makePage([teamwork, degree]) }]);
    renderWithProviders(<BadgesToMap credentials={CREDENTIALS} />);

    const table = await screen.findByRole('table', { name: 'Open Badges waiting for a mapping to a catalogue credential' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Employee', 'Badge', 'Issuer', 'Awarded', 'Verification', 'Credential', 'Action']);
    const ned = within(rowOf('Ned Okafor')).getAllByRole('cell');
    expect(ned[1].textContent).toBe('Teamwork' + 'https://example.com/achievements/21st-century-skills/teamwork');
    expect(ned[2].textContent).toBe('Example Corp');
    expect(ned[4].textContent).toBe('Verified');
    const ada = within(rowOf('Ada Lovelace')).getAllByRole('cell');
    expect(ada[1].textContent).toMatch(/Aligned to Requirements Analysis$/);
    expect(ada[3].textContent).toMatch(/expires/);
    expect(ada[4].textContent).toBe('Partly checkedRevocation status: not checked');

    // Every control is labelled by the row it acts on; the top suggestion is spelt out.
    const select = screen.getByRole('combobox', { name: 'Credential for Teamwork (Ned Okafor)' });
    expect(select).toBeTruthy();
    expect(screen.getByText('Suggested: Teamwork Essentials (grants Teamwork of that name)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Map Bachelor of Science (Ada Lovelace)' })).toBeTruthy();

    const query = calls.find((call) => call.url.pathname === LIST)?.url.searchParams;
    expect(query?.get('status')).toBe('pending');
    expect(query?.get('mapped')).toBe('false');
  });

  it('maps a badge to the chosen credential, confirms it, and the badge leaves the list', async () => {
    let remaining: OpenBadgeImportDto[] = [teamwork, degree];
    const { calls } = stubFetch([
      { path: LIST, reply: () => makePage(remaining) },
      {
        method: 'POST',
        path: '/api/open-badges/imports/5/map',
        reply: () => {
          remaining = [degree];
          return { ...teamwork, status: 'valid', credentialId: 2, credentialName: 'Teamwork Essentials', mappedBy: 'hr' };
        },
      },
    ]);
    renderWithProviders(<BadgesToMap credentials={CREDENTIALS} />);
    const select = await screen.findByRole('combobox', { name: 'Credential for Teamwork (Ned Okafor)' });

    // Mapping without a choice says what is missing and sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Map Teamwork (Ned Okafor)' }));
    expect(await screen.findByText('Choose the credential this badge stands for')).toBeTruthy();

    fireEvent.click(select);
    // The suggested credential comes first, in its own group; the catalogue follows without it.
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Teamwork Essentials', 'SQL Basics', 'Forklift Licence']);
    fireEvent.click(options[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Map Teamwork (Ned Okafor)' }));

    expect(await screen.findByText('“Teamwork” for Ned Okafor now counts as Teamwork Essentials.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Ned Okafor')).toBeNull());
    expect(rowOf('Ada Lovelace')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ credentialId: 2 });
  });

  it('shows why a mapping failed beside the row', async () => {
    stubFetch([
      { path: LIST, body: makePage([teamwork]) },
      {
        method: 'POST',
        path: '/api/open-badges/imports/5/map',
        status: 409,
        body: { statusCode: 409, code: 'ALREADY_MAPPED', message: 'This badge is mapped already (credential 2)' },
      },
    ]);
    renderWithProviders(<BadgesToMap credentials={CREDENTIALS} />);
    fireEvent.click(await screen.findByRole('combobox', { name: 'Credential for Teamwork (Ned Okafor)' }));
    fireEvent.click(await screen.findByRole('option', { name: 'SQL Basics' }));
    fireEvent.click(screen.getByRole('button', { name: 'Map Teamwork (Ned Okafor)' }));
    expect(await screen.findByText('This badge is mapped already (credential 2)')).toBeTruthy();
  });

  it('says so when no badge waits for a mapping', async () => {
    stubFetch([{ path: LIST, body: makePage([]) }]);
    renderWithProviders(<BadgesToMap credentials={CREDENTIALS} />);
    expect(await screen.findByText('No badges waiting for a mapping')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a loading state, then an error with Retry', async () => {
    let fail = true;
    stubFetch([
      {
        path: LIST,
        reply: () => {
          if (fail) throw new Error('boom');
          return makePage([teamwork]);
        },
      },
    ]);
    renderWithProviders(<BadgesToMap credentials={CREDENTIALS} />);
    expect(screen.getByRole('status').textContent).toBe('Loading the badges to map');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not load the badges to map/);
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Ned Okafor')).toBeTruthy();
  });
});
