// The page's memory guard for a check: the worker stops the search before the tab is in danger (one
// million states on a 512-slot setup peaked at 908 MB of renderer memory). The budget follows the
// device (navigator.deviceMemory, in GB, which browsers round and cap at 8) and the usage is estimated
// from the states stored, since a worker cannot measure its own heap with typed arrays included.

/** Renderer bytes a stored state costs on the page, measured (908 MB at 1,000,000 states), rounded up. */
export const PAGE_BYTES_PER_STATE = 1000;
const MB = 2 ** 20;
/** When the device does not say how much memory it has. */
export const UNKNOWN_DEVICE_BUDGET = 512 * MB;

/** A quarter of the device's memory, from 256 MB to 1 GB; 512 MB when the device does not say. */
export function pageMemoryBudget(deviceMemoryGb: number | undefined): number {
  if (deviceMemoryGb === undefined || !Number.isFinite(deviceMemoryGb) || deviceMemoryGb <= 0)
    return UNKNOWN_DEVICE_BUDGET;
  return Math.min(1024 * MB, Math.max(256 * MB, (deviceMemoryGb * 1024 * MB) / 4));
}

/** The search's footprint: the larger of the JS heap (where the browser reports it) and the estimate. */
export function estimatedUse(states: number, heapBytes: number | undefined): number {
  return Math.max(heapBytes ?? 0, states * PAGE_BYTES_PER_STATE);
}
