import type { AdminDashboard } from '@/types/api';

/** The example response of GET /api/v1/admin/dashboard, with optional changes. */
export function dashboardFixture(overrides: Partial<AdminDashboard> = {}): AdminDashboard {
  return {
    at: '2026-11-24T07:00:00Z',
    instance: { id: 'host-1234', role: 'all', started_at: '2026-11-24T06:00:00Z' },
    window_seconds: 10,
    requests: {
      per_second: 123.4,
      p50_ms: 3.2,
      p99_ms: 45.1,
      error_rate: 0.0012,
      client_error_rate: 0.03,
    },
    cache: { hit_rate: 0.87, hits: 1000, misses: 150 },
    db_pool: { active: 3, idle: 17, max: 20, pending: 0 },
    jobs: { lag_p99_ms: 850.0, lag_max_ms: 1200.0, executed: 12 },
    bookings_today: { created: 40, confirmed: 35, cancelled: 3 },
    payments: { succeeded: 35, failed: 0 },
    websocket: { connections: 4 },
    jvm: {
      heap_used_bytes: 123456789,
      heap_max_bytes: 1073741824,
      live_threads: 55,
      process_cpu: 0.41,
    },
    ...overrides,
  };
}

/** A snapshot before the server has any figures: every number null. */
export function emptyDashboardFixture(): AdminDashboard {
  return {
    at: '2026-11-24T06:00:01Z',
    instance: { id: 'host-1234', role: 'all', started_at: '2026-11-24T06:00:00Z' },
    window_seconds: null,
    requests: {
      per_second: null,
      p50_ms: null,
      p99_ms: null,
      error_rate: null,
      client_error_rate: null,
    },
    cache: { hit_rate: null, hits: null, misses: null },
    db_pool: { active: null, idle: null, max: null, pending: null },
    jobs: { lag_p99_ms: null, lag_max_ms: null, executed: null },
    bookings_today: { created: null, confirmed: null, cancelled: null },
    payments: { succeeded: null, failed: null },
    websocket: { connections: null },
    jvm: { heap_used_bytes: null, heap_max_bytes: null, live_threads: null, process_cpu: null },
  };
}
