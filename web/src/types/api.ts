// Shapes of the ParkingSpots API (/api/v1), snake_case as on the wire. Money is integer minor units.

export type Role = 'owner' | 'renter' | 'admin';
export type SpotType = 'indoor' | 'outdoor' | 'covered' | 'garage' | 'driveway' | 'lot';
export type VehicleSize = 'motorcycle' | 'compact' | 'standard' | 'large' | 'oversized';
export type BookingStatus =
  'pending' | 'confirmed' | 'in_progress' | 'completed' | 'cancelled' | 'refunded';

export const SPOT_TYPES: readonly SpotType[] = [
  'indoor',
  'outdoor',
  'covered',
  'garage',
  'driveway',
  'lot',
];
export const VEHICLE_SIZES: readonly VehicleSize[] = [
  'motorcycle',
  'compact',
  'standard',
  'large',
  'oversized',
];
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface User {
  id: string;
  email: string;
  full_name: string;
  phone_number: string | null;
  role: Role;
  is_active: boolean;
  is_verified: boolean;
  profile_image: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: string;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
}

export interface OAuthResult extends TokenPair {
  user: Pick<User, 'id' | 'email' | 'full_name' | 'role' | 'profile_image' | 'is_verified'>;
}

export interface DayHours {
  open: string;
  close: string;
}
/** Weekly schedule. A day set to null is closed; a missing day is unknown; "24h" means open all day. */
export type OperatingHours = Partial<Record<Weekday, DayHours | null | '24h' | string>> | '24h';

export interface SpotListItem {
  id: string;
  title: string;
  address: string;
  city: string;
  state?: string;
  prefecture?: string;
  latitude: number;
  longitude: number;
  hourly_rate: number;
  daily_rate?: number | null;
  currency?: string;
  spot_type: SpotType;
  vehicle_size?: VehicleSize;
  is_available: boolean;
  average_rating: number;
  total_reviews: number;
  images: string[];
  distance_km: number | null;
  is_covered?: boolean;
  has_ev_charging?: boolean;
  has_security?: boolean;
  has_lighting?: boolean;
  is_handicap_accessible?: boolean;
  /** Whether the signed-in caller keeps this spot in their favourites (false when anonymous). */
  is_favorite?: boolean;
}

export interface Spot {
  id: string;
  owner_id: string;
  title: string;
  description: string | null;
  spot_type: SpotType;
  vehicle_size: VehicleSize;
  address: string;
  city: string;
  state?: string;
  prefecture?: string;
  zip_code: string;
  country: string;
  latitude: number;
  longitude: number;
  hourly_rate: number;
  daily_rate: number | null;
  monthly_rate: number | null;
  currency?: string;
  time_zone?: string;
  is_covered: boolean;
  has_ev_charging: boolean;
  has_security: boolean;
  has_lighting: boolean;
  is_handicap_accessible: boolean;
  access_instructions: string | null;
  operating_hours: OperatingHours | null;
  images: string[];
  is_active: boolean;
  is_available: boolean;
  total_bookings: number;
  average_rating: number;
  total_reviews: number;
  created_at: string;
  updated_at: string;
}

export interface SpotInput {
  title: string;
  description?: string | null;
  spot_type: SpotType;
  vehicle_size: VehicleSize;
  address: string;
  city: string;
  prefecture: string;
  state: string;
  zip_code: string;
  country: string;
  latitude: number;
  longitude: number;
  hourly_rate: number;
  daily_rate: number | null;
  monthly_rate: number | null;
  currency?: string;
  time_zone?: string;
  is_covered: boolean;
  has_ev_charging: boolean;
  has_security: boolean;
  has_lighting: boolean;
  is_handicap_accessible: boolean;
  access_instructions: string | null;
  operating_hours: OperatingHours | null;
  is_active?: boolean;
  is_available?: boolean;
}

export interface AvailabilitySlot {
  id: string;
  parking_spot_id: string;
  day_of_week: number | null;
  specific_date: string | null;
  start_time: string;
  end_time: string;
  is_available: boolean;
}

export interface SpotInBooking {
  id: string;
  title: string;
  address: string;
  city: string;
  state?: string;
  prefecture?: string;
  currency?: string;
  time_zone?: string;
  latitude?: number;
  longitude?: number;
  access_instructions?: string | null;
}

