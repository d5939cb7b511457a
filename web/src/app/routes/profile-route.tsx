import { useClientConfig } from '@/lib/client-config';
import { ErrorState, Spinner } from '@/components/ui/status';
import { useMe } from '@/lib/session';
import { ProfileScreen } from '@/features/profile/components/profile-screen';
import { FavoritesList } from '@/features/spots/components/favorites-list';
import { NotificationPreferences } from '@/features/notifications/components/notification-preferences';
import { VehiclesManager } from '@/features/vehicles/components/vehicles-manager';

export function ProfileRoute() {
  const me = useMe();
  const config = useClientConfig();
  if (me.isPending) return <Spinner />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <ProfileScreen
      user={me.data}
      extra={
        <>
          <NotificationPreferences />
          <VehiclesManager />
          <FavoritesList currency={config.defaultCurrency} />
        </>
      }
    />
  );
}
