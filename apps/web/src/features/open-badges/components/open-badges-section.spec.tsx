import { screen, within } from '@testing-library/react';
import type { CompletionDto, OpenBadgeImportDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeOpenBadgeImport } from '../../../testing/factories';
import { stubFetch } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { OpenBadgesSection } from './open-badges-section';

afterEach(() => {
  vi.unstubAllGlobals();
});

const completion = (overrides: Partial<CompletionDto>): CompletionDto => ({
  id: 1,
  employeeId: 3,
  employeeName: 'Ada',
  credentialId: 2,
  credentialName: 'Teamwork Essentials',
  awardedAt: '2024-03-01',
  expiresAt: null,
  source: 'manual',
  evidenceUrl: null,
  score: null,
  status: 'valid',
  ...overrides,
});

const imported: OpenBadgeImportDto = makeOpenBadgeImport({
  id: 5,
  employeeId: 3,
  employeeName: 'Ada',
  format: 'ob2',
  verified: false,
  achievementId: 'https://example.org/robotics-badge.json',
  achievementName: 'Awesome Robotics Badge',
  issuerName: 'An Example Badge Issuer',
  awardedAt: '2016-12-31',
  reason: 'Hosted verification needs the assertion URL online',
});

describe(OpenBadgesSection.name, () => {
  it('lists the imported badges and offers each valid credential as a signed Open Badge', async () => {
    const { calls } = stubFetch([
      { path: '/api/open-badges/imports', body: { items: [imported], total: 1, page: 1, pageSize: 100 } },
    ]);
    renderWithProviders(
      <OpenBadgesSection
        completions={[
          completion({ id: 11 }),
          completion({ id: 12, credentialName: 'Forklift Licence', status: 'pending' }),
          completion({ id: 13, credentialName: 'SQL Basics', awardedAt: '2025-06-01' }),
        ]}
        employeeId={3}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Imported Open Badges and what they became' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toBe('Awesome Robotics Badge');
    expect(cells.slice(3)).toEqual(['Not mapped yet (HR)', 'Pending review']);
    expect(calls[0].url.searchParams.get('employeeId')).toBe('3');

    const links = screen.getAllByRole('link', { name: /^Download as Open Badge/ });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/api/completions/11/open-badge',
      '/api/completions/13/open-badge',
    ]);
    expect(links[1].textContent).toMatch(/^Download as Open Badge SQL Basics, awarded /);
    expect(screen.getByRole('heading', { name: 'Import a badge' })).toBeTruthy();
  });
});
