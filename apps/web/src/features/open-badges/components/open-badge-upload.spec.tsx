import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { CompletionDto, OpenBadgeImportResultDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { OpenBadgeUpload } from './open-badge-upload';

afterEach(() => {
  vi.unstubAllGlobals();
});

const BADGE = '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}';

const result = (overrides: Partial<OpenBadgeImportResultDto> = {}): OpenBadgeImportResultDto => ({
  verified: true,
  outcome: 'recorded',
  message: 'Recorded: "Teamwork Essentials" counts from 2010-01-01',
  checks: [
    { name: 'format', passed: true, message: 'An Open Badges 3.0 credential (VC data model 2.0)' },
    { name: 'signature', passed: true, message: 'The eddsa-rdfc-2022 proof is valid' },
    { name: 'status', passed: true, message: 'The credential has no status list to check' },
  ],
  badge: {
    format: 'ob3',
    achievementId: 'https://example.com/achievements/teamwork',
    achievementName: 'Teamwork',
    issuerId: 'did:key:z6Mk',
    issuerName: 'Example',
    awardedAt: '2010-01-01',
    expiresAt: null,
    alignments: [],
  },
  completion: {
    id: 7,
    employeeId: 3,
    employeeName: 'Ada',
    credentialId: 2,
    credentialName: 'Teamwork Essentials',
    awardedAt: '2010-01-01',
    expiresAt: null,
    source: 'open_badges',
    evidenceUrl: null,
    score: null,
    status: 'valid',
  },
  import: null,
  ...overrides,
});

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html.slice(0, 200)).join(' | ')}`);
}

const checkItems = () =>
  within(screen.getByRole('list', { name: 'Verification checks' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe(OpenBadgeUpload.name, () => {
  it('sends a pasted badge and shows every check with its verdict', async () => {
    const { calls } = stubFetch([{ method: 'POST', path: '/api/imports/open-badges', status: 201, body: result() }]);
    const { queryClient } = renderWithProviders(<OpenBadgeUpload />);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    fireEvent.change(screen.getByLabelText('Or paste the badge JSON'), { target: { value: BADGE } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and record badge' }));

    expect(await screen.findByText('Badge verified and recorded')).toBeTruthy();
    expect(checkItems()).toEqual([
      'Format: PassedAn Open Badges 3.0 credential (VC data model 2.0)',
      'Signature: PassedThe eddsa-rdfc-2022 proof is valid',
      'Revocation status: PassedThe credential has no status list to check',
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual(JSON.parse(BADGE));
    expect(calls[0].url.search).toBe('');
    // The profile and the analytics refetch: a recorded badge is a completion.
    await waitFor(() => expect(invalidate).toHaveBeenCalled());
  });

  it('shows a refused badge (422) with the failed and unchecked checks, as an answer rather than an error', async () => {
    stubFetch([
      {
        method: 'POST',
        path: '/api/imports/open-badges',
        status: 422,
        body: {
          statusCode: 422,
          code: 'BADGE_REFUSED',
          ...result({
            verified: false,
            outcome: 'rejected',
            completion: null,
            message: 'The badge was refused (signature, status); nothing was recorded',
            checks: [
              { name: 'signature', passed: false, message: 'The signature does not match the credential' },
              { name: 'status', passed: false, message: 'Status unchecked: the list cannot be fetched offline' },
              { name: 'recipient', passed: true, message: 'The badge names no e-mail recipient' },
            ],
          }),
        },
      },
    ]);
    renderWithProviders(<OpenBadgeUpload />);
    fireEvent.change(screen.getByLabelText('Or paste the badge JSON'), { target: { value: BADGE } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and record badge' }));

    expect(await screen.findByText('Badge refused: nothing was recorded')).toBeTruthy();
    expect(checkItems()).toEqual([
      'Signature: FailedThe signature does not match the credential',
      'Revocation status: Not checkedStatus unchecked: the list cannot be fetched offline',
      'Recipient: PassedThe badge names no e-mail recipient',
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
    await expect(seriousViolations()).resolves.toEqual([]);
  });

  it('uploads a chosen file for the employee named, and disables pasting meanwhile', async () => {
    const { calls } = stubFetch([
      {
        method: 'POST',
        path: '/api/imports/open-badges',
        status: 201,
        body: result({
          verified: false,
          completion: { ...(result().completion as CompletionDto), status: 'pending' },
          message: 'Recorded as pending for HR',
        }),
      },
    ]);
    const { container } = renderWithProviders(<OpenBadgeUpload employeeId={12} />);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([BADGE], 'badge.json', { type: 'application/json' })] } });
    expect((screen.getByLabelText('Or paste the badge JSON') as HTMLTextAreaElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Check and record badge' }));

    expect(await screen.findByText('Recorded, pending HR review')).toBeTruthy();
    expect(calls[0].url.searchParams.get('employeeId')).toBe('12');
    expect(calls[0].body).toEqual(JSON.parse(BADGE));
  });

  it('asks for a badge before sending anything, and shows a server error', async () => {
    const { calls } = stubFetch([
      {
        method: 'POST',
        path: '/api/imports/open-badges',
        status: 400,
        body: {
          statusCode: 400,
          code: 'BADGE_TOO_COMPLEX',
          message: 'The credential is nested deeper than 32 levels: it is not an Open Badge',
        },
      },
    ]);
    renderWithProviders(<OpenBadgeUpload />);
    fireEvent.click(screen.getByRole('button', { name: 'Check and record badge' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a badge file or paste the badge JSON.');
    expect(calls).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Or paste the badge JSON'), { target: { value: '{"a":{"b":{}}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and record badge' }));
    const error = await screen.findByText('The credential is nested deeper than 32 levels: it is not an Open Badge');
    expect(error.closest('[role="alert"]')?.textContent).toContain('The badge could not be checked');
  });
});
