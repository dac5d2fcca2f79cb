import {
  CATALOGUE_STATUSES,
  CREDENTIAL_TYPES,
  DELIVERY_METHODS,
  type CatalogueStatus,
  type CredentialType,
  type DeliveryMethod,
} from '@skillgrid/shared';
import { nameKey } from '../../../database/column-types';
import { chunks, placeholders } from '../../../database/sql';
import { invalidateAllTrendSnapshots } from '../../analytics/snapshots/trend-snapshots.sql';
import { employeesWithCredentials, rebuildRenewalStats, refreshEmployees } from '../../analytics/state/skill-state.sql';
import { CredentialSkill } from '../../credentials/credential-skill.entity';
import { Credential } from '../../credentials/credential.entity';
import { loadSkills, type Outcome } from '../catalogue-writers';
import type { Layout } from '../columns';
import { choiceCell, numberCell, textCell, urlCell } from '../fields';
import type { ImportDefinition, RowChecker } from '../import-definition';

interface CredentialFields {
  name: string;
  provider: string | undefined;
  type: CredentialType | undefined;
  deliveryMethod: DeliveryMethod | undefined;
  hours: number | undefined;
  cost: number | undefined;
  validityMonths: number | null | undefined;
  status: CatalogueStatus | undefined;
  description: string | undefined;
  url: string | undefined;
  achievementId: string | undefined;
  credlyTemplateId: string | undefined;
  badgrClassId: string | undefined;
}

interface CredentialRow extends CredentialFields {
  line: number;
  grant: { skillId: number; level: number } | undefined;
}

const LAYOUT: Layout = {
  name: 'Skillgrid',
  columns: [
    {
      name: 'name',
      required: true,
      description: 'Credential name (unique, case-insensitive), the key; one row per granted skill',
    },
    { name: 'provider', description: 'Issuer or provider; required for a new credential' },
    { name: 'type', description: '`badge`, `nano_degree`, `micro_certification` or `workplace_assessment` (default badge)' },
    {
      name: 'delivery_method',
      description: '`online_course` (default), `assignment`, `seminar`, `lecture`, `portfolio`, `test` or `skill_demonstration`',
    },
    { name: 'hours', description: 'Typical hours, 0–10,000' },
    { name: 'cost', description: 'Cost in the organisation currency, 0–1,000,000' },
    { name: 'validity_months', description: '1–600; blank: never expires' },
    { name: 'status', description: '`active` (default) or `retired`' },
    { name: 'description', description: 'Free text' },
    { name: 'url', description: 'http(s) link' },
    { name: 'achievement_id', description: 'Open Badges achievement id' },
    { name: 'credly_template_id', description: 'Credly badge template id (for the Credly completions CSV)' },
    { name: 'badgr_class_id', description: 'Badgr badge class id (for the Badgr completions CSV)' },
    { name: 'skill', description: 'A skill it grants, by name or external reference (blank: the credential only)' },
    { name: 'level', description: 'The level granted, 1–5, with skill' },
  ],
};

const FIELDS = [
  'provider',
  'type',
  'deliveryMethod',
  'hours',
  'cost',
  'validityMonths',
  'status',
  'description',
  'url',
  'achievementId',
  'credlyTemplateId',
  'badgrClassId',
] as const;

