import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { safeTimeZone } from '@/lib/format';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/status';
import { Segmented } from '@/components/ui/tabs';
import { useAwaitingCount, useOwnerReviews } from '@/features/reviews/api/reviews-api';
import { ReviewItem } from '@/features/reviews/components/spot-reviews';

const PAGE_SIZE = 10;

type View = 'awaiting' | 'all';

/** Reviews of all the owner's spots, one page at a time, those awaiting a response first. */
export function OwnerReviews() {
  const [view, setView] = useState<View>('awaiting');
  const [page, setPage] = useState(1);
  const reviews = useOwnerReviews(view === 'awaiting', page, PAGE_SIZE);
  const awaiting = useAwaitingCount();
  const tz = safeTimeZone(undefined);
  const total = reviews.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section aria-labelledby="owner-reviews-title" className="owner-reviews">
      <h2 id="owner-reviews-title" className="sr-only">
        {m.review.toAnswer}
      </h2>
      <Segmented<View>
        label={m.review.toAnswer}
        value={view}
        onChange={(next) => {
          setView(next);
          setPage(1);
        }}
        options={[
          {
            value: 'awaiting',
            label: m.ownerTools.awaitingResponse,
            count: awaiting.data,
          },
          { value: 'all', label: m.ownerTools.allReviews },
        ]}
      />
      {awaiting.data ? (
        <p className="muted small" aria-live="polite">
          {fmt(m.ownerTools.awaitingCount, { count: awaiting.data })}
        </p>
      ) : null}
      {reviews.isPending ? (
        <Skeleton lines={3} />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <EmptyState title={view === 'awaiting' ? m.ownerTools.noneAwaiting : m.review.ownerEmpty} />
      ) : (
        <>
          <ul className="review-list">
            {reviews.data.items.map((review) => (
              <li key={review.id} className="card owner-review">
                <h3 className="small">
                  <Link to={paths.spot(review.parking_spot_id)}>
                    {fmt(m.ownerTools.reviewOf, {
                      spot: review.parking_spot_title ?? m.review.reviews,
                    })}
                  </Link>
                </h3>
                <ul className="review-list">
                  <ReviewItem
                    review={review}
                    spotId={review.parking_spot_id}
                    canRespond
                    canVote={false}
                    timeZone={tz}
                  />
                </ul>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={setPage} />
        </>
      )}
    </section>
  );
}
