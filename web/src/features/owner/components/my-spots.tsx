import { Link } from 'react-router';
import { assetUrl } from '@/config/env';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatMoney } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import { useDeleteSpot, useMySpots, useUpdateSpot } from '@/features/owner/api/owner-api';

export function MySpots({ defaultCurrency }: { defaultCurrency: string }) {
  const spots = useMySpots();
  const update = useUpdateSpot();
  const remove = useDeleteSpot();

  if (spots.isPending) return <Skeleton lines={3} />;
  if (spots.isError) return <ErrorState error={spots.error} onRetry={() => void spots.refetch()} />;
  return (
    <div>
      <Link className="btn btn-primary btn-block" to={paths.ownerNewSpot}>
        {m.owner.newSpot}
      </Link>
      {update.isError ? <Notice kind="error">{errorMessage(update.error)}</Notice> : null}
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      {spots.data.length === 0 ? (
        <EmptyState title={m.owner.noSpots} />
      ) : (
        <ul className="owner-spots">
          {spots.data.map((spot) => (
            <li key={spot.id} className="card owner-spot">
              <div className="spot-thumb">
                {spot.images[0] ? (
                  <img src={assetUrl(spot.images[0])} alt="" />
                ) : (
                  <span aria-hidden="true">P</span>
                )}
              </div>
              <div className="owner-spot-body">
                <h3>
                  <Link to={paths.spot(spot.id)}>{spot.title}</Link>
                </h3>
                <p className="muted small">
                  {spot.address}, {spot.city}
                </p>
                <p>
                  {formatMoney(spot.hourly_rate, spot.currency ?? defaultCurrency)}
                  {m.search.perHour} ·{' '}
                  <span
                    className={
                      spot.is_active ? 'status status-confirmed' : 'status status-cancelled'
                    }
                  >
                    {spot.is_active ? m.owner.active : m.owner.inactive}
                  </span>
                </p>
                <div className="actions">
                  <Link className="btn btn-secondary" to={paths.ownerEditSpot(spot.id)}>
                    {m.owner.edit}
                  </Link>
                  <Button
                    variant="ghost"
                    busy={update.isPending && update.variables?.id === spot.id}
                    onClick={() => update.mutate({ id: spot.id, is_active: !spot.is_active })}
                  >
                    {spot.is_active ? m.owner.deactivate : m.owner.activate}
                  </Button>
                  <Button
                    variant="ghost"
                    className="danger-text"
                    onClick={() => {
                      if (window.confirm(m.owner.deleteConfirm)) remove.mutate(spot.id);
                    }}
                  >
                    {m.owner.delete}
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
