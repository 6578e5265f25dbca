import { type FocusEvent, useState } from 'react';
import { useAnnounce } from './announcer';
import { Button, Paragraph, TextField } from './nlds';

interface CopyMessages {
  /** Said after a copy that worked. */
  copied: string;
  /** Said when the clipboard refused: the value is selected instead. */
  copyFailed: string;
}

/** The props a read-only field to copy from gets; spread them on the `TextField`. */
interface CopyFieldInput {
  id: string;
  value: string;
  readOnly: true;
  autoComplete: 'off';
  spellCheck: false;
  onFocus: (event: FocusEvent<HTMLInputElement>) => void;
}

/**
 * Copying a read-only field's value to the clipboard. Without a clipboard (an insecure origin,
 * a refused permission) the field is focused with its text selected, so that Ctrl+C copies it.
 * Either outcome is announced to screen readers (WCAG 4.1.3).
 */
export function useCopyField({
  id,
  value,
  copied,
  copyFailed,
}: { id: string; value: string } & CopyMessages) {
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
      announce(copied);
    } catch {
      setOutcome('failed');
      announce(copyFailed);
      const field = document.getElementById(id) as HTMLInputElement | null;
      field?.focus();
      field?.select();
    }
  }
  const field: CopyFieldInput = {
    id,
    value,
    readOnly: true,
    autoComplete: 'off',
    spellCheck: false,
    onFocus: (event) => event.target.select(),
  };
  return {
    field,
    copy: () => void copy(),
    /** The last copy's message, for a screen that also writes it out; null before the first. */
    outcome: outcome && (outcome === 'copied' ? copied : copyFailed),
  };
}

/** A read-only field with a copy button beside it. */
export function CopyField({
  id,
  label,
  description,
  value,
  copyLabel,
  copied,
  copyFailed,
  appearance = 'secondary-action-button',
  showOutcome = false,
  onCopy,
  className = 'sbt-copy-field',
}: CopyMessages & {
  id: string;
  label: string;
  description?: string;
  value: string;
  /** The button's text. */
  copyLabel: string;
  /** Primary where copying is the task at hand, such as a secret shown only once. */
  appearance?: 'primary-action-button' | 'secondary-action-button';
  /** Also write the outcome under the field, not only announce it. */
  showOutcome?: boolean;
  /** Runs before each copy, e.g. to clear a message about something else. */
  onCopy?: () => void;
  /** The row's layout: `sbt-copy-field` lets the field take the whole row. */
  className?: string;
}) {
  const { field, copy, outcome } = useCopyField({ id, value, copied, copyFailed });
  return (
    <>
      <div className={`sbt-row ${className}`}>
        <TextField {...field} label={label} description={description} />
        <Button
          appearance={appearance}
          onClick={() => {
            onCopy?.();
            copy();
          }}
        >
          {copyLabel}
        </Button>
      </div>
      {showOutcome && outcome && <Paragraph>{outcome}</Paragraph>}
    </>
  );
}
