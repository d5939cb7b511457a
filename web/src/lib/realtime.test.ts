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

  it('connects with the token, delivers events, refreshes on 1008 and reconnects', async () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const events: unknown[] = [];
    let token = 'old';
    const refreshToken = vi.fn(async () => {
      token = 'new';
      return token;
    });
    const realtime = createRealtime({
      url: (t) => `ws://x/api/v1/ws?token=${t}`,
      getToken: () => token,
      refreshToken,
      onEvent: (e) => events.push(e),
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    });
    vi.stubGlobal('WebSocket', { OPEN: 1 });
    realtime.start();
    realtime.subscribe(['s1']);
    sockets[0]!.open();
    expect(sockets[0]!.url).toBe('ws://x/api/v1/ws?token=old');
    expect(sockets[0]!.sent).toEqual(['{"type":"subscribe","spot_ids":["s1"]}']);
    sockets[0]!.onmessage?.({
      data: '{"type":"new_review","data":{"review_id":"r","spot_id":"s1","rating":5},"at":"t"}',
    });
    expect(events).toHaveLength(1);

    sockets[0]!.onclose?.({ code: 1008 });
    await vi.runAllTimersAsync();
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(sockets[1]?.url).toBe('ws://x/api/v1/ws?token=new');
    realtime.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
});
