import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { EmptyState } from '@/components/ui/status';

export function NotFound() {
  return (
    <EmptyState
      title={m.app.notFound}
      action={
        <Link className="btn btn-primary" to={paths.search}>
          {m.app.goHome}
        </Link>
      }
    />
  );
}
