import { api, buildPath } from '@spotlight/contracts';
import { expect, it } from 'vitest';

it('builds API paths from the shared contract', () => {
  expect(buildPath(api.events.get.path, { id: 3 })).toBe('/api/events/3');
});
