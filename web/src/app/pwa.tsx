import { useRegisterSW } from 'virtual:pwa-register/react';
import { m } from '@/i18n/messages';

/** Registers the service worker (app shell cached for offline use) and offers updates. */
export function PwaUpdateBanner() {
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status">
      {m.app.updateReady}{' '}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => void updateServiceWorker(true)}
      >
        {m.app.reload}
      </button>
    </div>
  );
}
