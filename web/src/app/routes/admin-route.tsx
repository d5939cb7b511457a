import '@/styles/owner-admin.css';
import type { ReactNode } from 'react';
import { m } from '@/i18n/messages';
import { ErrorState, Spinner } from '@/components/ui/status';
import { useMe } from '@/lib/session';
import { AdminDashboard, AdminOnly } from '@/features/admin/components/admin-dashboard';
import { AdminNav } from '@/features/admin/components/admin-nav';
import { AdminUsers } from '@/features/admin/components/admin-users';
import { AuditLog } from '@/features/admin/components/audit-log';

/** The live dashboard for admins; anyone else signed in is told it is for admins, without polling. */
export function AdminDashboardRoute() {
  const me = useMe();
  if (me.isPending) return <Spinner />;
  if (me.isError) {
    return (
      <div className="page">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data.role !== 'admin') return <AdminOnly />;
  return <AdminDashboard />;
}

function AdminPage({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Spinner />;
  if (me.isError) {
    return (
      <div className="page">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data.role !== 'admin') return <AdminOnly />;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{m.nav.admin}</h1>
      </header>
      <AdminNav />
      {children}
    </div>
  );
}

/** /admin/users: find, filter, deactivate, reactivate and change the role of users. */
export function AdminUsersRoute() {
  const me = useMe();
  return (
    <AdminPage>
      <AdminUsers selfId={me.data?.id} />
    </AdminPage>
  );
}

/** /admin/audit: who did what to whom, when. */
export function AdminAuditRoute() {
  return (
    <AdminPage>
      <AuditLog />
    </AdminPage>
  );
}
