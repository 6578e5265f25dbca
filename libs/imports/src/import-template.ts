// The import workbook's choice lists and its Actions rows, as the service's template needs them.
import type { SpreadsheetRowsReader } from '@app/tracking';
import { ACTION_COLUMNS } from './sheet/action-columns';
import { COMMITMENT_COLUMNS } from './sheet/commitment-columns';
import type { ProgrammeNames } from './sheet/programme-names';
import { actionSheetValues } from './sheet/row-values';
import type { SheetLanguage } from './sheet/sheet-columns';
import { choiceLabels } from './sheet/vocabulary';
import type { SheetValues } from './workbook/workbook-content';

const ACTIONS_PAGE = 1000;

/** The labels of every choice column's vocabulary in `lang`, by field (the workbook's lists). */
export function choiceLists(lang: SheetLanguage): Record<string, string[]> {
  const choices: Record<string, string[]> = {};
  for (const column of [...COMMITMENT_COLUMNS, ...ACTION_COLUMNS]) {
    if (column.type === 'choice') {
      const labels = choiceLabels(column.field, lang);
      choices[column.field] = (column.choices ?? []).map((code) => labels[code] ?? code);
    }
  }
  return choices;
}

/** The programme's actions as rows of the Actions sheet, read a page at a time. */
export async function* actionRows(
  reader: SpreadsheetRowsReader,
  programmeId: string,
  names: ProgrammeNames,
  lang: SheetLanguage,
): AsyncGenerator<SheetValues> {
  let after: string | null = null;
  for (;;) {
    const page = await reader.actionsPage(programmeId, after, ACTIONS_PAGE);
    for (const action of page) yield actionSheetValues(action, names, lang);
    if (page.length < ACTIONS_PAGE) return;
    after = page[page.length - 1].id;
  }
}
