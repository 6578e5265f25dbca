import type { Ref } from 'react';
import type { Action } from '../../components/action-table';
import { Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { BulkChange, BulkResult } from './bulk-apply';

/*
 * The steps after choosing on the Meerdere acties wijzigen screen: confirming the change and
 * the progress while it is applied, each with a heading that takes the focus.
 */

export type Phase =
  | { step: 'choose' }
  | { step: 'confirm'; change: BulkChange; actions: Action[] }
  | { step: 'applying'; done: number; total: number }
  | { step: 'done'; change: BulkChange; results: BulkResult[] };

/** Step 3: the change in words and the actions it goes to, to apply or to go back. */
export function BulkConfirm(props: {
  phase: Extract<Phase, { step: 'confirm' }>;
  headingRef: Ref<HTMLHeadingElement>;
  description: string;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { phase } = props;
  const t = useT();
  const b = t.bulk;
  return (
    <section aria-labelledby="bulk-confirm" className="sbt-stack">
      <Heading level={2} id="bulk-confirm" ref={props.headingRef} tabIndex={-1}>
        {b.step3}
      </Heading>
      <Paragraph>
        {b.confirmCount(phase.actions.length)} {props.description}
      </Paragraph>
      <ul className="utrecht-unordered-list">
        {phase.actions.map((action) => (
          <li key={action.id} className="utrecht-unordered-list__item">
            {action.title}
          </li>
        ))}
      </ul>
      <div className="sbt-row">
        <Button appearance="primary-action-button" onClick={props.onApply}>
          {b.apply(phase.actions.length)}
        </Button>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {b.cancel}
        </Button>
      </div>
    </section>
  );
}

/** While the change is applied: how far it is, as a progress bar and in words. */
export function BulkProgress(props: {
  phase: Extract<Phase, { step: 'applying' }>;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { phase } = props;
  const t = useT();
  const b = t.bulk;
  return (
    <section aria-labelledby="bulk-progress">
      <Heading level={2} id="bulk-progress" ref={props.headingRef} tabIndex={-1}>
        {b.progressTitle}
      </Heading>
      <progress
        className="sbt-bulk-progress"
        value={phase.done}
        max={phase.total}
        aria-labelledby="bulk-progress"
      />
      <Paragraph>{b.progress(phase.done, phase.total)}</Paragraph>
    </section>
  );
}
