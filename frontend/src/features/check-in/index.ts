/** Checking in at the venue: the in-app scanner for the door's code. */
export { ScanDoorCode } from './ScanDoorCode';
