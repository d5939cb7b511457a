import { useState, type FormEvent } from 'react';
import { m } from '@/i18n/messages';
import { useReviewedStore } from '@/stores/reviewed-store';
import { errorMessage } from '@/lib/api-client';
import { validateMaxLength } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { reveal } from '@/components/ui/reveal';
import { Notice } from '@/components/ui/status';
import { StarInput } from '@/components/ui/stars';
import { useCreateReview } from '@/features/reviews/api/reviews-api';

type Sub = 'cleanliness_rating' | 'accessibility_rating' | 'accuracy_rating' | 'value_rating';
// read at render time, in the active language
const SUBS = (): { key: Sub; label: string }[] => [
  { key: 'cleanliness_rating', label: m.review.cleanliness },
  { key: 'accessibility_rating', label: m.review.accessibility },
  { key: 'accuracy_rating', label: m.review.accuracy },
  { key: 'value_rating', label: m.review.value },
];

export function ReviewForm({
  bookingId,
  spotTitle,
  onDone,
}: {
  bookingId: string;
  spotTitle?: string;
  onDone: () => void;
}) {
  const create = useCreateReview();
  const markReviewed = useReviewedStore((s) => s.markReviewed);
  const [overall, setOverall] = useState(0);
  const [subs, setSubs] = useState<Record<Sub, number>>({
    cleanliness_rating: 0,
    accessibility_rating: 0,
    accuracy_rating: 0,
    value_rating: 0,
  });
  const [title, setTitle] = useState('');
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    overall: overall < 1 ? m.validation.rating : undefined,
    title: validateMaxLength(title, 255),
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (errors.overall || errors.title) {
      const form = event.currentTarget as HTMLFormElement;
      setTimeout(() => reveal(form.querySelector<HTMLElement>('[role="alert"]')), 0);
      return;
    }
    create.mutate(
      {
        booking_id: bookingId,
        overall_rating: overall,
        cleanliness_rating: subs.cleanliness_rating || null,
        accessibility_rating: subs.accessibility_rating || null,
        accuracy_rating: subs.accuracy_rating || null,
        value_rating: subs.value_rating || null,
        title: title.trim() || null,
        comment: comment.trim() || null,
      },
      {
        onSuccess: () => {
          markReviewed(bookingId);
          onDone();
        },
        onError: (error) => {
          if (/already has a review/i.test(error.message)) markReviewed(bookingId);
        },
      },
    );
  }

  return (
    <form className="form page" onSubmit={onSubmit} noValidate>
      <h1>{m.review.writeTitle}</h1>
      {spotTitle ? <p className="muted">{spotTitle}</p> : null}
      <StarInput label={m.review.overall} name="overall" value={overall} onChange={setOverall} />
      {submitted && errors.overall ? (
        <p className="field-error" role="alert">
          {errors.overall}
        </p>
      ) : null}
      <div className="grid-2">
        {SUBS().map(({ key, label }) => (
          <StarInput
            key={key}
            label={label}
            name={key}
            value={subs[key]}
            onChange={(v) => setSubs((s) => ({ ...s, [key]: v }))}
          />
        ))}
      </div>
      <TextField
        label={m.review.titleLabel}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={submitted ? errors.title : undefined}
      />
      <TextAreaField
        label={m.review.comment}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        rows={4}
      />
      {create.isError ? <Notice kind="error">{errorMessage(create.error)}</Notice> : null}
      <div className="sticky-action">
        <Button type="submit" block busy={create.isPending}>
          {m.review.submit}
        </Button>
      </div>
    </form>
  );
}
