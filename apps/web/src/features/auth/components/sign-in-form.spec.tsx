import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub';
import { makeUser } from '../../../testing/factories';
import { renderWithProviders } from '../../../testing/render';
import { SignInForm } from './sign-in-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/^e-mail/i, { selector: 'input' }), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^password/i, { selector: 'input' }), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe(SignInForm.name, () => {
  it('checks the fields before calling the API', async () => {
    const { fetchMock } = stubFetch([]);
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    fillAndSubmit('not-an-email', '');

    expect(await screen.findByText('Enter a valid e-mail address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors beside their fields', async () => {
    stubFetch([
      {
        method: 'POST',
        path: '/api/auth/login',
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          errors: [{ field: 'password', message: 'password must be at least 8 characters' }],
        },
      },
    ]);
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    fillAndSubmit('hr@demo.skillgrid.test', 'short');

    const message = await screen.findByText('password must be at least 8 characters');
    const password = screen.getByLabelText(/^password/i, { selector: 'input' });
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows one generic message on 401, naming neither field', async () => {
    stubFetch([
      {
        method: 'POST',
        path: '/api/auth/login',
        status: 401,
        body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' },
      },
    ]);
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);

    fillAndSubmit('hr@demo.skillgrid.test', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The e-mail or password is not correct.');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says when sign-in is throttled', async () => {
    stubFetch([
      {
        method: 'POST',
        path: '/api/auth/login',
        status: 429,
        headers: { 'Retry-After': '30' },
        body: { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'ThrottlerException: Too Many Requests' },
      },
    ]);
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    fillAndSubmit('hr@demo.skillgrid.test', 'whatever-password');

    expect((await screen.findByRole('alert')).textContent).toContain('Too many sign-in attempts. Try again in 30 seconds.');
  });

  it('hands the user over after a successful sign-in', async () => {
    const user = makeUser({ role: 'manager' });
    const { calls } = stubFetch([{ method: 'POST', path: '/api/auth/login', body: { user } }]);
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);

    fillAndSubmit('  manager@demo.skillgrid.test ', 'skillgrid-demo');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    expect(calls[0].body).toEqual({ email: 'manager@demo.skillgrid.test', password: 'skillgrid-demo' });
  });
});
