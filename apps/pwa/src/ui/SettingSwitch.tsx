// An on/off setting that acts at once (a switch, not a form field): it shows the requested
// position while the API confirms it, says when it is busy, and shows the API's refusal.
import { useId, type ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/** What the switch needs of a react-query mutation taking the new position. */
export interface SwitchMutation {
  isPending: boolean;
  variables: boolean | undefined;
  isError: boolean;
  error: unknown;
  mutate: (next: boolean, options: { onSuccess: () => void }) => void;
}

interface Props {
  label: string;
  /** The position the server holds. */
  on: boolean;
  mutation: SwitchMutation;
  onChanged: (on: boolean) => void;
  /** Unavailable for a reason the hint gives (not while saving: see below). */
  disabled?: boolean;
  hint?: ReactNode;
  testId?: string;
  /** Shown under the hint (a warning about the setting). */
  children?: ReactNode;
}

export function SettingSwitch({ label, on, mutation, onChanged, disabled = false, hint, testId, children }: Props) {
  const id = useId();
  const checked = mutation.isPending && mutation.variables !== undefined ? mutation.variables : on;
  return (
    <div className="switch-field" data-testid={testId}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        // Never disabled while saving: a disabled control loses keyboard focus (to the page's
        // top). It says it is busy and ignores further flips until the API answers.
        disabled={disabled}
        aria-busy={mutation.isPending}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          if (mutation.isPending) return;
          const next = event.target.checked;
          mutation.mutate(next, { onSuccess: () => onChanged(next) });
        }}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint switch-hint">
          {hint}
        </p>
      )}
      {children}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </div>
  );
}
