/**
 * The NL Design System components the app uses, from one place. React components come from
 * the per-component packages of the NL Design System candidates and the Utrecht library;
 * the look is the Rijkshuisstijl Community's (its CSS and design tokens, loaded in main.tsx).
 * Where no per-component React package exists (select, textarea, table, alert, lists, data
 * list) the design system's own CSS components are applied to the native HTML element, as
 * the design system documents them. README "Web app" argues why not the all-in-one
 * `@rijkshuisstijl-community/components-react` package: it injects its CSS at run time
 * (blocked by our CSP) and is not tree-shakeable (+124 kB gzipped for two components).
 */
import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { Textbox, type TextboxProps } from '@utrecht/textbox-react';
import { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react';
import { RadioButton } from '@utrecht/radio-button-react';
import { Checkbox } from '@utrecht/checkbox-react';

export { Button } from '@utrecht/button-react';
export { Heading } from '@nl-design-system-candidate/heading-react';
export { Paragraph } from '@nl-design-system-candidate/paragraph-react';
export { Link } from '@nl-design-system-candidate/link-react';
export { SkipLink } from '@nl-design-system-candidate/skip-link-react';
export { NumberBadge } from '@nl-design-system-candidate/number-badge-react';

const cx = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(' ');

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

export function Alert({
  type,
  children,
  ...rest
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
} & ComponentPropsWithoutRef<'div'>) {
  return (
    <div className={cx('utrecht-alert', `utrecht-alert--${type}`)} {...rest}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function UnorderedList(props: ComponentPropsWithoutRef<'ul'>) {
  return <ul {...props} className={cx('utrecht-unordered-list', props.className)} />;
}

export function UnorderedListItem(props: ComponentPropsWithoutRef<'li'>) {
  return <li {...props} className={cx('utrecht-unordered-list__item', props.className)} />;
}

export function OrderedList(props: ComponentPropsWithoutRef<'ol'>) {
  return <ol {...props} className={cx('utrecht-ordered-list', props.className)} />;
}

export function OrderedListItem(props: ComponentPropsWithoutRef<'li'>) {
  return <li {...props} className={cx('utrecht-ordered-list__item', props.className)} />;
}

export function Table({ children, ...rest }: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline">
      <table {...rest} className={cx('utrecht-table', 'utrecht-table--html-table', rest.className)}>
        {children}
      </table>
    </div>
  );
}

export const TableCaption = (props: ComponentPropsWithoutRef<'caption'>) => (
  <caption {...props} className={cx('utrecht-table__caption', props.className)} />
);
export const TableHeader = (props: ComponentPropsWithoutRef<'thead'>) => (
  <thead {...props} className={cx('utrecht-table__header', props.className)} />
);
export const TableBody = (props: ComponentPropsWithoutRef<'tbody'>) => (
  <tbody {...props} className={cx('utrecht-table__body', props.className)} />
);
export const TableRow = (props: ComponentPropsWithoutRef<'tr'>) => (
  <tr {...props} className={cx('utrecht-table__row', props.className)} />
);
export const TableHeaderCell = (props: ComponentPropsWithoutRef<'th'>) => (
  <th {...props} className={cx('utrecht-table__header-cell', props.className)} />
);
export const TableCell = (props: ComponentPropsWithoutRef<'td'>) => (
  <td {...props} className={cx('utrecht-table__cell', props.className)} />
);

/** Key–value pairs of a record (the design system's data list). */
export function DataList({ items }: { items: Array<{ key: ReactNode; value: ReactNode }> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((item, index) => (
        <div className="utrecht-data-list__item" key={index}>
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function VisuallyHidden({ children, ...rest }: ComponentPropsWithoutRef<'span'>) {
  return (
    <span {...rest} className="sbt-visually-hidden">
      {children}
    </span>
  );
}
