import { describe, expect, it } from 'vitest';
import { showsScreen } from './screen';

describe('showsScreen', () => {
  it('a chat message or video offer is shown only in that match chat, focused', () => {
    const check = { type: 'private_message' as const, matchId: 7 };
    expect(showsScreen(check, '/matches/7', true)).toBe(true);
    expect(showsScreen(check, '/matches/8', true)).toBe(false);
    expect(showsScreen(check, '/matches/7', false)).toBe(false);
    expect(showsScreen({ type: 'video_offer', matchId: 7 }, '/events', true)).toBe(false);
  });

  it('announcements on the event pages; match news anywhere; heats never', () => {
    expect(showsScreen({ type: 'announcement', eventId: 3 }, '/events/3/chat', true)).toBe(true);
    expect(showsScreen({ type: 'announcement', eventId: 3 }, '/events/33', true)).toBe(true);
    expect(showsScreen({ type: 'match_request', matchId: 1 }, '/profile', true)).toBe(true);
    expect(showsScreen({ type: 'heat_reminder', eventId: 3 }, '/events/3', true)).toBe(false);
  });
});
