/**
 * What a process loads before it serves: the API's and the worker's modules, as they start.
 * The libraries behind the report files, the import workbook, the e-mail layout and the
 * holiday calendar took 1.5 of the 3.3 seconds that loading the API took (and as much of its
 * memory), in every API and worker process and in every test file that starts one; they are
 * loaded on first use instead (report-formats.ts, workbook/index.ts, read-spreadsheet.ts,
 * mail-layout.ts, working-days.ts). An import that brings one back onto the start path fails
 * here, naming the package.
 */
import { PassThrough } from 'node:stream';
import type { writeReport as WriteReport } from '@app/reporting';

const mockLoaded: string[] = [];

jest.mock('mjml', () => mockLoaded.push('mjml'));
jest.mock('exceljs', () => mockLoaded.push('exceljs'));
jest.mock('pdfkit', () => mockLoaded.push('pdfkit'));
jest.mock('docx', () => mockLoaded.push('docx'));
jest.mock('echarts', () => mockLoaded.push('echarts'));
jest.mock('date-holidays', () => mockLoaded.push('date-holidays'));

describe('the start path', () => {
  it('loads none of the libraries used only for files, e-mail and holidays', () => {
    // Required here, after the mocks above are in place, as the processes load them.
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('./app.module');
    require('../../worker/src/worker.module');
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(mockLoaded).toEqual([]);
  });

  it('sees such a library when it is loaded (the check itself works)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeReport } = require('@app/reporting') as { writeReport: typeof WriteReport };
    // No report: the renderer is loaded, then fails on it.
    await writeReport({} as never, 'xlsx', new PassThrough()).catch(() => undefined);
    expect(mockLoaded).toContain('exceljs');
  });
});
