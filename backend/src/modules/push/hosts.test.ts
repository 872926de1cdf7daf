import { describe, expect, it } from 'vitest';
import { isAllowedPushEndpoint } from './hosts';

const DEFAULT = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.push.apple.com',
  '*.notify.windows.com',
];

describe('isAllowedPushEndpoint', () => {
  it("allows the browsers' push services on https", () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/QGx',
      'https://wns2-par02p.notify.windows.com/w/?token=abc',
      'https://FCM.googleapis.com:443/fcm/send/abc',
    ]) {
      expect(isAllowedPushEndpoint(endpoint, DEFAULT), endpoint).toBe(true);
    }
  });

  it('refuses other hosts, ports, schemes, credentials and look-alikes', () => {
    for (const endpoint of [
      'https://push.apple.com/bare-domain',
      'https://evilpush.apple.com.attacker.example/x',
      'https://fcm.googleapis.com.attacker.example/x',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://user:pw@fcm.googleapis.com/fcm/send/abc',
      'http://127.0.0.1:9000/push',
      'not a url',
    ]) {
      expect(isAllowedPushEndpoint(endpoint, DEFAULT), endpoint).toBe(false);
    }
  });

  it('takes host:port entries, and plain http only on loopback', () => {
    expect(isAllowedPushEndpoint('http://127.0.0.1:9000/push/1', ['127.0.0.1:9000'])).toBe(true);
    expect(isAllowedPushEndpoint('http://127.0.0.1:9001/push/1', ['127.0.0.1:9000'])).toBe(false);
    expect(isAllowedPushEndpoint('http://10.0.0.1:9000/push/1', ['10.0.0.1:9000'])).toBe(false);
  });
});
