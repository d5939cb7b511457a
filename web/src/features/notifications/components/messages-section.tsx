import { useState, type FormEvent } from 'react';
import { m } from '@/i18n/messages';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/lib/session';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { ErrorState, Spinner } from '@/components/ui/status';
import { useMessages, useSendMessage } from '@/features/notifications/api/notifications-api';
import type { BookingSectionProps } from '@/types/booking-section';

const MAX = 2000;

/**
 * The booking's conversation between its driver and the spot's owner. Text is shown as text, never
 * as HTML; new messages arrive over the WebSocket (`message` events refresh this list).
 */
export function MessagesSection({ booking, offline, timeZone, isDriver }: BookingSectionProps) {
  const me = useMe();
  const messages = useMessages(offline ? '' : booking.id);
  const send = useSendMessage(booking.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (offline) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return setError(m.notifications.messages.required);
    if (body.length > MAX) return setError(m.notifications.messages.tooLong);
    setError(undefined);
    send.mutate(body, { onSuccess: () => setText('') });
  };
  // only the driver, the spot's owner and admins see the booking; admins read without writing
  const canWrite = isDriver || (me.data !== undefined && me.data.role !== 'admin');

  return (
    <section className="card booking-section" id="messages" aria-labelledby="messages-title">
      <h2 id="messages-title">{m.notifications.messages.title}</h2>
      <p className="muted">{m.notifications.messages.hint}</p>
      {messages.isPending ? (
        <Spinner />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <p className="muted">{m.notifications.messages.empty}</p>
      ) : (
        <ol className="message-list" data-testid="messages">
          {messages.data.map((message) => {
            const mine = message.sender_id === me.data?.id;
            return (
              <li key={message.id} className={mine ? 'message mine' : 'message'}>
                <span className="message-author">
                  {mine
                    ? m.notifications.messages.you
                    : `${message.sender_name} · ${m.notifications.messages[message.sender_role]}`}
                </span>
                <p className="message-body">{message.body}</p>
                <time className="muted" dateTime={message.created_at}>
                  {formatDateTime(message.created_at, timeZone)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {canWrite ? (
        <form onSubmit={submit} noValidate>
          <TextAreaField
            label={m.notifications.messages.label}
            placeholder={m.notifications.messages.placeholder}
            value={text}
            maxLength={MAX}
            rows={3}
            onChange={(e) => setText(e.target.value)}
            error={error ?? (send.error ? send.error.message : undefined)}
          />
          <Button type="submit" busy={send.isPending}>
            {m.notifications.messages.send}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
