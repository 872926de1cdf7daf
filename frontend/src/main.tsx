import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// The entry imports these two modules, not features/pwa's index: the index would pull the
// install banner (used by two lazy pages) into the entry chunk.
import { captureInstallPrompt } from './features/pwa/installPrompt';
import { registerServiceWorker } from './features/pwa/serviceWorker';
import { startI18n } from './lib/i18n';
import './index.css';

captureInstallPrompt();
registerServiceWorker();

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// The language's messages come first (English is bundled; another is one small chunk). If that
// chunk cannot be had (offline before it was ever cached), the app starts in English.
startI18n()
  .catch(() => undefined)
  .finally(render);
