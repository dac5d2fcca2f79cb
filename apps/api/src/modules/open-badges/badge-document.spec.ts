import { alignmentsOfDocument, checksOfRecord } from './badge-document';

const alignment = { targetName: 'SQL', targetUrl: 'http://data.europa.eu/esco/skill/sql', targetCode: 'sql-1' };

describe(alignmentsOfDocument.name, () => {
  it("reads an OB3 credential's achievement alignments, leaving out targets with neither URL nor code", () => {
    const document = JSON.stringify({
      credential: {
        credentialSubject: { achievement: { alignment: [alignment, { targetName: 'Name only' }] } },
      },
    });
    expect(alignmentsOfDocument(document)).toEqual([alignment]);
  });

  it("reads an OB2 assertion's badge class, embedded or uploaded beside it", () => {
    const badgeClass = { alignment: { targetName: 'SQL', targetUrl: alignment.targetUrl } };
    const embedded = JSON.stringify({ credential: { badge: badgeClass } });
    const beside = JSON.stringify({ credential: { badge: 'https://example.org/badge.json' }, badgeClass });
    const expected = [{ targetName: 'SQL', targetUrl: alignment.targetUrl, targetCode: null }];
    expect(alignmentsOfDocument(embedded)).toEqual(expected);
    expect(alignmentsOfDocument(beside)).toEqual(expected);
  });

  it.each([null, '', 'not json', '[]', '{"credential": 3}'])('gives no alignments for %p', (document) => {
    expect(alignmentsOfDocument(document)).toEqual([]);
  });
});

describe(checksOfRecord.name, () => {
  it('keeps the well-formed checks of a stored record and drops the rest', () => {
    const stored = JSON.stringify([
      { name: 'signature', passed: true, message: 'ok', extra: 1 },
      { name: 'nonsense', passed: true, message: 'x' },
      { name: 'status', passed: 'no', message: 'x' },
    ]);
    expect(checksOfRecord(stored)).toEqual([{ name: 'signature', passed: true, message: 'ok' }]);
    expect(checksOfRecord('oops')).toEqual([]);
  });
});
