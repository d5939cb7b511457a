import { useState, type FormEvent } from 'react';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatRating, safeTimeZone } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { EmptyState, Notice, Skeleton } from '@/components/ui/status';
import { Stars } from '@/components/ui/stars';
import {
  useHelpful,
  useRespond,
  useReviewSummary,
  useSpotReviews,
} from '@/features/reviews/api/reviews-api';
import type { Review } from '@/types/api';

function reviewerName(review: Review): string {
  return review.reviewer?.full_name || review.reviewer_name || m.review.anonymous;
}

function ResponseForm({ spotId, reviewId }: { spotId: string; reviewId: string }) {
  const respond = useRespond(spotId);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) respond.mutate({ reviewId, response: text.trim() });
  }
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {m.review.respond}
      </Button>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit}>
      <TextAreaField
        label={m.review.respond}
        placeholder={m.review.responsePlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
      />
      {respond.isError ? <Notice kind="error">{errorMessage(respond.error)}</Notice> : null}
      <Button type="submit" busy={respond.isPending} disabled={!text.trim()}>
        {m.review.sendResponse}
      </Button>
    </form>
  );
}

export function ReviewItem({
  review,
  spotId,
  canRespond,
  canVote,
  timeZone,
}: {
  review: Review;
  spotId: string;
  canRespond: boolean;
  canVote: boolean;
  timeZone: string;
}) {
  const helpful = useHelpful(spotId);
  return (
    <li className="review">
      <div className="review-head">
        <Stars rating={review.overall_rating} />
        <span className="muted small">
          {fmt(m.review.by, { name: reviewerName(review) })} ·{' '}
          {formatDateTime(review.created_at, timeZone)}
        </span>
      </div>
      {review.title ? <h3>{review.title}</h3> : null}
      {review.comment ? <p className="prewrap">{review.comment}</p> : null}
      {review.owner_response ? (
        <blockquote className="owner-response">
          <p className="small">
            <strong>{m.review.ownerResponse}</strong>
          </p>
          <p className="prewrap">{review.owner_response}</p>
        </blockquote>
      ) : canRespond ? (
        <ResponseForm spotId={spotId} reviewId={review.id} />
      ) : null}
      <div className="actions">
        <Button
          variant="ghost"
          disabled={!canVote || helpful.isSuccess}
          busy={helpful.isPending}
          onClick={() => helpful.mutate(review.id)}
        >
          {fmt(m.review.helpful, { count: review.helpful_count })}
        </Button>
        {helpful.isSuccess ? <span className="muted small">{m.review.markedHelpful}</span> : null}
        {helpful.isError ? (
          <span className="field-error">{errorMessage(helpful.error)}</span>
        ) : null}
      </div>
    </li>
  );
}

/** Rating summary and reviews of a spot; owners can respond, signed-in users can vote. */
export function SpotReviews({
  spotId,
  isOwner,
  signedIn,
  timeZone,
}: {
  spotId: string;
  isOwner: boolean;
  signedIn: boolean;
  timeZone?: string;
}) {
  const reviews = useSpotReviews(spotId);
  const summary = useReviewSummary(spotId);
  const tz = safeTimeZone(timeZone);
  return (
    <section aria-labelledby="reviews-title" className="section">
      <h2 id="reviews-title">{m.review.reviews}</h2>
      {summary.data && summary.data.total_reviews > 0 ? (
        <div className="review-summary">
          <p className="big-rating">
            {formatRating(summary.data.average_rating)}{' '}
            <Stars rating={summary.data.average_rating} size="lg" />
          </p>
          <ul className="breakdown">
            {(['5', '4', '3', '2', '1'] as const).map((star) => {
              const count = summary.data.rating_breakdown[star] ?? 0;
              const pct = summary.data.total_reviews
                ? (count / summary.data.total_reviews) * 100
                : 0;
              return (
                <li key={star}>
                  <span>{star}★</span>
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${pct}%` }} />
                  </span>
                  <span className="muted small">{count}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {reviews.isPending ? (
        <Skeleton lines={2} />
      ) : reviews.isError ? (
        <p className="muted">{m.review.loadFailed}</p>
      ) : reviews.data.length === 0 ? (
        <EmptyState title={m.review.none} />
      ) : (
        <ul className="review-list">
          {reviews.data.map((review) => (
            <ReviewItem
              key={review.id}
              review={review}
              spotId={spotId}
              canRespond={isOwner}
              canVote={signedIn && !isOwner}
              timeZone={tz}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
