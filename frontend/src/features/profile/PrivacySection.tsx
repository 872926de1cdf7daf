import { api } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall, isApiError } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { Button, ButtonLink } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { useAuth } from '../../shared/session';

/** Saves a JSON value as a file the browser downloads. */
function download(name: string, value: unknown) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Your data": the privacy page, a download of everything stored, and account deletion. */
export function PrivacySection({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const { deleteAccount } = useAuth();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [deleteError, setDeleteError] = useState<string>();
  const [deleting, setDeleting] = useState(false);

  const handleExport = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const data = await apiCall(api.users.exportMe);
      download(`spotlight-cam-data-${userId}.json`, data);
    } catch (error) {
      setExportError(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const handleDelete = async (event: FormEvent) => {
    event.preventDefault();
    setPasswordError(undefined);
    setDeleteError(undefined);
    if (!password) {
      setPasswordError(t('profile.privacy.passwordMissing'));
      return;
    }
    setDeleting(true);
    try {
      await deleteAccount(password);
    } catch (error) {
      if (isApiError(error) && error.code === 'password_incorrect') {
        setPasswordError(error.message);
      } else setDeleteError(errorMessage(error));
      setDeleting(false);
    }
  };

  return (
    <section className="space-y-3 rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="your-data">
      <h2 id="your-data" className="font-semibold text-slate-900">
        {t('profile.privacy.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('profile.privacy.intro')}</p>
      <ButtonLink to="/privacy" variant="ghost" className="w-full">
        {t('profile.privacy.read')}
      </ButtonLink>
      <Button
        variant="secondary"
        className="w-full"
        busy={exporting}
        onClick={() => void handleExport()}
      >
        {t('profile.privacy.download')}
      </Button>
      <FormAlert message={exportError} />
      {!confirming ? (
        <Button variant="danger" className="w-full" onClick={() => setConfirming(true)}>
          {t('profile.privacy.delete')}
        </Button>
      ) : (
        <form
          onSubmit={(event) => void handleDelete(event)}
          className="space-y-3 rounded-xl border border-red-200 p-3"
          aria-labelledby="delete-account"
          noValidate
        >
          <h3 id="delete-account" className="font-semibold text-red-800">
            {t('profile.privacy.confirmTitle')}
          </h3>
          <p className="text-sm text-slate-700">{t('profile.privacy.confirmBody')}</p>
          <TextField
            label={t('profile.privacy.password')}
            type="password"
            autoComplete="current-password"
            name="password"
            value={password}
            error={passwordError}
            onChange={(event) => setPassword(event.target.value)}
          />
          <FormAlert message={deleteError} />
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              disabled={deleting}
              onClick={() => {
                setConfirming(false);
                setPassword('');
                setPasswordError(undefined);
              }}
            >
              {t('profile.cancel')}
            </Button>
            <Button type="submit" variant="danger" busy={deleting}>
              {t('profile.privacy.confirm')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
