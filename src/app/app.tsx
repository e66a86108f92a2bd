import { I18nProvider } from '@cloudscape-design/components/i18n';
import messages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createQueryClient } from '@/api/query-client';
import { NotificationsProvider } from '@/components/notifications';
import { SettingsProvider } from '@/components/settings';
import { createAppRouter, type AppRouter } from './router';

/** The console's routes inside the providers they use; the component tests render it too. */
export function ConsoleProviders({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  return (
    <I18nProvider locale="en" messages={[messages]}>
      <QueryClientProvider client={queryClient}>
        <SettingsProvider>
          <NotificationsProvider>
            <RouterProvider router={router} />
          </NotificationsProvider>
        </SettingsProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}

export function App({ router: given }: { router?: AppRouter }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => given ?? createAppRouter());
  return <ConsoleProviders queryClient={queryClient} router={router} />;
}
