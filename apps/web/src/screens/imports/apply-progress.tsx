import { useRef } from 'react';
import { Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { Import } from './import-words';
import { useFocusIfLost } from './use-focus-if-lost';

/** The apply under way: a bar with the percentage in words beside it. */
export function ApplyProgress({ item }: { item: Import }) {
  const i = useT().imports;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  return (
    <section aria-labelledby="import-voortgang">
      <Heading level={2} id="import-voortgang" ref={heading} tabIndex={-1}>
        {i.progressTitle}
      </Heading>
      <div className="sbt-import-progress">
        <label htmlFor="import-voortgang-balk">{i.progressLabel}</label>
        <progress
          id="import-voortgang-balk"
          max={100}
          value={item.progress}
          aria-valuetext={i.percent(item.progress)}
        />
        <Paragraph>{i.percent(item.progress)}</Paragraph>
      </div>
    </section>
  );
}
