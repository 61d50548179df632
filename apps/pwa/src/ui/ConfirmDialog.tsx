// A modal confirmation built on <dialog>: the browser traps focus, Escape dismisses,
// and focus returns to the button that opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  dismissLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
  /** Extra controls between the text and the buttons (e.g. an option of the action). */
  children?: ReactNode;
}

export function ConfirmDialog({ open, title, body, confirmLabel, dismissLabel, danger, busy, onConfirm, onDismiss, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={bodyId}>{body}</p>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onDismiss} autoFocus>
          {dismissLabel}
        </button>
        <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
