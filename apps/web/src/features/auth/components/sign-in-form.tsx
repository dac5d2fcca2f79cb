import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import type { AuthUserDto, LoginRequestDto } from '@skillgrid/shared';
import { isApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

interface SignInFormProps {
  onSignedIn: (user: AuthUserDto) => void;
}

function formMessage(error: unknown): string | null {
  if (!error) return null;
  if (isApiError(error)) {
    if (error.status === 401) return 'The e-mail or password is not correct.';
    if (error.status === 429) {
      const wait = error.retryAfterSeconds;
      return wait
        ? `Too many sign-in attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`
        : 'Too many sign-in attempts. Wait a minute and try again.';
    }
    // Field errors are shown beside their fields; only a message without any field goes here.
    if (error.status === 400 && Object.keys(error.fieldErrors()).length > 0) return null;
    return error.message;
  }
  return 'Could not sign in. Try again.';
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const loginMutation = useLogin();
  const form = useForm<LoginRequestDto>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: isEmail('Enter a valid e-mail address'),
      password: isNotEmpty('Enter your password'),
    },
  });

  const submit = form.onSubmit((values) => {
    loginMutation.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: ({ user }) => onSignedIn(user),
        onError: (error) => {
          if (isApiError(error) && error.status === 400) {
            const fields = error.fieldErrors();
            const known = Object.fromEntries(
              Object.entries(fields).filter(([field]) => field === 'email' || field === 'password'),
            );
            form.setErrors(known);
          }
        },
      },
    );
  });

  const message = formMessage(loginMutation.error);

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {message ? (
          <Alert color="red" variant="light" role="alert" title="Not signed in">
            {message}
          </Alert>
        ) : null}
        <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
          // Mantine's PasswordInput marks only its wrapper as invalid; screen readers need it on the input.
          aria-invalid={form.errors.password ? true : undefined}
          // Mantine's default ("Toggle password visibility") makes "Password" name two controls.
          visibilityToggleButtonProps={{ 'aria-label': 'Show the characters typed' }}
        />
        <Button type="submit" loading={loginMutation.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
