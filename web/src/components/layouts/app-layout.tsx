import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { useUnreadCount } from '@/lib/notifications';
import { useSignedIn } from '@/lib/session';
import { useOnline } from '@/lib/use-online';

function Icon({ name }: { name: 'search' | 'bookings' | 'owner' | 'profile' | 'admin' }) {
  const d = {
    search:
      'M10.5 3a7.5 7.5 0 0 1 5.9 12.1l4.2 4.2-1.4 1.4-4.2-4.2A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
    bookings: 'M7 2h2v2h6V2h2v2h3v17H4V4h3V2zm11 7H6v10h12V9z',
    owner: 'M12 3l9 7v11h-6v-6H9v6H3V10l9-7z',
    profile:
      'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-5 0-9 2.5-9 5.5V22h18v-2.5C21 16.5 17 14 12 14z',
    admin: 'M3 3h2v16h16v2H3V3zm4 9h2v5H7v-5zm4-5h2v10h-2V7zm4 3h2v7h-2v-7zm4-5h2v12h-2V5z',
  }[name];
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

// functions, so the labels follow a language switch
const TABS = () =>
  [
    { to: paths.search, label: m.nav.search, icon: 'search', end: true },
    { to: paths.bookings, label: m.nav.bookings, icon: 'bookings', end: false },
    { to: paths.owner, label: m.nav.owner, icon: 'owner', end: false },
    { to: paths.profile, label: m.nav.profile, icon: 'profile', end: false },
  ] as const;

/** Only for admins: the live operations dashboard. */
const ADMIN_TAB = () =>
  ({
    to: paths.adminDashboard,
    label: m.nav.admin,
    icon: 'admin',
    end: false,
  }) as const;

/** The bell with the unread count; the count follows the WebSocket's `notification` events. */
export function NotificationBell() {
  const signedIn = useSignedIn();
  const unread = useUnreadCount();
  if (!signedIn) return null;
  const label =
    unread > 0 ? fmt(m.notifications.bellUnread, { count: unread }) : m.notifications.bell;
  return (
    <NavLink
      to={paths.notifications}
      className={({ isActive }) => (isActive ? 'bell active' : 'bell')}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
          fill="currentColor"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {m.app.offline}
    </div>
  );
}

/** Phone-first shell: content plus a bottom tab bar (a side rail on wide screens). */
export function AppLayout({ banner, isAdmin = false }: { banner?: ReactNode; isAdmin?: boolean }) {
  const tabs = isAdmin ? [...TABS(), ADMIN_TAB()] : TABS();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <OfflineBanner />
      {banner}
      <NotificationBell />
      <nav className="tab-bar" aria-label={m.nav.main}>
        <span className="brand" aria-hidden="true">
          <span className="logo-mark">P</span>
          <span className="brand-name">{m.app.name}</span>
        </span>
        {tabs.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end}
            className={({ isActive }) => (isActive ? 'tab-link active' : 'tab-link')}
          >
            <Icon name={tab.icon} />
            <span>{tab.label}</span>
          </NavLink>
        ))}
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
