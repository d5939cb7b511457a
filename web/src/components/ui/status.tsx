import { useRef, type ReactNode } from 'react';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { Button } from '@/components/ui/button';
import { useReveal } from '@/components/ui/reveal';

export function Spinner({ label = m.app.loading }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div className="skeleton-list" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <div className="state state-error" role="alert" aria-live="assertive">
      {title ? <p className="state-title">{title}</p> : null}
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {m.app.retry}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * A message next to what caused it. Errors are announced at once (`role="alert"`) and scrolled to
 * the middle of the screen when they appear or change, so they are never hidden under the sticky
 * action or the tab bar.
 */
export function Notice({
  kind = 'info',
  children,
  testId,
}: {
  kind?: 'info' | 'success' | 'error' | 'warning';
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const text = typeof children === 'string' ? children : kind;
  useReveal(ref, kind === 'error' || kind === 'warning' ? text : null);
  const alert = kind === 'error';
  return (
    <div
      ref={ref}
      className={`notice notice-${kind}`}
      role={alert ? 'alert' : 'status'}
      aria-live={alert ? 'assertive' : 'polite'}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
