import { useEffect, useRef } from 'react';
import { Alert, Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from './nlds';

/** The words of a form's conflict alert, from its screen's dictionary. */
export interface ConflictWords {
  conflictTitle: string;
  conflictIntro: string;
  conflictNothing: string;
  conflictKept: string;
  resend: string;
}

/**
 * A form's answer to a 412 (someone saved a newer version since the form was opened): what
 * changed meanwhile, in words (`lines`; none when no field of the form changed), that the
 * person's own input is kept, and a button to send it again on top of the newer version. It
 * takes the focus when it appears and again at every new conflict.
 */
export function ConflictAlert(props: {
  lines: string[];
  words: ConflictWords;
  busy: boolean;
  onResend: () => void;
}) {
  const { lines, words } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [lines]);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="conflict-title">
      <Alert type="warning">
        <Heading level={2} id="conflict-title">
          {words.conflictTitle}
        </Heading>
        <Paragraph>{lines.length > 0 ? words.conflictIntro : words.conflictNothing}</Paragraph>
        {lines.length > 0 && (
          <UnorderedList>
            {lines.map((line) => (
              <UnorderedListItem key={line}>{line}</UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <Paragraph>{words.conflictKept}</Paragraph>
        <Button
          appearance="primary-action-button"
          busy={props.busy}
          aria-disabled={props.busy}
          onClick={props.onResend}
        >
          {words.resend}
        </Button>
      </Alert>
    </div>
  );
}
