import { type ComponentPropsWithoutRef } from 'react';
import { cx } from './nlds-class-names';

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
