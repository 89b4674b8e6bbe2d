import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetch } from './api';
import { App } from './app';
import { LangProvider } from './i18n';
import { SessionProvider } from './session';
import './styles.css';

// What every signed-in page starts with; a signed-out visitor just gets three 401s.
prefetch('/auth/session', '/plans?limit=500', '/units');

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <LangProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </LangProvider>
    </StrictMode>,
  );
