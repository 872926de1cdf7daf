import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { MatchReadTracker, ServiceWorkerNavigation } from '../../features/notifications';
import { focusPageHeading } from '../../ui/PageHeader';
import { Loading } from '../../ui/Spinner';
import { ConnectionBanner } from './ConnectionBanner';
import { Navbar } from './Navbar';
import { MatchToasts, UpdateToast } from './Notifications';
import { VerifyEmailBanner } from './VerifyEmailBanner';
import { TransferOffers } from '../../features/transfer';
import { useTranslation } from 'react-i18next';

/**
 * The signed-in frame: status banners on top, the page in the middle (the only part that
 * scrolls, so chat pages can pin their composer), the tab bar at the bottom.
 */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) firstPage.current = false;
    else focusPageHeading();
  }, [pathname]);

  return (
    <div className="mx-auto flex h-[100dvh] w-full max-w-lg flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded-lg focus:bg-white focus:p-3"
      >
        {t('layout.skip')}
      </a>
      <ServiceWorkerNavigation />
      <MatchReadTracker />
      <UpdateToast />
      <ConnectionBanner />
      <VerifyEmailBanner />
      <MatchToasts />
      <TransferOffers />
      <main id="main" className="min-h-0 flex-1 overflow-y-auto overflow-x-hidden">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Navbar />
    </div>
  );
}
