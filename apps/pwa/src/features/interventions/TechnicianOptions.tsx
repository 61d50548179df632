// The <option>s of every technician picker (form, reassign, filter): one place for how a
// technician is named in a list.
import type { Technician } from '@fs/contracts';

export function TechnicianOptions({ technicians }: { technicians: Technician[] }) {
  return (
    <>
      {technicians.map((technician) => (
        <option key={technician.id} value={technician.id}>
          {technician.name}
        </option>
      ))}
    </>
  );
}
