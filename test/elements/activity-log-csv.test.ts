/** CSV cells a spreadsheet could run as formulas, however they are dressed up. */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { csvCell, csvRow } from '../../src/elements/activity-log/csv.js';

/** Reads one RFC 4180 record (ending in CRLF) back into its cells. */
function parseRecord(record: string): string[] {
  expect(record.endsWith('\r\n')).to.equal(true);
  const body = record.slice(0, -2);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (body[i] === '"') {
      i += 1;
      for (;;) {
        const quote = body.indexOf('"', i);
        expect(quote, 'closing quote').to.be.at.least(0);
        cell += body.slice(i, quote);
        if (body[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const comma = body.indexOf(',', i);
      const end = comma < 0 ? body.length : comma;
      cell = body.slice(i, end);
      expect(cell, 'an unquoted cell has no quote or line break').not.to.match(/["\r\n]/);
      i = end;
    }
    cells.push(cell);
    if (i >= body.length) return cells;
    expect(body[i]).to.equal(',');
    i += 1;
  }
}

/**
 * What a spreadsheet may see first: the cell with leading white space (any Unicode space), control
 * and format characters dropped, after NFKC folds full-width and small forms (＝ ﹦ ＋ － ＠) to ASCII.
 */
const IGNORABLE = /^[\p{White_Space}\p{Cc}\p{Cf}]+/u;
const firstSeen = (cell: string) => cell.normalize('NFKC').replace(IGNORABLE, '');
const isFormula = (cell: string) => /^[=+\-@]/.test(firstSeen(cell));
const neutralised = (cell: string) => cell.startsWith("'");

const tricky = [
  '=',
  '+',
  '-',
  '@',
  '＝',
  '＋',
  '－',
  '＠',
  '﹦',
  '﹢',
  '﹣',
  '﹫',
  ' ',
  '\u3000',
  '\u00a0',
  '\u2003',
  '\u202f',
  '\u200b',
  '\ufeff',
  '\t',
  '\r',
  '\n',
  'a',
  '1',
  '"',
  ',',
  "'",
  'é',
  '\u0301',
];
const cellArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...tricky), { maxLength: 8 }).map((chars) => chars.join('')),
  fc
    .tuple(fc.array(fc.constantFrom(...tricky.slice(12)), { maxLength: 4 }), fc.string())
    .map(([lead, rest]) => lead.join('') + rest),
  fc.string({ unit: 'grapheme' }),
);

describe('CSV cells against formula injection', () => {
  it('neutralises formulas behind spaces, full-width and small forms, tabs and returns', () => {
    for (const value of [
      ' =1+1',
      '  @SUM(A1)',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\u3000=1',
      '\u00a0+1',
      '\u200b=1',
      '\t=1',
      '\r=1',
      ' ＝1',
      '﹦1',
    ]) {
      const [cell] = parseRecord(csvRow([value]));
      expect(neutralised(cell), JSON.stringify(value)).to.equal(true);
      expect(cell.slice(1)).to.equal(value);
    }
    for (const value of ['1+1', 'Ada', 'a=b', "'already"]) {
      expect(csvCell(value)).to.equal(value);
    }
  });

  it('no exported cell starts like a formula unless neutralised, and every value reads back whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(cellArbitrary, { nil: undefined }), { minLength: 1, maxLength: 5 }),
        (values) => {
          const cells = parseRecord(csvRow(values));
          expect(cells).to.have.length(values.length);
          cells.forEach((cell, i) => {
            const value = values[i] ?? '';
            if (isFormula(cell) || isFormula(value))
              expect(neutralised(cell), JSON.stringify(value)).to.equal(true);
            expect(neutralised(cell) && cell !== value ? cell.slice(1) : cell).to.equal(value);
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
