import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders, createAppQueryClient } from './providers';
import { createAppRouter } from './router';

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
