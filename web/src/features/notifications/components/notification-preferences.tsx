import { useState } from 'react';
import { m } from '@/i18n/messages';
import { ErrorState, Notice, Spinner } from '@/components/ui/status';
import { Button } from '@/components/ui/button';
import { usePreferences, useSavePreference } from '@/features/notifications/api/notifications-api';
import { pushSupported, subscribeToPush } from '@/features/notifications/api/push';
import type { NotificationPreference } from '@/types/api';

type Channel = 'email' | 'push' | 'in_app';
/** Read at render: the labels follow a language switch. */
const channels = (): { key: Channel; label: string }[] => [
  { key: 'email', label: m.notifications.preferences.email },
  { key: 'push', label: m.notifications.preferences.push },
  { key: 'in_app', label: m.notifications.preferences.inApp },
];

function PushToggle() {
  const [state, setState] = useState(() =>
    pushSupported() ? Notification.permission : ('unsupported' as const),
  );
  if (state === 'unsupported') return null;
  if (state === 'denied') return <p className="muted">{m.notifications.preferences.pushBlocked}</p>;
  if (state === 'granted') return <p className="muted">{m.notifications.preferences.pushOn}</p>;
  return (
    <Button
      variant="secondary"
      onClick={() =>
        void subscribeToPush()
          .then(() => setState(Notification.permission))
          .catch(() => setState(Notification.permission))
      }
    >
      {m.notifications.preferences.enablePush}
    </Button>
  );
}

/** The profile's table of kinds × channels; each change is saved at once. */
export function NotificationPreferences() {
  const preferences = usePreferences();
  const save = useSavePreference();
  if (preferences.isPending) return <Spinner />;
  if (preferences.isError)
    return <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />;
  const CHANNELS = channels();
  const toggle = (row: NotificationPreference, channel: Channel) =>
    save.mutate({ kind: row.kind, [channel]: !row[channel] });
  return (
    <section className="card" aria-labelledby="notification-preferences-title">
      <h2 id="notification-preferences-title">{m.notifications.preferences.title}</h2>
      <p className="muted">{m.notifications.preferences.hint}</p>
      <table className="preferences-table">
        <thead>
          <tr>
            <th scope="col" />
            {CHANNELS.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preferences.data.preferences.map((row) => {
            const label = m.notifications.preferences.kinds[row.kind] ?? row.kind;
            return (
              <tr key={row.kind}>
                <th scope="row">{label}</th>
                {CHANNELS.map((c) => (
                  <td key={c.key}>
                    <input
                      type="checkbox"
                      aria-label={`${label}: ${c.label}`}
                      checked={row[c.key]}
                      onChange={() => toggle(row, c.key)}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {save.isSuccess ? <Notice kind="success">{m.notifications.preferences.saved}</Notice> : null}
      {save.isError ? <Notice kind="error">{save.error.message}</Notice> : null}
      <PushToggle />
    </section>
  );
}
