import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { socketClient } from '../shared/socket';
import { AuthProvider, endSession } from '../shared/session';
import { Loading } from '../ui/Spinner';
import { Layout } from './layout/Layout';
import { keepCacheSaved, restoreSavedCache } from './persistCache';
import { createQueryClient } from './queryClient';
import { connectRealtime } from './realtime';
import { RedirectIfSignedIn, RequireAuth } from './RequireAuth';

// Route-level code splitting: each page is its own chunk, loaded on first visit.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const LoginPage = page(() => import('../features/auth/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/RegisterPage'), 'RegisterPage');
const ForgotPasswordPage = page(
  () => import('../features/auth/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = page(
  () => import('../features/auth/ResetPasswordPage'),
  'ResetPasswordPage',
);
const VerifyEmailPage = page(() => import('../features/auth/VerifyEmailPage'), 'VerifyEmailPage');
const ConfirmEmailPage = page(
  () => import('../features/auth/ConfirmEmailPage'),
  'ConfirmEmailPage',
);
const PrivacyPage = page(() => import('../features/auth/PrivacyPage'), 'PrivacyPage');
const EventsPage = page(() => import('../features/events/EventsPage'), 'EventsPage');
const EventDetailsPage = page(
  () => import('../features/events/EventDetailsPage'),
  'EventDetailsPage',
);
const EventChatPage = page(() => import('../features/chat/EventChatPage'), 'EventChatPage');
const MatchChatPage = page(() => import('../features/matches/MatchChatPage'), 'MatchChatPage');
const RatePartnerPage = page(
  () => import('../features/ratings/RatePartnerPage'),
  'RatePartnerPage',
);
const HistoryPage = page(() => import('../features/matches/HistoryPage'), 'HistoryPage');
const ProfilePage = page(() => import('../features/profile/ProfilePage'), 'ProfilePage');
const UserProfilePage = page(
  () => import('../features/profile/UserProfilePage'),
  'UserProfilePage',
);
const OrganisePage = page(() => import('../features/organiser/OrganisePage'), 'OrganisePage');
const ManageEventPage = page(
  () => import('../features/organiser/ManageEventPage'),
  'ManageEventPage',
);
const DoorScreenPage = page(() => import('../features/organiser/DoorScreenPage'), 'DoorScreenPage');
const ModerationPage = page(
  () => import('../features/moderation/ModerationPage'),
  'ModerationPage',
);
const AuditLogPage = page(() => import('../features/moderation/AuditLogPage'), 'AuditLogPage');
const MyHeatsPage = page(() => import('../features/heats/MyHeatsPage'), 'MyHeatsPage');
const RecordingPage = page(() => import('../features/heats/RecordingPage'), 'RecordingPage');
const CheckInPage = page(() => import('../features/check-in/CheckInPage'), 'CheckInPage');
const NotificationsPage = page(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const NotFoundPage = page(() => import('./NotFoundPage'), 'NotFoundPage');

export function App() {
  const [queryClient] = useState(() => createQueryClient((client) => endSession(client)));
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let stopSaving = () => {};
    void restoreSavedCache(queryClient).finally(() => {
      stopSaving = keepCacheSaved(queryClient);
      setRestored(true);
    });
    return () => stopSaving();
  }, [queryClient]);
  useEffect(() => connectRealtime(socketClient, queryClient), [queryClient]);
  // The saved cache goes back in first (a few ms), so that no page asks before it is there.
  if (!restored) return <Loading />;

  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route element={<RedirectIfSignedIn />}>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/register" element={<RegisterPage />} />
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              </Route>
              {/* Opened from mailed links, signed in or not. */}
              <Route path="/reset-password" element={<ResetPasswordPage />} />
              <Route path="/verify-email" element={<VerifyEmailPage />} />
              <Route path="/confirm-email" element={<ConfirmEmailPage />} />
              <Route path="/privacy" element={<PrivacyPage />} />
              <Route element={<RequireAuth />}>
                <Route element={<Layout />}>
                  <Route index element={<Navigate to="/events" replace />} />
                  <Route path="/events" element={<EventsPage />} />
                  <Route path="/events/:id" element={<EventDetailsPage />} />
                  <Route path="/events/:id/chat" element={<EventChatPage />} />
                  <Route path="/events/:id/check-in" element={<CheckInPage />} />
                  <Route path="/events/:id/my-heats" element={<MyHeatsPage />} />
                  <Route path="/events/:id/recording" element={<RecordingPage />} />
                  <Route path="/organise/:id/door" element={<DoorScreenPage />} />
                  <Route path="/organise" element={<OrganisePage />} />
                  <Route path="/organise/:id" element={<ManageEventPage />} />
                  <Route path="/moderation" element={<ModerationPage />} />
                  <Route path="/moderation/audit" element={<AuditLogPage />} />
                  <Route path="/matches/:id" element={<MatchChatPage />} />
                  <Route path="/matches/:id/rate" element={<RatePartnerPage />} />
                  <Route path="/history" element={<HistoryPage />} />
                  <Route path="/notifications" element={<NotificationsPage />} />
                  <Route path="/profile" element={<ProfilePage />} />
                  <Route path="/users/:id" element={<UserProfilePage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
}
