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
import { type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './nlds-class-names';

export { TextField, TextareaField, SelectField } from './nlds-fields';
export {
  type Choice,
  RadioGroupField,
  CheckboxField,
  CheckboxGroupField,
  FieldGroup,
} from './nlds-choice-fields';

export { Button } from '@utrecht/button-react';
export { Heading } from '@nl-design-system-candidate/heading-react';
export { Paragraph } from '@nl-design-system-candidate/paragraph-react';
export { Link } from '@nl-design-system-candidate/link-react';
export { SkipLink } from '@nl-design-system-candidate/skip-link-react';
export { NumberBadge } from '@nl-design-system-candidate/number-badge-react';

export {
  UnorderedList,
  UnorderedListItem,
  OrderedList,
  OrderedListItem,
  DataList,
} from './nlds-lists';
export {
  Table,
  TableCaption,
  TableHeader,
  TableBody,
  TableRow,
  TableHeaderCell,
  TableCell,
} from './nlds-tables';

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

export function VisuallyHidden({ children, ...rest }: ComponentPropsWithoutRef<'span'>) {
  return (
    <span {...rest} className="sbt-visually-hidden">
      {children}
    </span>
  );
}
