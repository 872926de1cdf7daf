import type { ParticipantMatch } from '@spotlight/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api/client';
import { errorMessageFor } from '../../lib/errors';
import { startI18n } from '../../lib/i18n';
import { PartnerState, REQUEST_ERRORS } from './RequestPartnerButton';

// The messages in English; these tests run in node, where the page's <html lang> is a stub.
beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: {} });
  await startI18n('en');
});

const render = (match: ParticipantMatch) =>
  renderToStaticMarkup(
    <StaticRouter location="/events/1">
      <PartnerState match={match} name="Ana" />
    </StaticRouter>,
  );

describe('where a match with a dancer stands', () => {
  it('says Requested to the one who asked, and links to the match', () => {
    const html = render({ id: 7, status: 'pending', role: 'requester' });
    expect(html).toContain('href="/matches/7"');
    expect(html).toContain('Requested');
    expect(html).toContain('aria-label="Requested: your request to Ana"');
  });

  it('offers the chat once matched, and an answer to the one who was asked', () => {
    expect(render({ id: 7, status: 'accepted', role: 'target' })).toContain('Matched — Open chat');
    expect(render({ id: 7, status: 'pending', role: 'target' })).toContain('Asked you — Answer');
  });

  it('shows a declined request as a state, with nothing to press', () => {
    const html = render({ id: 7, status: 'rejected', role: 'requester' });
    expect(html).toContain('Request declined');
    expect(html).not.toContain('href');
  });
});

describe('a refused request', () => {
  it('says what the refusal means in plain words', () => {
    const refusal = (code: 'email_not_verified' | 'already_matched' | 'blocked') =>
      errorMessageFor(new ApiError(code, code, 403), REQUEST_ERRORS);
    expect(refusal('email_not_verified')).toMatch(/verified e-mail address/);
    expect(refusal('already_matched')).toBe('You two already have a match at this event.');
    expect(refusal('blocked')).toBe('You cannot reach this dancer.');
  });
});
