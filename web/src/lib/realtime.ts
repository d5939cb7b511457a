import type { RealtimeEvent } from '@/types/api';

export interface RealtimeOptions {
  url: (token: string) => string;
  getToken: () => string | null;
  /** Called when the server refuses the token (close 1008), before reconnecting. */
  refreshToken: () => Promise<string | null>;
  onEvent: (event: RealtimeEvent) => void;
  onStatus?: (connected: boolean) => void;
  createSocket?: (url: string) => WebSocket;
}

const KNOWN_TYPES = new Set(['booking_update', 'new_booking', 'new_review', 'spot_availability']);

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
 * A WebSocket to /api/v1/ws?token= that reconnects with back-off, refreshes the token when the
 * server refuses it, and re-sends subscriptions after each reconnect.
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

  function connect() {
    timer = null;
    if (stopped) return;
    const token = options.getToken();
    if (!token) return;
    const ws = create(options.url(token));
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
      if (!socket && !timer) connect();
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
