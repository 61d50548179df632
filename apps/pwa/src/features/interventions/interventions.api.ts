// Calls to /interventions and /technicians, with the query factories that cache them.
import { queryOptions } from '@tanstack/react-query';
import type {
  CreateInterventionRequest,
  Intervention,
  InterventionStatus,
  Technician,
  UpdateInterventionRequest,
} from '@fs/contracts';
import { apiRequest } from '../../api/http';
import { LIST_REFRESH_MS } from '../../app/live-refresh';

export interface InterventionFilters {
  technicianId?: string;
  status?: InterventionStatus;
}

export const interventionKeys = {
  all: ['interventions'] as const,
  list: (filters: InterventionFilters) => ['interventions', 'list', filters] as const,
  detail: (id: string) => ['interventions', 'detail', id] as const,
  technicians: ['technicians'] as const,
};

export function listInterventions(filters: InterventionFilters): Promise<Intervention[]> {
  return apiRequest<Intervention[]>('/interventions', { query: { technicianId: filters.technicianId, status: filters.status } });
}

export function getIntervention(id: string): Promise<Intervention> {
  return apiRequest<Intervention>(`/interventions/${encodeURIComponent(id)}`);
}

export function createIntervention(request: CreateInterventionRequest): Promise<Intervention> {
  return apiRequest<Intervention>('/interventions', { method: 'POST', body: request });
}

export function updateIntervention(id: string, request: UpdateInterventionRequest): Promise<Intervention> {
  return apiRequest<Intervention>(`/interventions/${encodeURIComponent(id)}`, { method: 'PATCH', body: request });
}

export function cancelIntervention(id: string): Promise<Intervention> {
  return apiRequest<Intervention>(`/interventions/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}

export function deleteIntervention(id: string): Promise<void> {
  return apiRequest<void>(`/interventions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Sends the intervention again to each calendar of its technician (the "retry" of a failed badge). */
export function retryInterventionSync(id: string): Promise<Intervention> {
  return apiRequest<Intervention>(`/interventions/${encodeURIComponent(id)}/sync/retry`, { method: 'POST' });
}

export function listTechnicians(): Promise<Technician[]> {
  return apiRequest<Technician[]>('/technicians');
}

export function interventionsQuery(filters: InterventionFilters) {
  // Polled while visible: sync badges change without anyone touching the intervention.
  return queryOptions({ queryKey: interventionKeys.list(filters), queryFn: () => listInterventions(filters), refetchInterval: LIST_REFRESH_MS, refetchOnWindowFocus: 'always' });
}

export function interventionQuery(id: string) {
  return queryOptions({ queryKey: interventionKeys.detail(id), queryFn: () => getIntervention(id) });
}

export function techniciansQuery() {
  return queryOptions({ queryKey: interventionKeys.technicians, queryFn: listTechnicians, staleTime: 5 * 60 * 1000 });
}
