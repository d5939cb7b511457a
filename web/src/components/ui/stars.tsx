import { m, plural } from '@/i18n/messages';

export function Stars({ rating, size = 'sm' }: { rating: number; size?: 'sm' | 'lg' }) {
  const rounded = Math.round(rating * 2) / 2;
  return (
    <span
      className={`stars stars-${size}`}
      role="img"
      aria-label={plural(rounded, m.review.starCount)}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <span
          key={n}
          aria-hidden="true"
          className={n <= rounded ? 'star on' : n - 0.5 === rounded ? 'star half' : 'star'}
        >
          ★
        </span>
      ))}
    </span>
  );
}

export function StarInput({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  name: string;
}) {
  return (
    <fieldset className="star-input">
      <legend>{label}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'on' : ''}>
          <input
            type="radio"
            name={name}
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
          />
          <span aria-hidden="true">★</span>
          <span className="sr-only">{plural(n, m.review.starCount)}</span>
        </label>
      ))}
    </fieldset>
  );
}
