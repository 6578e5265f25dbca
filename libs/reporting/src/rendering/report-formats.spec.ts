import { negotiateFormat } from './report-formats';

describe('negotiateFormat', () => {
  it.each([
    [undefined, 'json'],
    ['*/*', 'json'],
    ['text/csv', 'csv'],
    ['application/pdf, text/html;q=0.9', 'pdf'],
    ['text/html;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['application/msword, text/html', 'html'],
    ['text/csv;q=0, text/html', 'html'],
    ['image/png', 'json'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.8, application/pdf',
      'pdf',
    ],
  ])('Accept %s gives %s', (accept, format) => {
    expect(negotiateFormat(accept)).toBe(format);
  });
});
