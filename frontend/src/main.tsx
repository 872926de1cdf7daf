import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// The entry imports these two modules, not features/pwa's index: the index would pull the
// install banner (used by two lazy pages) into the entry chunk.
import { captureInstallPrompt } from './features/pwa/installPrompt';
import { registerServiceWorker } from './features/pwa/serviceWorker';
import './index.css';

captureInstallPrompt();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
