import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AuthShell } from './AuthShell';

/** What is stored, each with why (privacy.stored.<key>.what / .why). */
const STORED = [
  { key: 'account', what: 'privacy.stored.account.what', why: 'privacy.stored.account.why' },
  { key: 'profile', what: 'privacy.stored.profile.what', why: 'privacy.stored.profile.why' },
  { key: 'events', what: 'privacy.stored.events.what', why: 'privacy.stored.events.why' },
  { key: 'messages', what: 'privacy.stored.messages.what', why: 'privacy.stored.messages.why' },
  { key: 'sessions', what: 'privacy.stored.sessions.what', why: 'privacy.stored.sessions.why' },
  { key: 'safety', what: 'privacy.stored.safety.what', why: 'privacy.stored.safety.why' },
];

/** What is stored and why; open signed in or not. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <AuthShell title={t('privacy.title')}>
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          <Trans i18nKey="privacy.videos" components={{ strong: <strong /> }} />
        </p>
        <dl className="space-y-3">
          {STORED.map(({ key, what, why }) => (
            <div key={key}>
              <dt className="font-semibold text-slate-900">{t(what)}</dt>
              <dd>{t(why)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Trans i18nKey="privacy.yourData" components={{ strong: <strong /> }} />
        </p>
        <p className="text-center">
          <Link to="/profile" className="inline-block py-3 font-semibold text-violet-700 underline">
            {t('privacy.goToProfile')}
          </Link>
        </p>
      </div>
    </AuthShell>
  );
}
