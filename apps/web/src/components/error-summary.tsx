import { useEffect, useRef } from 'react';
import { Alert, Heading, Link, UnorderedList, UnorderedListItem } from './nlds';
import { useT } from '../i18n';

export interface FieldError {
  /** The id of the field the message is about; the link moves focus there. */
  fieldId?: string;
  message: string;
}

/** The design system's form fields carry the id on their wrapper: focus the control inside. */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  const control = element?.matches('input, select, textarea')
    ? element
    : element?.querySelector<HTMLElement>('input, select, textarea');
  (control ?? element)?.focus();
}

/**
 * The error summary of the NL Design System / GOV.UK form pattern: on top of the form, taking
 * focus when it appears, with a link to each field in error.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} aria-labelledby="error-summary-title" role="alert">
      <Alert type="error">
        <Heading level={2} id="error-summary-title">
          {t.errors.summaryTitle}
        </Heading>
        <UnorderedList>
          {errors.map((error) => (
            <UnorderedListItem key={`${error.fieldId ?? ''}:${error.message}`}>
              {error.fieldId ? (
                <Link
                  href={`#${error.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(error.fieldId!);
                  }}
                >
                  {error.message}
                </Link>
              ) : (
                error.message
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}
