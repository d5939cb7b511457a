import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface Vehicle {
  plate: string;
  make: string;
  model: string;
  color: string;
}

interface VehicleState {
  last: Vehicle;
  remember: (vehicle: Vehicle) => void;
}

/** The last vehicle used to book, so the next booking is one tap. */
export const useVehicleStore = create<VehicleState>()(
  persist(
    (set) => ({
      last: { plate: '', make: '', model: '', color: '' },
      remember: (vehicle) => set({ last: vehicle }),
    }),
    { name: 'parkingspots.vehicle', storage: createJSONStorage(() => localStorage) },
  ),
);
