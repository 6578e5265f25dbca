import { type ReactNode, useId } from 'react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react';
import { RadioButton } from '@utrecht/radio-button-react';
import { Checkbox } from '@utrecht/checkbox-react';

export interface Choice {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

/** A group of radio buttons with its legend: one choice of a few (GOV.UK radios). */
export function RadioGroupField(props: {
  id: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  errorMessage?: ReactNode;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
}) {
  const errorId = `${props.id}-fout`;
  const descriptionId = `${props.id}-beschrijving`;
  const describedBy =
    [props.description ? descriptionId : '', props.errorMessage ? errorId : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <Fieldset id={props.id} invalid={Boolean(props.errorMessage)} aria-describedby={describedBy}>
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.description && (
        <FormFieldDescription id={descriptionId}>{props.description}</FormFieldDescription>
      )}
      {props.errorMessage && (
        <FormFieldErrorMessage id={errorId}>{props.errorMessage}</FormFieldErrorMessage>
      )}
      {props.choices.map((choice) => {
        const inputId = `${props.id}-${choice.value || 'geen'}`;
        return (
          <FormField key={choice.value} type="radio">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={inputId}
                name={props.name}
                value={choice.value}
                checked={props.value === choice.value}
                invalid={Boolean(props.errorMessage)}
                onChange={() => props.onChange(choice.value)}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={inputId} type="radio">
                {choice.label}
              </FormLabel>
            </div>
            {choice.description && (
              <FormFieldDescription className="utrecht-form-field__description">
                {choice.description}
              </FormFieldDescription>
            )}
          </FormField>
        );
      })}
    </Fieldset>
  );
}

export function CheckboxField(props: {
  id?: string;
  label: ReactNode;
  /** What choosing it means, read out with the checkbox (WCAG 1.3.1). */
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const descriptionId = `${id}-beschrijving`;
  return (
    <FormField type="checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={props.name}
          checked={props.checked}
          aria-describedby={props.description ? descriptionId : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">
          {props.label}
        </FormLabel>
      </div>
      {props.description && (
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {props.description}
        </FormFieldDescription>
      )}
    </FormField>
  );
}

/**
 * A group of checkboxes with its legend (GOV.UK checkboxes): several choices of a few, or
 * a filtered list of many. The children are `CheckboxField`s and whatever helps choosing.
 */
export function CheckboxGroupField(props: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  errorMessage?: ReactNode;
  children: ReactNode;
}) {
  const errorId = `${props.id}-fout`;
  const descriptionId = `${props.id}-beschrijving`;
  const describedBy =
    [props.description ? descriptionId : '', props.errorMessage ? errorId : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <Fieldset id={props.id} invalid={Boolean(props.errorMessage)} aria-describedby={describedBy}>
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.description && (
        <FormFieldDescription id={descriptionId}>{props.description}</FormFieldDescription>
      )}
      {props.errorMessage && (
        <FormFieldErrorMessage id={errorId}>{props.errorMessage}</FormFieldErrorMessage>
      )}
      {props.children}
    </Fieldset>
  );
}

/**
 * A group of fields of any kind with its legend (the design system's fieldset): the same
 * frame as the checkbox group, for rows of selects and buttons (the partners of an action).
 */
export const FieldGroup = CheckboxGroupField;
