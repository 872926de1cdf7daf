import { api, ApiErrorResponse, type Me } from '@spotlight/contracts';
import { useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { authKeys } from '../../shared/session';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { userKeys } from './queries';

const MAX_BYTES = 10 * 1024 * 1024;

/** POSTs the file as the raw body, reporting upload progress (fetch cannot). */
function uploadAvatar(file: File, onProgress: (fraction: number) => void): Promise<Me> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(api.users.uploadAvatar.method, api.users.uploadAvatar.path);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error(i18next.t('profile.photo.offline')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) return resolve(body as Me);
      const error = ApiErrorResponse.safeParse(body);
      reject(
        new Error(error.success ? error.data.error.message : i18next.t('profile.photo.failed')),
      );
    };
    xhr.send(file);
  });
}

/**
 * The profile photo: take one with the camera or choose one from the gallery, see it cropped
 * as it will show (a centred square), and upload it with progress.
 */
export function AvatarPicker({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview);
  }, [preview]);

  const saved = (next: Me) => {
    client.setQueryData(authKeys.me, next);
    void client.invalidateQueries({ queryKey: userKeys.detail(next.id) });
  };

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(undefined);
    if (file.size > MAX_BYTES) return setError(t('profile.photo.tooBig'));
    setPreview(URL.createObjectURL(file));
    setProgress(0);
    try {
      saved(await uploadAvatar(file, setProgress));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setProgress(undefined);
      setPreview(undefined);
    }
  };

  const handleRemove = async () => {
    setError(undefined);
    try {
      saved(await apiCall(api.users.deleteAvatar));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const busy = progress !== undefined;
  return (
    <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="photo">
      <h2 id="photo" className="font-semibold text-slate-900">
        {t('profile.photo.title')}
      </h2>
      <div className="flex items-center gap-4">
        {preview ? (
          <img
            src={preview}
            alt={t('profile.photo.preview')}
            className="h-20 w-20 rounded-full object-cover opacity-80"
          />
        ) : (
          <Avatar name={nameOf(me)} url={me.avatar} size="lg" />
        )}
        <div className="min-w-0 flex-1 space-y-2">
          <p className="text-sm text-slate-600">{t('profile.photo.hint')}</p>
          {busy && (
            <progress
              className="w-full"
              max={1}
              value={progress}
              aria-label={t('profile.photo.uploading')}
            >
              {Math.round((progress ?? 0) * 100)}%
            </progress>
          )}
        </div>
      </div>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="user"
        className="sr-only"
        aria-label={t('profile.photo.take')}
        onChange={(event) => void handleFile(event)}
      />
      <input
        ref={gallery}
        type="file"
        accept="image/*"
        className="sr-only"
        aria-label={t('profile.photo.choose')}
        data-testid="avatar-file"
        onChange={(event) => void handleFile(event)}
      />
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={() => camera.current?.click()}>
          {t('profile.photo.take')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => gallery.current?.click()}>
          {t('profile.photo.choose')}
        </Button>
      </div>
      {me.avatar && (
        <Button variant="ghost" className="w-full" disabled={busy} onClick={handleRemove}>
          {t('profile.photo.remove')}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
