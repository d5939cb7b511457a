import { ErrorState, Spinner } from '@/components/ui/status';
import { useMe } from '@/lib/session';
import { ProfileScreen } from '@/features/profile/components/profile-screen';

export function ProfileRoute() {
  const me = useMe();
  if (me.isPending) return <Spinner />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return <ProfileScreen user={me.data} />;
}
