/** The installable app: service worker, install prompt, and the install banner and button. */
export { InstallBanner, InstallButton } from './InstallBanner';
export { captureInstallPrompt } from './installPrompt';
export { appUpdate, registerServiceWorker } from './serviceWorker';
