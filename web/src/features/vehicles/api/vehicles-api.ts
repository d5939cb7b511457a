import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MessageResponse, Vehicle, VehicleInput } from '@/types/api';

export const vehicleKeys = { mine: ['vehicles', 'mine'] as const };

export function useVehicles(enabled = true) {
  return useQuery({
    queryKey: vehicleKeys.mine,
    queryFn: ({ signal }) => api.get<Vehicle[]>('/users/me/vehicles', { signal }),
    enabled,
  });
}

type Change =
  | { kind: 'add'; input: VehicleInput }
  | { kind: 'update'; id: string; input: VehicleInput }
  | { kind: 'remove'; id: string };

export function useVehicleChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change): Promise<Vehicle | MessageResponse> => {
      switch (change.kind) {
        case 'add':
          return api.post<Vehicle>('/users/me/vehicles', change.input);
        case 'update':
          return api.put<Vehicle>(`/users/me/vehicles/${change.id}`, change.input);
        case 'remove':
          return api.delete<MessageResponse>(`/users/me/vehicles/${change.id}`);
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vehicleKeys.mine }),
  });
}

/** "AB-1234 · Red Toyota Yaris" */
export function vehicleLabel(v: Pick<Vehicle, 'plate' | 'make' | 'model' | 'color'>): string {
  const rest = [v.color, v.make, v.model].filter(Boolean).join(' ');
  return rest ? `${v.plate} · ${rest}` : v.plate;
}
