/** Competition heats and recorder matching: what the app and the organiser pages use. */
export { connectHeatsRealtime } from './realtime';
export { HeatsOrganiserSection } from './organiser/HeatsOrganiserSection';