export interface Booking {
  id: string;
  user_id: string;
  parking_spot_id: string;
  start_time: string;
  end_time: string;
  status: BookingStatus;
  total_amount: number;
  service_fee: number;
  owner_payout: number;
  currency?: string;
  payment_intent_id: string | null;
  payment_status: string;
  vehicle_plate: string | null;
  vehicle_make: string | null;
  vehicle_model: string | null;
  vehicle_color: string | null;
  special_requests: string | null;
  checked_in_at: string | null;
  checked_out_at: string | null;
  cancellation_reason?: string | null;
  created_at: string;
  updated_at: string;
  parking_spot?: SpotInBooking;
  subtotal?: number;
  /** When check-in opens (15 minutes before the start by default). */
  check_in_opens_at?: string;
  /** An extension waiting for its payment (Stripe). */
  pending_extension?: {
    id: string;
    new_end_time: string;
    total_amount: number;
    currency: string;
    hold_expires_at: string | null;
  } | null;
  /** The driver's display name, on the owner's list of bookings on their spots. */
  driver_name?: string | null;
}

export interface Extension {
  id: string;
  status: 'pending' | 'confirmed' | 'expired' | 'cancelled';
  previous_end_time: string;
  new_end_time: string;
  subtotal: number;
  service_fee: number;
  total_amount: number;
  currency: string;
  payment_status: string;
  hold_expires_at: string | null;
  created_at: string;
}

export interface ExtendResult {
  booking: Booking;
  extension: Extension;
}

/** GET /bookings/{id}/pass: what the driver shows at the gate. */
export interface Pass {
  booking_id: string;
  status: BookingStatus;
  code: string;
  qr_text: string;
  qr_svg: string;
  valid_from: string;
  valid_until: string;
  spot: {
    id: string;
    title: string;
    address: string;
    city: string;
    latitude: number;
    longitude: number;
    time_zone: string;
    access_instructions: string | null;
  };
  vehicle_plate: string | null;
  vehicle_make: string | null;
  vehicle_model: string | null;
  vehicle_color: string | null;
}

export type PassReason = 'not_this_spot' | 'not_started' | 'ended' | 'cancelled' | 'unknown';

export interface PassVerification {
  valid: boolean;
  booking_id: string | null;
  vehicle_plate: string | null;
  valid_from: string | null;
  valid_until: string | null;
  reason: PassReason | null;
}

export interface RefundQuote {
  booking_id: string;
  cancellable: boolean;
  tier: 'full' | 'partial' | 'none';
  refund_amount: number;
  paid_amount: number;
  already_refunded: number;
  currency: string;
  full_refund_until: string;
  partial_refund_until: string;
  policy: string;
  as_of: string;
}

export interface ReceiptLineItem {
  description: string;
  amount: number;
}

export interface Receipt {
  receipt_number: string;
  issued_at: string;
  booking_id: string;
  booking_status: BookingStatus;
  currency: string;
  platform: { name: string };
  owner: { name: string };
  billed_to: { name: string };
  spot: { id: string; title: string; address: string; city: string; time_zone: string };
  start_time: string;
  end_time: string;
  payments: {
    id: string;
    kind: 'booking' | 'extension';
    extension_id: string | null;
    period_start: string;
    period_end: string;
    line_items: ReceiptLineItem[];
    subtotal: number;
    service_fee: number;
    amount: number;
    status: string;
    method: string;
    card_brand: string | null;
    last_four: string | null;
    paid_at: string | null;
  }[];
  refunds: {
    id: string;
    payment_id: string;
    amount: number;
    status: string;
    reason: string | null;
    created_at: string;
    updated_at: string;
  }[];
  totals: { subtotal: number; service_fee: number; paid: number; refunded: number; net: number };
}

export interface Vehicle {
  id: string;
  plate: string;
  make: string | null;
  model: string | null;
  color: string | null;
  is_default: boolean;
  created_at: string;
}

export interface VehicleInput {
  plate?: string;
  make?: string | null;
  model?: string | null;
  color?: string | null;
  is_default?: boolean;
}

export interface BookingInput {
  parking_spot_id: string;
  start_time: string;
  end_time: string;
  vehicle_plate?: string | null;
  vehicle_make?: string | null;
  vehicle_model?: string | null;
  vehicle_color?: string | null;
  special_requests?: string | null;
  vehicle_id?: string | null;
}

export interface BookingPrice {
  subtotal: number;
  service_fee: number;
  total: number;
  owner_payout: number;
  duration_hours: number;
}

