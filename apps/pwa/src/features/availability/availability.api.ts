// GET /technicians/:id/busy with its query factory: a technician's busy blocks (times only)
// and when they were last read from their calendars.
import { queryOptions } from '@tanstack/react-query';
import { BUSY_REFRESHED_AT_HEADER, type BusyBlock, type TechnicianBusyEntry } from '@fs/contracts';
import { apiRequest, apiResponse } from '../../api/http';

export interface TechnicianBusy {
  blocks: BusyBlock[];
  /** Null when nothing is known of this technician's calendars (none shared, or not read yet). */
  refreshedAt: string | null;
}

export async function getBusy(technicianId: string, from: string, to: string): Promise<TechnicianBusy> {
  const { body, headers } = await apiResponse<BusyBlock[]>(`/technicians/${encodeURIComponent(technicianId)}/busy`, { query: { from, to } });
  return { blocks: body, refreshedAt: headers.get(BUSY_REFRESHED_AT_HEADER) };
}

export function busyQuery(technicianId: string, from: string, to: string) {
  return queryOptions({
    queryKey: ['availability', technicianId, from, to] as const,
    queryFn: () => getBusy(technicianId, from, to),
    // The server reads calendars every few minutes; a minute here keeps the form current.
    staleTime: 60_000,
  });
}

/** GET /technicians/busy: every technician's blocks over a slot (dispatch and admin only). */
export function everyoneBusyQuery(from: string, to: string) {
  return queryOptions({
    queryKey: ['availability', 'everyone', from, to] as const,
    queryFn: () => apiRequest<TechnicianBusyEntry[]>('/technicians/busy', { query: { from, to } }),
    staleTime: 60_000,
  });
}
