/**
 * Avatar uploads: the real image type is read from the bytes (sharp), the photo is turned
 * upright, cut to squares of 512 and 128 px in WebP, and written without any metadata (EXIF
 * GPS tells where a photo was taken). Files go through a small storage interface: local disk
 * here; an S3-compatible store only needs `put` and `remove` with the same keys.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request } from 'express';
import sharp from 'sharp';
import { AppError } from '../../errors';

export const AVATAR_MAX_BYTES = 10 * 1024 * 1024;
export const AVATAR_SIZES = [512, 128] as const;
/** Where the stored files are served from (app.ts). */
export const AVATAR_URL_PREFIX = '/api/uploads/avatars/';
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

export interface FileStorage {
  /** Stores `data` under `key` (e.g. `avatars/12-ab12-512.webp`), replacing any file there. */
  put(key: string, data: Buffer): Promise<void>;
  /** Removes the file; nothing when it is not there. */
  remove(key: string): Promise<void>;
}

/** Files under a directory of the local disk (UPLOADS_DIR). */
export function diskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`bad key ${key}`);
    return file;
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}

const tooLarge = () =>
  new AppError('payload_too_large', 'The photo is over 10 MB; choose a smaller one');
const notAnImage = () =>
  new AppError('unsupported_media_type', 'This file is not a photo (JPEG, PNG, WebP, HEIC…)');

/** The raw request body, refused past `max` bytes (a declared length is refused at once). */
export async function readBody(req: Request, max = AVATAR_MAX_BYTES): Promise<Buffer> {
  if (Number(req.get('content-length') ?? 0) > max) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The WebP files of an avatar, by size; throws 415 unless the bytes are an image. */
export async function renderAvatar(bytes: Buffer): Promise<Map<number, Buffer>> {
  if (bytes.length === 0) throw notAnImage();
  const metadata = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!metadata?.format || !IMAGE_FORMATS.has(metadata.format)) throw notAnImage();
  const files = new Map<number, Buffer>();
  for (const size of AVATAR_SIZES) {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked to.
    const file = await sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize(size, size, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer()
      .catch(() => {
        throw notAnImage();
      });
    files.set(size, file);
  }
  return files;
}

/** The storage keys of the files behind an avatar URL we stored; [] for any other URL. */
export function avatarKeys(url: string | null): string[] {
  const match = url && /^\/api\/uploads\/avatars\/(\d+-[a-f0-9]+)-512\.webp$/.exec(url);
  if (!match) return [];
  return AVATAR_SIZES.map((size) => `avatars/${match[1]}-${size}.webp`);
}

/** A fresh name for a user's avatar files (new name per upload: caches never go stale). */
export const avatarName = (userId: number) => `${userId}-${randomBytes(8).toString('hex')}`;
