import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/** A tapped notification in an open app: the service worker asks it to route to the url. */
export function ServiceWorkerNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const handleMessage = (event: MessageEvent<{ type?: string; url?: string }>) => {
      if (event.data?.type === 'spotlight:navigate' && event.data.url?.startsWith('/')) {
        navigate(event.data.url);
      }
    };
    navigator.serviceWorker.addEventListener('message', handleMessage);
    return () => navigator.serviceWorker.removeEventListener('message', handleMessage);
  }, [navigate]);
  return null;
}
