import { ErrorState, Spinner } from '@/components/ui/status';
import { useMe } from '@/lib/session';
import { AdminDashboard, AdminOnly } from '@/features/admin/components/admin-dashboard';

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
