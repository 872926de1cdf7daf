/** Avatar upload: the photo is checked from its bytes, resized to WebP, and stripped of EXIF. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { api, type Me } from '@spotlight/contracts';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES } from '../../src/modules/users/avatars';
import { serveTestFile, type TestServer, type TestUser } from '../harness';
import { expectError } from '../helpers';

let t: TestServer;
let user: TestUser;
serveTestFile((server, first) => ((t = server), (user = first)));

/** A phone photo: a JPEG with the camera's EXIF, GPS position included. */
const phonePhoto = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c04080' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Spotlight 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
    })
    .toBuffer();

const upload = (body: Buffer | string, token = user.token, type = 'image/jpeg') =>
  fetch(`${t.url}/api/users/me/avatar`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });

const storedFile = (url: string, size: number) =>
  path.join(t.config.UPLOADS_DIR, 'avatars', path.basename(url).replace('-512.', `-${size}.`));

describe('POST /api/users/me/avatar', () => {
  it('stores 512 and 128 px WebP files without EXIF, shown on the public profile', async () => {
    const photo = await phonePhoto();
    const exif = (await sharp(photo).metadata()).exif;
    expect(exif?.toString('latin1')).toContain('TestPhone');

    const res = await upload(photo);
    expect(res.status).toBe(200);
    const me = (await res.json()) as Me;
    expect(me.avatar).toMatch(/^\/api\/uploads\/avatars\/\d+-[a-f0-9]+-512\.webp$/);

    for (const size of [512, 128]) {
      const file = await readFile(storedFile(me.avatar!, size));
      const meta = await sharp(file).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: size, height: size });
      expect(meta.exif).toBeUndefined();
      expect(file.toString('latin1')).not.toContain('TestPhone');
    }

    const other = await t.registerUser();
    const profile = await t.call(
      api.users.get,
      { params: { id: user.id } },
      { token: other.token },
    );
    expect(profile.body.avatar).toBe(me.avatar);
    const served = await fetch(t.url + me.avatar!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('replaces the files of the previous photo, and DELETE removes the photo', async () => {
    const dancer = await t.registerUser();
    const first = (await (await upload(await phonePhoto(), dancer.token)).json()) as Me;
    const second = (await (await upload(await phonePhoto(), dancer.token)).json()) as Me;
    expect(second.avatar).not.toBe(first.avatar);
    await expect(readFile(storedFile(first.avatar!, 512))).rejects.toThrow();
    expect((await fetch(t.url + first.avatar!)).status).toBe(404);

    const removed = await t.call(api.users.deleteAvatar, {}, { token: dancer.token });
    expect(removed.status).toBe(200);
    expect(removed.body.avatar).toBeNull();
    await expect(readFile(storedFile(second.avatar!, 128))).rejects.toThrow();
  });

  it('refuses what is not an image, whatever its declared type', async () => {
    const res = await upload('<svg onload="alert(1)"></svg>', user.token, 'image/png');
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
    const empty = await t.call(api.users.uploadAvatar, {}, { token: user.token });
    expectError(empty, 415, 'unsupported_media_type');
  });

  it('refuses a photo over 10 MB', async () => {
    const res = await upload(Buffer.alloc(AVATAR_MAX_BYTES + 1, 0xff));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
  });

  it('needs a session', async () => {
    const res = await upload(await phonePhoto(), 'not-a-token');
    expect(res.status).toBe(401);
  });
});
