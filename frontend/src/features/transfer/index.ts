/** What other features may use of the transfer: the panel on a match's page. */
export { TransferPanel } from './TransferPanel';
