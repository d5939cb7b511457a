import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { useLanguage } from '@/i18n/messages';
import { createQueryClient } from '@/lib/query-client';
import { router } from '@/app/router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  // a language switch re-renders every screen in the new language (queries stay cached)
  const language = useLanguage();
  // back online: whatever failed for lack of a connection is fetched again, without "Try again"
  useEffect(() => {
    const refetchFailed = () =>
      void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    window.addEventListener('online', refetchFailed);
    return () => window.removeEventListener('online', refetchFailed);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider key={language} router={router} />
    </QueryClientProvider>
  );
}
