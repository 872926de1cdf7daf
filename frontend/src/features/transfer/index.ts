/**
 * What other features may use of the transfer: the panel on a match's page, and the
 * session-wide offers (mounted once in the signed-in frame).
 */
export { TransferPanel } from './TransferPanel';
export { TransferOffers } from './TransferOffers';
