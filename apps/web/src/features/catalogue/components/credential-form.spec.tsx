import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CredentialDto, SkillDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { makePage } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import { CredentialForm } from './credential-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

const skill = (id: number, name: string, overrides: Partial<SkillDto> = {}): SkillDto => ({
  id,
  name,
  categoryId: 1,
  categoryName: 'Data & Analytics',
  kind: 'hard',
  description: null,
  externalRef: null,
  status: 'active',
  ...overrides,
});
const SKILLS = [skill(1, 'Python'), skill(2, 'SQL'), skill(3, 'Data visualisation'), skill(4, 'COBOL', { status: 'retired' })];

const saved: CredentialDto = {
  id: 77,
  name: 'Python basics',
  provider: 'Northwind Academy',
  type: 'badge',
  deliveryMethod: 'online_course',
  hours: 12.5,
  cost: 149.99,
  validityMonths: null,
  status: 'active',
  description: null,
  url: null,
  achievementId: null,
  credlyTemplateId: null,
  badgrClassId: null,
  skills: [
    { skillId: 1, skillName: 'Python', level: 2 },
    { skillId: 2, skillName: 'SQL', level: 1 },
  ],
};

/** A field by its label; a required field's label ends in Mantine's " *". */
function input(label: string | RegExp) {
  const matcher = typeof label === 'string' ? (content: string) => content.replace(/\s*\*$/, '') === label : label;
  return screen.getByLabelText(matcher, { selector: 'input, textarea' });
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(input(label), { target: { value } });
}

/** Opens a Mantine select and clicks one of its options. */
async function choose(label: string | RegExp, option: string) {
  fireEvent.click(input(label));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

async function fillNewCredential() {
  type('Name', 'Python basics');
  type(/^Provider/, 'Northwind Academy');
  await choose('Type', 'Digital badge');
  await choose('Delivery method', 'Online course');
  type('Typical hours', '12.5');
  type(/^Cost/, '149.99');
  fireEvent.click(screen.getByRole('button', { name: 'Add a skill' }));
  fireEvent.click(screen.getByRole('button', { name: 'Add a skill' }));
  await choose('Skill 1', 'Python');
  await choose('Level of skill 1', '2 · Foundation');
  await choose('Skill 2', 'SQL');
}

describe(CredentialForm.name, () => {
  it('offers every delivery method and the organisation’s levels, and not a retired skill', async () => {
    stubFetch([{ path: '/api/skills', body: makePage(SKILLS) }]);
    renderWithProviders(<CredentialForm credential={null} onDone={vi.fn()} />);

    fireEvent.click(input('Delivery method'));
    const methods = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(methods).toEqual([
      'Online course',
      'Assignment',
      'Seminar',
      'Lecture',
      'Portfolio',
      'Test',
      'Skill demonstration at work',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Add a skill' }));
    fireEvent.click(input('Skill 1'));
    await screen.findByRole('option', { name: 'Python' });
    expect(screen.getByRole('option', { name: 'COBOL (retired)' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('creates the credential with the body the API expects', async () => {
    const { calls } = stubFetch([
      { path: '/api/skills', body: makePage(SKILLS) },
      { method: 'POST', path: '/api/credentials', status: 201, body: saved },
    ]);
    const onDone = vi.fn();
    renderWithProviders(<CredentialForm credential={null} onDone={onDone} />);
    await waitFor(() => input('Name'));
    await fillNewCredential();
    type('Description', '  An introduction.  ');

    fireEvent.click(screen.getByRole('button', { name: 'Create credential' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url.pathname).toBe('/api/credentials');
    expect(post?.body).toEqual({
      name: 'Python basics',
      provider: 'Northwind Academy',
      type: 'badge',
      deliveryMethod: 'online_course',
      hours: 12.5,
      cost: 149.99,
      // Blank: never expires.
      validityMonths: null,
      description: 'An introduction.',
      url: null,
      achievementId: null,
      credlyTemplateId: null,
      badgrClassId: null,
      skills: [
        { skillId: 1, level: 2 },
        { skillId: 2, level: 1 },
      ],
    });
    expect(await screen.findByText('“Python basics” is in the catalogue.')).toBeTruthy();
  });

  it('checks the required fields before calling the API', async () => {
    const { calls } = stubFetch([{ path: '/api/skills', body: makePage(SKILLS) }]);
    renderWithProviders(<CredentialForm credential={null} onDone={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a skill' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create credential' }));

    expect(await screen.findByText('Enter the credential’s name')).toBeTruthy();
    expect(screen.getByText('Choose a skill or remove this row')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('shows a duplicate name (409) under the name and keeps what was typed', async () => {
    stubFetch([
      { path: '/api/skills', body: makePage(SKILLS) },
      {
        method: 'POST',
        path: '/api/credentials',
        status: 409,
        body: {
          statusCode: 409,
          code: 'DUPLICATE_NAME',
          message: 'A credential named "Python basics" already exists',
          errors: [{ field: 'name', message: 'A credential named "Python basics" already exists' }],
        },
      },
    ]);
    const onDone = vi.fn();
    renderWithProviders(<CredentialForm credential={null} onDone={onDone} />);
    await fillNewCredential();
    fireEvent.click(screen.getByRole('button', { name: 'Create credential' }));

    const message = await screen.findByText('A credential named "Python basics" already exists');
    const name = input('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect((name as HTMLInputElement).value).toBe('Python basics');
    expect((input('Typical hours') as HTMLInputElement).value).toBe('12.5');
    expect((input('Skill 2') as HTMLInputElement).value).toBe('SQL');
    expect(within(screen.getByRole('alert')).getByText('Not saved')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('puts a 400 on skills[1].skillId beside the second skill, and what has no field in the alert', async () => {
    stubFetch([
      { path: '/api/skills', body: makePage(SKILLS) },
      {
        method: 'POST',
        path: '/api/credentials',
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'skills[1].skillId: Skill 2 is listed more than once; status: not allowed',
          errors: [
            { field: 'skills[1].skillId', message: 'Skill 2 is listed more than once' },
            { field: 'status', message: 'not allowed' },
          ],
        },
      },
    ]);
    renderWithProviders(<CredentialForm credential={null} onDone={vi.fn()} />);
    await fillNewCredential();
    fireEvent.click(screen.getByRole('button', { name: 'Create credential' }));

    const message = await screen.findByText('Skill 2 is listed more than once');
    expect(input('Skill 2').getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect(input('Skill 1').getAttribute('aria-invalid')).not.toBe('true');
    expect(within(screen.getByRole('alert')).getByText('status: not allowed')).toBeTruthy();
  });

  it('sends only what changed when editing', async () => {
    const { calls } = stubFetch([
      { path: '/api/skills', body: makePage(SKILLS) },
      { method: 'PATCH', path: '/api/credentials/77', body: { ...saved, validityMonths: 24 } },
    ]);
    const onDone = vi.fn();
    renderWithProviders(<CredentialForm credential={saved} onDone={onDone} />);
    type('Valid for (months)', '24');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ validityMonths: 24 });
  });
});
