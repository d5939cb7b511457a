import { describe, expect, it, vi } from 'vitest';
import { createRealtime, parseRealtimeFrame } from '@/lib/realtime';

class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: ((c: { code: number }) => void) | null = null;
  constructor(public url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.({ code: 1000 });
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

function setUp(getTicket: () => Promise<string | null>) {
  const sockets: FakeSocket[] = [];
  const events: unknown[] = [];
  const refreshToken = vi.fn(async () => 'new-access-token');
  const realtime = createRealtime({
    url: (ticket) => `ws://x/api/v1/ws?ticket=${ticket}`,
    getTicket,
    refreshToken,
    onEvent: (e) => events.push(e),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  return { realtime, sockets, events, refreshToken };
}

describe('realtime', () => {
  it('parses known frames and ignores the rest', () => {
    expect(
      parseRealtimeFrame(
        '{"type":"booking_update","data":{"booking_id":"b","status":"confirmed"},"at":"x"}',
      ),
    ).toMatchObject({ type: 'booking_update' });
    expect(parseRealtimeFrame('{"type":"subscribed","data":{}}')).toBeNull();
    expect(parseRealtimeFrame('not json')).toBeNull();
  });

  it('connects with a fresh ticket each time, never the token, refreshes on 1008 and reconnects', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', { OPEN: 1 });
    let issued = 0;
    const getTicket = vi.fn(async () => `ticket-${++issued}`);
    const { realtime, sockets, events, refreshToken } = setUp(getTicket);
    realtime.start();
    realtime.subscribe(['s1']);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    expect(sockets[0]!.url).toBe('ws://x/api/v1/ws?ticket=ticket-1');
    expect(sockets[0]!.url).not.toContain('token=');
    expect(sockets[0]!.sent).toEqual(['{"type":"subscribe","spot_ids":["s1"]}']);
    sockets[0]!.onmessage?.({
      data: '{"type":"new_review","data":{"review_id":"r","spot_id":"s1","rating":5},"at":"t"}',
    });
    expect(events).toHaveLength(1);

    sockets[0]!.onclose?.({ code: 1008 });
    await vi.runAllTimersAsync();
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(getTicket).toHaveBeenCalledTimes(2);
    expect(sockets[1]?.url).toBe('ws://x/api/v1/ws?ticket=ticket-2');
    realtime.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('retries with back-off when no ticket can be had, and stays away when signed out', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', { OPEN: 1 });
    const getTicket = vi
      .fn<() => Promise<string | null>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce('late-ticket');
    const { realtime, sockets } = setUp(getTicket);
    realtime.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sockets.map((s) => s.url)).toEqual(['ws://x/api/v1/ws?ticket=late-ticket']);
    realtime.stop();

    const signedOut = setUp(async () => null);
    signedOut.realtime.start();
    await vi.runAllTimersAsync();
    expect(signedOut.sockets).toHaveLength(0);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens nothing when stopped while the ticket was on its way', async () => {
    let deliver: (ticket: string) => void = () => {};
    const { realtime, sockets } = setUp(
      () => new Promise<string>((resolve) => (deliver = resolve)),
    );
    realtime.start();
    realtime.stop();
    deliver('too-late');
    await Promise.resolve();
    await Promise.resolve();
    expect(sockets).toHaveLength(0);
  });
});
