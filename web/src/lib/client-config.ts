import { useQuery } from '@tanstack/react-query';
import { env } from '@/config/env';
import { api, ApiError } from '@/lib/api-client';
import type { ClientConfig } from '@/types/api';

export interface ResolvedConfig {
  stripePublishableKey: string | undefined;
  googleClientId: string | undefined;
  facebookAppId: string | undefined;
  defaultCurrency: string;
  tileUrl: string;
  tileAttribution: string;
  /** The cancellation policy in one sentence (shown before booking and before cancelling). */
  cancellationPolicy: string | undefined;
}

function resolve(server: ClientConfig | undefined): ResolvedConfig {
  return {
    stripePublishableKey: server?.stripe_publishable_key || env.stripePublishableKey,
    googleClientId: server?.google_client_id || env.googleClientId,
    facebookAppId: server?.facebook_app_id || env.facebookAppId,
    defaultCurrency: (server?.default_currency || env.defaultCurrency).toLowerCase(),
    tileUrl: server?.tile_url || env.tileUrl,
    tileAttribution: server?.tile_attribution || env.tileAttribution,
    cancellationPolicy: server?.cancellation_policy?.text || undefined,
  };
}

/** Public configuration: GET /api/v1/config when the backend has it, build-time env otherwise. */
export function useClientConfig(): ResolvedConfig {
  const query = useQuery({
    queryKey: ['client-config'],
    queryFn: async () => {
      try {
        return await api.get<ClientConfig>('/config', { anonymous: true });
      } catch (error) {
        if (error instanceof ApiError) return {};
        throw error;
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  return resolve(query.data);
}
