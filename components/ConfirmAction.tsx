import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface ConfirmActionProps {
  /** The button's visible text. */
  label: string;
  /** Its accessible name when the visible text alone is ambiguous (one per table row); contains `label`. */
  accessibleLabel?: string;
  /** Asked in the page before anything is done. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  disabled?: boolean;
  /** `describedBy` for the button, when a note explains why it is disabled. */
  describedBy?: string;
  /**
   * Does the thing and reports its own errors. Resolves to true when it was
   * done (the caller then moves focus where it belongs: this component may be
   * about to leave the page), false when it failed (focus comes back here).
   */
  onConfirm: () => Promise<boolean>;
  testId?: string;
}

/**
 * A button for an action that cannot be undone: pressing it asks the question
 * in place, with the confirming button and a cancel button (which takes focus,
 * so two presses of Enter do not destroy anything). Escape cancels, and focus
 * comes back to the button.
 */
export function ConfirmAction(props: ConfirmActionProps) {
  const [stage, setStage] = useState<'idle' | 'asking' | 'working'>('idle');
  const questionId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  /** Set when the question is dismissed, so focus goes back to the button it replaced. */
  const refocus = useRef(false);

  // Before the next paint, so a key pressed right away goes to the right button.
  useLayoutEffect(() => {
    if (stage === 'asking') cancel.current?.focus();
    if (stage === 'idle' && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [stage]);

  const dismiss = () => {
    refocus.current = true;
    setStage('idle');
  };

  if (stage === 'idle') {
    return (
      <button
        ref={trigger}
        type="button"
        class="danger-outline"
        disabled={props.disabled}
        aria-label={props.accessibleLabel}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        onClick={() => setStage('asking')}
      >
        {props.label}
      </button>
    );
  }

  return (
    <span
      class="confirm"
      role="group"
      aria-labelledby={questionId}
      data-testid={props.testId && `${props.testId}-confirm`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && stage === 'asking') {
          e.preventDefault();
          dismiss();
        }
      }}
    >
      <span id={questionId} class="question">
        {props.question}
      </span>{' '}
      <button
        type="button"
        class="danger"
        disabled={stage === 'working'}
        onClick={() => {
          setStage('working');
          void props.onConfirm().then(
            (done) => {
              refocus.current = !done;
              setStage('idle');
            },
            () => dismiss(),
          );
        }}
      >
        {props.confirmLabel}
      </button>{' '}
      <button ref={cancel} type="button" disabled={stage === 'working'} onClick={dismiss}>
        {props.cancelLabel}
      </button>
    </span>
  );
}
