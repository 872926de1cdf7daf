import { HttpUrl } from '@spotlight/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

/**
 * The fallback when phone-to-phone is impossible: a link (Drive, Dropbox…) posted in the
 * private chat as a `link` message; only http(s), as the contract's HttpUrl says.
 */
export function LinkForm({ onSend }: { onSend: (url: string) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = HttpUrl.safeParse(url);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t('transfer.link.invalid'));
      return;
    }
    onSend(parsed.data);
    setUrl('');
    setError(undefined);
  };

  return (
    <form onSubmit={handleSubmit} className="space-y-2" noValidate>
      <TextField
        label={t('transfer.link.label')}
        type="url"
        inputMode="url"
        placeholder="https://drive.google.com/…"
        value={url}
        onChange={(e) => {
          setUrl(e.target.value);
          if (error) setError(undefined);
        }}
        error={error}
        hint={t('transfer.link.hint')}
      />
      <Button type="submit" variant="secondary" className="w-full" disabled={!url.trim()}>
        {t('transfer.link.send')}
      </Button>
    </form>
  );
}
