// What the intervention form holds and how it becomes an API request. Inputs are named after
// the API fields so that validation errors from the API land next to the right input.
// startsAt/endsAt hold wall-clock values (`YYYY-MM-DDTHH:mm`) in the form's time zone.
import type { CreateInterventionRequest, Intervention, UpdateInterventionRequest } from '@fs/contracts';
import { isoToZonedLocal, zonedLocalToIso } from './date-time';

export interface InterventionFormValues {
  title: string;
  description: string;
  clientName: string;
  clientPhone: string;
  address: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  technicianId: string;
}

/** A new intervention defaults to tomorrow 09:00-10:00 on the creator's clock. */
export function newFormValues(timeZone: string, technicianId: string, now: Date): InterventionFormValues {
  const tomorrow = isoToZonedLocal(new Date(now.getTime() + 24 * 3600 * 1000).toISOString(), timeZone).slice(0, 10);
  return {
    title: '',
    description: '',
    clientName: '',
    clientPhone: '',
    address: '',
    startsAt: `${tomorrow}T09:00`,
    endsAt: `${tomorrow}T10:00`,
    timeZone,
    technicianId,
  };
}

export function formValuesFrom(intervention: Intervention): InterventionFormValues {
  const { title, description, clientName, clientPhone, address, timeZone, technicianId } = intervention;
  return {
    title,
    description,
    clientName,
    clientPhone,
    address,
    startsAt: isoToZonedLocal(intervention.startsAt, timeZone),
    endsAt: isoToZonedLocal(intervention.endsAt, timeZone),
    timeZone,
    // Unassigned: the form asks for a technician (the API names the field if none is chosen).
    technicianId: technicianId ?? '',
  };
}

/** An unreadable date is sent as '' so the API names the field, in one place for all rules. */
function instant(local: string, timeZone: string): string {
  return zonedLocalToIso(local, timeZone) ?? '';
}

export function toCreateRequest(values: InterventionFormValues): CreateInterventionRequest {
  return {
    title: values.title,
    description: values.description,
    clientName: values.clientName,
    clientPhone: values.clientPhone,
    address: values.address,
    startsAt: instant(values.startsAt, values.timeZone),
    endsAt: instant(values.endsAt, values.timeZone),
    timeZone: values.timeZone,
    technicianId: values.technicianId,
  };
}

/** Only what changed, so an edit does not overwrite fields someone else changed meanwhile. */
export function toUpdateRequest(values: InterventionFormValues, original: Intervention): UpdateInterventionRequest {
  const next = toCreateRequest(values);
  const request: UpdateInterventionRequest = {};
  const textFields = ['title', 'description', 'clientName', 'clientPhone', 'address', 'timeZone', 'technicianId'] as const;
  for (const field of textFields) {
    if (next[field] !== original[field]) request[field] = next[field];
  }
  // Compare instants: the same moment may be written with another offset.
  const sameInstant = (a: string, b: string) => a !== '' && Date.parse(a) === Date.parse(b);
  const retimed = !sameInstant(next.startsAt, original.startsAt) || !sameInstant(next.endsAt, original.endsAt);
  if (retimed) {
    request.startsAt = next.startsAt;
    request.endsAt = next.endsAt;
  }
  return request;
}

export function toRescheduleRequest(startsAt: string, endsAt: string, timeZone: string): UpdateInterventionRequest {
  return { startsAt: instant(startsAt, timeZone), endsAt: instant(endsAt, timeZone) };
}