export interface Review {
  id: string;
  booking_id: string;
  parking_spot_id: string;
  reviewer_id: string;
  overall_rating: number;
  cleanliness_rating: number | null;
  accessibility_rating: number | null;
  accuracy_rating: number | null;
  value_rating: number | null;
  title: string | null;
  comment: string | null;
  owner_response: string | null;
  owner_responded_at: string | null;
  helpful_count: number;
  created_at: string;
  updated_at: string;
  reviewer_name?: string;
  reviewer_image?: string | null;
  reviewer?: { full_name: string; profile_image: string | null };
  /** Only on the owner's list of reviews across their spots. */
  parking_spot_title?: string | null;
}

export interface ReviewSummary {
  average_rating: number;
  total_reviews: number;
  rating_breakdown: Record<'1' | '2' | '3' | '4' | '5', number>;
  average_cleanliness: number | null;
  average_accessibility: number | null;
  average_accuracy: number | null;
  average_value: number | null;
}

export interface PaymentIntent {
  client_secret: string;
  payment_intent_id: string;
  amount: number;
  currency: string;
}

export interface Payout {
  id: string;
  owner_id: string;
  booking_id: string | null;
  amount: number;
  currency: string;
  status: 'pending' | 'processing' | 'paid' | 'failed';
  processed_at: string | null;
  created_at: string;
}

export interface PayoutSummary {
  total_earnings: number;
  pending_payouts: number;
  completed_payouts: number;
  this_month_earnings: number;
  currency?: string;
}

export interface ConnectAccount {
  account_id: string;
  onboarding_url: string;
}

/** Public client configuration (GET /api/v1/config, proposed). Every member is optional. */
export interface ClientConfig {
  stripe_publishable_key?: string | null;
  google_client_id?: string | null;
  facebook_app_id?: string | null;
  payment_provider?: 'offline' | 'stripe';
  default_currency?: string;
  tile_url?: string | null;
  tile_attribution?: string | null;
  cancellation_policy?: {
    full_refund_before_minutes: number;
    partial_refund_percent: number;
    text: string;
  } | null;
}

/** POST /api/v1/ws/ticket: opens one WebSocket connection within `expires_in` seconds. */
export interface WsTicket {
  ticket: string;
  expires_in: number;
}

export type RealtimeEvent =
  | { type: 'booking_update'; data: { booking_id: string; status: BookingStatus }; at: string }
  | { type: 'new_booking'; data: { booking_id: string; spot_id: string }; at: string }
  | { type: 'new_review'; data: { review_id: string; spot_id: string; rating: number }; at: string }
  | { type: 'spot_availability'; data: { spot_id: string; is_available: boolean }; at: string }
  | NotificationEvent;

export interface MessageResponse {
  message: string;
}

/**
 * Live operational figures (GET /api/v1/admin/dashboard, admins only). Every number may be null when
 * there is no data yet. `requests` and `cache` cover the last `window_seconds` on the instance that
 * answered; `bookings_today` is cluster-wide; `payments` counts since the instance started.
 */
export interface AdminDashboard {
  at: string;
  instance: { id: string; role: string; started_at: string | null };
  window_seconds: number | null;
  requests: {
    per_second: number | null;
    p50_ms: number | null;
    p99_ms: number | null;
    error_rate: number | null;
    client_error_rate: number | null;
  };
  cache: { hit_rate: number | null; hits: number | null; misses: number | null };
  db_pool: {
    active: number | null;
    idle: number | null;
    max: number | null;
    pending: number | null;
  };
  jobs: { lag_p99_ms: number | null; lag_max_ms: number | null; executed: number | null };
  bookings_today: { created: number | null; confirmed: number | null; cancelled: number | null };
  payments: { succeeded: number | null; failed: number | null };
  websocket: { connections: number | null };
  jvm: {
    heap_used_bytes: number | null;
    heap_max_bytes: number | null;
    live_threads: number | null;
    process_cpu: number | null;
  };
}

/** One row of the in-app inbox (GET /api/v1/notifications). */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  booking_id: string | null;
  created_at: string;
  read_at: string | null;
  is_read: boolean;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  unread_count: number;
  skip: number;
  limit: number;
}

export interface NotificationPreference {
  kind: string;
  email: boolean;
  push: boolean;
  in_app: boolean;
}

/** A message of a booking's conversation between its driver and the spot's owner. */
export interface BookingMessage {
  id: string;
  booking_id: string;
  sender_id: string;
  sender_name: string;
  sender_role: 'driver' | 'owner';
  body: string;
  created_at: string;
}

/** Frames the server sends besides the spec's four: inbox rows and conversation messages. */
export type NotificationEvent =
  | { type: 'notification'; data: AppNotification & { unread_count: number }; at: string }
  | { type: 'message'; data: BookingMessage; at: string };
