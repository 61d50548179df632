// Entry point: language first (so the first paint is already translated), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { keepOfflineCopy } from './app/offline-cache';
import { createQueryClient } from './app/query-client';
import { initAppI18n } from './i18n/i18n';
import { storedLanguage } from './i18n/language';
import './app/styles.css';

const queryClient = createQueryClient();
keepOfflineCopy(queryClient);

void initAppI18n(storedLanguage()).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
});