export const credentialsImport: ImportDefinition<CredentialRow> = {
  entity: 'credentials',
  layouts: [LAYOUT],
  example: [
    'Forklift Licence',
    'Safe Lifts Ltd',
    'micro_certification',
    'skill_demonstration',
    '16',
    '450',
    '36',
    'active',
    'Counterbalance forklift licence',
    'https://example.com/forklift',
    '',
    '',
    '',
    'Forklift operation',
    '3',
  ],

  async prepare({ manager }): Promise<RowChecker<CredentialRow>> {
    const { byName, byRef } = await loadSkills(manager);
    const seen = new Map<string, number>();
    return {
      row(values, errors) {
        const text = (field: string, maxLength: number) => textCell(errors, field, values[field], { maxLength });
        const name = textCell(errors, 'name', values['name'], { maxLength: 200, required: true });
        const fields = {
          provider: text('provider', 160),
          type: choiceCell<CredentialType>(errors, 'type', values['type'], CREDENTIAL_TYPES),
          deliveryMethod: choiceCell<DeliveryMethod>(errors, 'delivery_method', values['delivery_method'], DELIVERY_METHODS),
          hours: numberCell(errors, 'hours', values['hours'], { min: 0, max: 10_000, decimals: 1 }),
          cost: numberCell(errors, 'cost', values['cost'], { min: 0, max: 1_000_000, decimals: 2 }),
          validityMonths: numberCell(errors, 'validity_months', values['validity_months'], { min: 1, max: 600, integer: true }),
          status: choiceCell<CatalogueStatus>(errors, 'status', values['status'], CATALOGUE_STATUSES),
          description: text('description', 5000),
          url: urlCell(errors, 'url', values['url'], 500),
          achievementId: text('achievement_id', 255),
          credlyTemplateId: text('credly_template_id', 255),
          badgrClassId: text('badgr_class_id', 255),
        };
        let grant: CredentialRow['grant'];
        const skillName = values['skill'];
        if (skillName !== undefined) {
          const skill = byRef.get(skillName) ?? byName.get(nameKey(skillName));
          if (!skill) errors.add('skill', `no skill is called (or has the external reference) "${skillName}"`);
          const level = numberCell(errors, 'level', values['level'], { min: 1, max: 5, integer: true, required: true });
          if (skill && name !== undefined) {
            const key = `${nameKey(name)}|${skill.id}`;
            const earlier = seen.get(key);
            if (earlier !== undefined) errors.add('skill', `repeats line ${earlier} (same credential and skill)`);
            seen.set(key, errors.line);
          }
          if (skill && level !== undefined) grant = { skillId: skill.id, level };
        } else if (values['level'] !== undefined) errors.add('skill', 'is required with level');
        if (!errors.ok || name === undefined) return null;
        return { line: errors.line, name, ...fields, grant };
      },

      async apply(rows, context, write) {
        const { manager, dialect } = context;
        const stored = new Map((await manager.getRepository(Credential).find()).map((c) => [c.nameKey, c]));
        const grants = new Map<number, Map<number, number>>();
        for (const g of await manager.getRepository(CredentialSkill).find()) {
          if (!grants.has(g.credentialId)) grants.set(g.credentialId, new Map());
          grants.get(g.credentialId)?.set(g.skillId, g.level);
        }
        const groups = new Map<string, CredentialRow[]>();
        for (const row of rows) {
          const key = nameKey(row.name);
          groups.set(key, [...(groups.get(key) ?? []), row]);
        }
        const counts = { created: 0, updated: 0, unchanged: 0 };
        const errors: Array<{ line: number; field: string; message: string }> = [];
        const regranted: number[] = [];
        const regrantedSkills: number[] = [];
        const replacements: Array<{ credentialId: number; rows: Array<{ skillId: number; level: number }> }> = [];
        let provisional = -1;
        for (const [key, lines] of groups) {
          const merged = { ...lines[0] };
          for (const line of lines.slice(1))
            for (const field of FIELDS) if (merged[field] === undefined) Object.assign(merged, { [field]: line[field] });
          let credential = stored.get(key);
          let outcome: Outcome;
          if (!credential) {
            if (!merged.provider) {
              errors.push({ line: lines[0].line, field: 'provider', message: 'is required for a new credential' });
              continue;
            }
            const fields = {
              name: merged.name.trim(),
              nameKey: key,
              provider: merged.provider,
              type: merged.type ?? 'badge',
              deliveryMethod: merged.deliveryMethod ?? 'online_course',
              hours: merged.hours ?? 0,
              cost: merged.cost ?? 0,
              validityMonths: merged.validityMonths ?? null,
              status: merged.status ?? 'active',
              description: merged.description ?? null,
              url: merged.url ?? null,
              achievementId: merged.achievementId ?? null,
              credlyTemplateId: merged.credlyTemplateId ?? null,
              badgrClassId: merged.badgrClassId ?? null,
            };
            const id = write ? Number((await manager.insert(Credential, fields)).identifiers[0]['id']) : provisional--;
            credential = Object.assign(new Credential(), { id, ...fields });
            outcome = 'created';
          } else {
            const changes: Partial<Credential> = {};
            if (merged.name.trim() !== credential.name) changes.name = merged.name.trim();
            for (const field of FIELDS) {
              const value = merged[field];
              if (value !== undefined && value !== credential[field]) Object.assign(changes, { [field]: value });
            }
            outcome = Object.keys(changes).length ? 'updated' : 'unchanged';
            if (outcome === 'updated' && write) await manager.update(Credential, { id: credential.id }, changes);
          }
          const wanted = lines.flatMap((line) => (line.grant ? [line.grant] : []));
          const current = grants.get(credential.id) ?? new Map<number, number>();
          for (const line of lines) {
            const grantOutcome: Outcome = !line.grant
              ? outcome
              : !current.has(line.grant.skillId)
                ? 'created'
                : current.get(line.grant.skillId) === line.grant.level
                  ? 'unchanged'
                  : 'updated';
            counts[
              outcome === 'created' ? 'created' : outcome === 'updated' && grantOutcome === 'unchanged' ? 'updated' : grantOutcome
            ]++;
          }
          const same = wanted.length === current.size && wanted.every((g) => current.get(g.skillId) === g.level);
          if (wanted.length && !same) {
            replacements.push({ credentialId: credential.id, rows: wanted });
            if (credential.id > 0) regranted.push(credential.id);
            regrantedSkills.push(...current.keys(), ...wanted.map((g) => g.skillId));
          }
        }
        if (write && replacements.length) {
          for (const ids of chunks(
            replacements.map((r) => r.credentialId),
            200,
          ))
            await manager.query(`DELETE FROM credential_skills WHERE credential_id IN (${placeholders(ids.length)})`, ids);
          for (const batch of chunks(
            replacements.flatMap((r) => r.rows.map((g) => ({ credentialId: r.credentialId, ...g }))),
            200,
          ))
            await manager.insert(CredentialSkill, batch);
          // A grant change applies to all history: everyone holding it is recomputed, set-based.
          await refreshEmployees(manager, dialect, await employeesWithCredentials(manager, regranted));
          await invalidateAllTrendSnapshots(manager);
          await rebuildRenewalStats(manager, dialect, regrantedSkills);
        }
        await context.progress(rows.length);
        return { ...counts, errors };
      },
    };
  },
};
