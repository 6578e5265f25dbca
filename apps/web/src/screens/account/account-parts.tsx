import type { ReactNode } from 'react';
import type { FieldError } from '../../components/error-summary';
import { Alert, Heading, Paragraph } from '../../components/nlds';

/*
 * What the Account screen's sections share: the section with its heading, and for its forms
 * their props, the problem at a field and the "saved" notice.
 */

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export interface FormProps {
  /** The page's current problems; each form shows those about its own fields. */
  errors: FieldError[];
  /** This form's change was just saved. */
  saved: boolean;
  onFailed: (errors: FieldError[]) => void;
  onSaved: () => void;
}

export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((error) => error.fieldId === field)?.message;

export function Saved({ show, message }: { show: boolean; message: string }) {
  // Read out by the announcer; shown here for everyone else.
  if (!show) return null;
  return (
    <Alert type="ok">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
