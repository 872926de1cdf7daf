import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../ui/PageHeader';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../ui/LanguagePicker';

/** The frame of the signed-out pages: the brand, a title, the form. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <main className="mx-auto flex min-h-[100dvh] w-full max-w-md flex-col justify-center gap-6 p-4">
      <div className="text-center">
        <img
          src="/icons/icon-192.png"
          alt=""
          width={64}
          height={64}
          className="mx-auto rounded-2xl"
        />
        <p className="mt-2 text-2xl font-bold text-violet-700">spotlight.cam</p>
        <p className="text-sm text-slate-600">{t('app.tagline')}</p>
      </div>
      <div className="rounded-3xl bg-white p-5 shadow-sm">
        <h1 className="mb-4 text-xl font-bold text-slate-900">{title}</h1>
        {children}
      </div>
      <div className="flex flex-wrap items-center justify-center gap-x-4 text-sm">
        <Link to="/privacy" className="inline-block px-3 py-3 text-slate-600 underline">
          {t('app.privacy')}
        </Link>
        <LanguagePicker />
      </div>
    </main>
  );
}
