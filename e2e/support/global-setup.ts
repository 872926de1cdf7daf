// Builds the frontend once before any end-to-end file, when its sources changed since.
import { ensureFrontendBuilt } from '../../scripts/frontend-build.mjs';

export default function setup() {
  if (ensureFrontendBuilt({ quiet: true })) console.log('e2e: built the frontend');
}
