import type { RealtimeEvent } from '@/types/api';

export interface RealtimeOptions {
  /** The WebSocket URL carrying a single-use ticket (never the access token). */
  url: (ticket: string) => string;
  /**
   * A fresh ticket for one connection (POST /api/v1/ws/ticket, valid 30 s, single use), or null when
   * signed out. The access token stays in the request header, so a failed connection, which the
   * browser prints with its URL, shows nothing reusable.
   */
  getTicket: () => Promise<string | null>;
  /** Called when the server refuses the connection's token (close 1008), before reconnecting. */
  refreshToken: () => Promise<string | null>;
  onEvent: (event: RealtimeEvent) => void;
  onStatus?: (connected: boolean) => void;
  createSocket?: (url: string) => WebSocket;
}

const KNOWN_TYPES = new Set([
  'booking_update',
  'new_booking',
  'new_review',
  'spot_availability',
  'notification',
  'message',
]);

export function parseRealtimeFrame(raw: unknown): RealtimeEvent | null {
  if (typeof raw !== 'string') return null;
  try {
    const frame = JSON.parse(raw) as { type?: unknown; data?: unknown };
    if (typeof frame.type === 'string' && KNOWN_TYPES.has(frame.type) && frame.data) {
      return frame as RealtimeEvent;
    }
  } catch {
    // Malformed frames are ignored.
  }
  return null;
}

/**
 * A WebSocket to /api/v1/ws?ticket= that fetches a new ticket for every connection, reconnects
 * with back-off, refreshes the token when the server refuses it, and re-sends subscriptions after
 * each reconnect.
 */
export function createRealtime(options: RealtimeOptions) {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let spotIds: string[] = [];
  const create = options.createSocket ?? ((url: string) => new WebSocket(url));

  function sendSubscriptions() {
    if (socket?.readyState === WebSocket.OPEN && spotIds.length > 0) {
      socket.send(JSON.stringify({ type: 'subscribe', spot_ids: spotIds }));
    }
  }

  function schedule() {
    if (stopped) return;
    const delay = Math.min(30_000, 1000 * 2 ** attempt) + Math.random() * 500;
    attempt += 1;
    timer = setTimeout(connect, delay);
  }

  let connecting = false;

  function connect() {
    timer = null;
    if (stopped || connecting) return;
    connecting = true;
    options
      .getTicket()
      .then((ticket) => {
        connecting = false;
        if (ticket && !stopped && !socket) open(ticket);
      })
      .catch(() => {
        connecting = false;
        schedule();
      });
  }

  function open(ticket: string) {
    const ws = create(options.url(ticket));
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      options.onStatus?.(true);
      sendSubscriptions();
    };
    ws.onmessage = (message) => {
      const event = parseRealtimeFrame(message.data);
      if (event) options.onEvent(event);
    };
    ws.onclose = (close) => {
      if (socket === ws) socket = null;
      options.onStatus?.(false);
      if (stopped) return;
      if (close.code === 1008) {
        options
          .refreshToken()
          .then((fresh) => {
            if (fresh) schedule();
          })
          .catch(schedule);
      } else {
        schedule();
      }
    };
  }

  return {
    start() {
      stopped = false;
      if (!socket && !timer && !connecting) connect();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      socket?.close(1000);
      socket = null;
    },
    subscribe(ids: string[]) {
      spotIds = Array.from(new Set([...spotIds, ...ids]));
      sendSubscriptions();
    },
  };
}
