import { CSV_BOM, csvField, csvRow, fileNameSlug, neutraliseText, sheetCell } from './export-cells';

describe('export cells', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'])(
    'neutralises text that begins with a formula trigger: %j',
    (text) => {
      expect(neutraliseText(text)).toBe(`'${text}`);
    },
  );

  it('drops control characters before checking, so none can hide a formula', () => {
    expect(neutraliseText('\u0001=1+1')).toBe("'=1+1");
    expect(neutraliseText('a\u0000b\u007f')).toBe('ab');
    expect(neutraliseText('two\nlines')).toBe('two\nlines');
  });

  it('leaves ordinary text alone, including triggers further in', () => {
    expect(neutraliseText('Warehouse')).toBe('Warehouse');
    expect(neutraliseText('A=B')).toBe('A=B');
    expect(neutraliseText(' =1')).toBe(' =1');
    expect(neutraliseText('')).toBe('');
  });

  it('writes numbers unquoted and unneutralised, negatives included', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(2 / 3)).toBe('0.6667');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes text when RFC 4180 needs it, after neutralising', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('\t-1')).toBe("'\t-1");
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('-5')).toBe("'-5");
  });

  it('leaves empty values empty and ends records with CRLF', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvRow(['Team, A', 5, null, '@x'])).toBe('"Team, A",5,,\'@x\r\n');
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('gives spreadsheets real numbers and neutralised text', () => {
    expect(sheetCell(-3)).toBe(-3);
    expect(sheetCell(0.25)).toBe(0.25);
    expect(sheetCell(Number.NaN)).toBeNull();
    expect(sheetCell('=1+1')).toBe("'=1+1");
    expect(sheetCell('Finance')).toBe('Finance');
    expect(sheetCell(null)).toBeNull();
  });

  it('makes file-name slugs', () => {
    expect(fileNameSlug('Night shift / Leeds')).toBe('night-shift-leeds');
    expect(fileNameSlug('Équipe Café')).toBe('equipe-cafe');
    expect(fileNameSlug('=HYPERLINK("x")')).toBe('hyperlink-x');
    expect(fileNameSlug('!!!')).toBe('export');
    expect(fileNameSlug('a'.repeat(80))).toHaveLength(60);
  });
});
