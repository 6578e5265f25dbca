import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { Textbox, type TextboxProps } from '@utrecht/textbox-react';
import { cx } from './nlds-class-names';

interface FieldFrame {
  /** The id of the control; the error summary links to it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: ReactNode;
}

/** Label, description and error message wired to the control (WCAG 1.3.1, 3.3.1). */
function Frame({
  id,
  label,
  description,
  errorMessage,
  children,
  type,
}: FieldFrame & { children: (describedBy: string | undefined) => ReactNode; type?: string }) {
  const descriptionId = `${id}-beschrijving`;
  const errorId = `${id}-fout`;
  const describedBy =
    [description ? descriptionId : '', errorMessage ? errorId : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <FormField invalid={Boolean(errorMessage)} type={type}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {errorMessage && (
        <FormFieldErrorMessage id={errorId} className="utrecht-form-field__error-message">
          {errorMessage}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children(describedBy)}</div>
    </FormField>
  );
}

export function TextField({
  id,
  label,
  description,
  errorMessage,
  ...input
}: FieldFrame & Omit<TextboxProps, 'id'>) {
  return (
    <Frame id={id} label={label} description={description} errorMessage={errorMessage} type="text">
      {(describedBy) => (
        <Textbox
          id={id}
          invalid={Boolean(errorMessage)}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </Frame>
  );
}

export function TextareaField({
  id,
  label,
  description,
  errorMessage,
  ...input
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <Frame
      id={id}
      label={label}
      description={description}
      errorMessage={errorMessage}
      type="textarea"
    >
      {(describedBy) => (
        <textarea
          id={id}
          className={cx(
            'utrecht-textarea',
            'utrecht-textarea--html-textarea',
            Boolean(errorMessage) && 'utrecht-textarea--invalid',
          )}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </Frame>
  );
}

export function SelectField({
  id,
  label,
  description,
  errorMessage,
  children,
  ...input
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <Frame
      id={id}
      label={label}
      description={description}
      errorMessage={errorMessage}
      type="select"
    >
      {(describedBy) => (
        <select
          id={id}
          className={cx(
            'utrecht-select',
            'utrecht-select--html-select',
            Boolean(errorMessage) && 'utrecht-select--invalid',
          )}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        >
          {children}
        </select>
      )}
    </Frame>
  );
}
