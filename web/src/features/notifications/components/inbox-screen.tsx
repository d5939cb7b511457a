import { useState } from 'react';
import { Link } from 'react-router';
import { m } from '@/i18n/messages';
import { formatDateTime, browserTimeZone } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, Spinner } from '@/components/ui/status';
import {
  useInbox,
  useMarkAllRead,
  useMarkRead,
} from '@/features/notifications/api/notifications-api';
import type { AppNotification } from '@/types/api';

const PAGE = 20;

function Item({ item }: { item: AppNotification }) {
  const markRead = useMarkRead();
  const read = () => {
    if (!item.is_read) markRead.mutate(item.id);
  };
  return (
    <li
      className={item.is_read ? 'inbox-item' : 'inbox-item inbox-unread'}
      data-testid="notification"
      data-kind={item.kind}
    >
      <div className="inbox-text">
        {item.link ? (
          <Link to={item.link} onClick={read} className="inbox-title">
            {item.title}
          </Link>
        ) : (
          <span className="inbox-title">{item.title}</span>
        )}
        <p className="inbox-body">{item.body}</p>
        <time className="muted" dateTime={item.created_at}>
          {formatDateTime(item.created_at, browserTimeZone())}
        </time>
      </div>
      {item.is_read ? null : (
        <Button variant="ghost" onClick={read} busy={markRead.isPending}>
          {m.notifications.markRead}
        </Button>
      )}
    </li>
  );
}

/** The in-app inbox: newest first, a page at a time; live via the WebSocket's `notification` event. */
export function InboxScreen() {
  const [skip, setSkip] = useState(0);
  const inbox = useInbox(skip, PAGE);
  const markAll = useMarkAllRead();
  if (inbox.isPending) return <Spinner />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const page = inbox.data;
  return (
    <div className="page inbox-page">
      <header className="page-header">
        <h1>{m.notifications.title}</h1>
        {page.unread_count > 0 ? (
          <Button variant="secondary" onClick={() => markAll.mutate()} busy={markAll.isPending}>
            {m.notifications.markAllRead}
          </Button>
        ) : null}
      </header>
      {page.items.length === 0 ? (
        <EmptyState title={m.notifications.empty}>{m.notifications.emptyHint}</EmptyState>
      ) : (
        <ul className="inbox-list">
          {page.items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </ul>
      )}
      {page.total > PAGE ? (
        <div className="pager">
          <Button variant="ghost" disabled={skip === 0} onClick={() => setSkip(skip - PAGE)}>
            {m.notifications.previous}
          </Button>
          <Button
            variant="ghost"
            disabled={skip + PAGE >= page.total}
            onClick={() => setSkip(skip + PAGE)}
          >
            {m.notifications.next}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
