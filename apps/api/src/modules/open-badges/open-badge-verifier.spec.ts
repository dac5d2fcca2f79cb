import { createHash } from 'node:crypto';
import { dateIn, identityMatches, measureJson, plainRecipientEmails } from './open-badge-verifier';

describe('Open Badges verification helpers', () => {
  describe(identityMatches.name, () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

    it('matches the 1EdTech OB 2.0 example: sha256 of nobody@example.org + salt deadsea', () => {
      const identity = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';
      expect(identityMatches(identity, true, 'deadsea', 'nobody@example.org')).toBe(true);
      expect(identityMatches(identity, true, 'deadsea', 'Nobody@Example.org ')).toBe(true);
      expect(identityMatches(identity, true, 'other-salt', 'nobody@example.org')).toBe(false);
      expect(identityMatches(identity, true, 'deadsea', 'somebody@example.org')).toBe(false);
    });

    it('reads md5 and unsalted hashes, plain identities ignoring case, and refuses unknown algorithms', () => {
      expect(identityMatches(`md5$${createHash('md5').update('a@b.c').digest('hex')}`, true, null, 'a@b.c')).toBe(true);
      expect(identityMatches(`sha256$${sha256('a@b.c').toUpperCase()}`, true, null, 'a@b.c')).toBe(true);
      expect(identityMatches(`sha1$${sha256('a@b.c')}`, true, null, 'a@b.c')).toBe(false);
      expect(identityMatches('sha256$', true, null, 'a@b.c')).toBe(false);
      expect(identityMatches('A@B.C', false, 'unused', 'a@b.c')).toBe(true);
    });
  });

  describe(dateIn.name, () => {
    it("gives a timestamp's date in the organisation's time zone and keeps bare dates", () => {
      expect(dateIn('2016-12-31T23:59:59Z', 'UTC')).toBe('2016-12-31');
      expect(dateIn('2016-12-31T23:59:59Z', 'Europe/Berlin')).toBe('2017-01-01');
      expect(dateIn('2024-02-29', 'Pacific/Auckland')).toBe('2024-02-29');
      expect(dateIn('31/12/2016', 'UTC')).toBeNull();
      expect(dateIn(20161231, 'UTC')).toBeNull();
    });
  });

  describe(measureJson.name, () => {
    it('refuses documents nested too deep or with too many values', () => {
      let deep: unknown = 1;
      for (let i = 0; i < 40; i++) deep = [deep];
      expect(measureJson(deep)).toBe('is nested deeper than 32 levels');
      expect(measureJson({ list: Array.from({ length: 20_001 }, (_, i) => i) })).toBe('has more than 20000 values');
      expect(measureJson({ a: [{ b: 'c' }] })).toBeNull();
    });
  });

  describe(plainRecipientEmails.name, () => {
    it('collects the unhashed e-mails of OB 3.0 identifiers and OB 2.0 recipients, never hashed ones', () => {
      expect(
        plainRecipientEmails({
          credentialSubject: {
            identifier: [
              { identityType: 'emailAddress', hashed: false, identityHash: 'Student@1EdTech.edu' },
              { identityType: 'emailAddress', hashed: true, identityHash: 'sha256$abc' },
              { identityType: 'sourcedId', hashed: false, identityHash: 'x@y' },
            ],
          },
        }),
      ).toEqual(['student@1edtech.edu']);
      expect(plainRecipientEmails({ recipient: { type: 'email', hashed: false, identity: 'a@b.c' } })).toEqual(['a@b.c']);
      expect(plainRecipientEmails({ recipient: { type: 'email', hashed: true, identity: 'sha256$abc' } })).toEqual([]);
      expect(plainRecipientEmails('not a badge')).toEqual([]);
    });
  });
});
