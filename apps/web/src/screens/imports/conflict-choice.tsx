import { Alert, Paragraph, RadioGroupField, VisuallyHidden } from '../../components/nlds';
import { useT } from '../../i18n';
import { Lines } from './import-rows-table';
import { type ImportRow, rowName, valueInWords } from './import-words';

export type Choice = 'sheet' | 'app';

/** The id of a conflict's radio group; the error summary leads there. */
export const choiceFieldId = (row: ImportRow) => `import-keuze-${row.position}`;

/**
 * A conflict: each field the sheet changes, with the app's value now beside the sheet's, and
 * the choice between them. A choice is saved as it is made (no button): choosing is not a
 * change of context (WCAG 3.2.2), and the apply waits until every conflict has one.
 */
export function ConflictChoice(props: {
  row: ImportRow;
  choice: Choice | null;
  failed: boolean;
  onChoose: (choice: Choice) => void;
}) {
  const t = useT();
  const i = t.imports;
  const { row } = props;
  return (
    <div className="sbt-import-conflict" data-keuze={choiceFieldId(row)}>
      <Paragraph>{i.conflictIntro}</Paragraph>
      <Lines
        lines={row.conflicts.map((conflict) =>
          i.conflictValues(
            conflict.column,
            valueInWords(t, conflict.from),
            valueInWords(t, conflict.to),
          ),
        )}
      />
      <RadioGroupField
        id={choiceFieldId(row)}
        name={choiceFieldId(row)}
        legend={
          <>
            {i.choiceLegend} <VisuallyHidden>{i.choiceFor(rowName(i, row))}</VisuallyHidden>
          </>
        }
        choices={[
          { value: 'sheet', label: i.chooseSheet },
          { value: 'app', label: i.chooseApp },
        ]}
        value={props.choice ?? ''}
        onChange={(value) => props.onChoose(value as Choice)}
      />
      {props.failed && (
        <div role="alert">
          <Alert type="error">
            <Paragraph>{i.choiceFailed}</Paragraph>
          </Alert>
        </div>
      )}
    </div>
  );
}
