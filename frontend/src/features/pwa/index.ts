/**
 * What other features may use of the installable app: the install banner and button. (The
 * entry and the layout import the service worker and install prompt modules themselves.)
 */
export { InstallBanner, InstallButton } from './InstallBanner';
