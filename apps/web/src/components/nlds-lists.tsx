import { type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './nlds-class-names';

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
