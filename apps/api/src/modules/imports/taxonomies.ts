import { nameKey } from '../../database/column-types';
import type { SkillInput } from './catalogue-writers';
import { headerKey } from './columns';
import { ImportFileError } from './import-errors';
import { readTable } from './table-reader';

/**
 * Readers of the public taxonomies (DESIGN §2, issue 6): ESCO skills with their hierarchy, and
 * O*NET occupations with their skills' Level and Importance ratings. They turn the files into
 * skill and role inputs for catalogue-writers; nothing here touches the database.
 */

/** Each record of a CSV or XLSX file as header → value (headers compared by headerKey). */
async function* records(path: string, file: string): AsyncGenerator<{ line: number; get(header: string): string }> {
  let keys: string[] | null = null;
  for await (const row of readTable(path)) {
    if (!keys) {
      keys = row.cells.map(headerKey);
      continue;
    }
    const cells = row.cells;
    const index = keys;
    yield {
      line: row.line,
      get(header: string) {
        const at = index.indexOf(headerKey(header));
        if (at < 0) throw new ImportFileError('MISSING_COLUMN', `${file} has no column "${header}"`, 1, header);
        return (cells[at] ?? '').trim();
      },
    };
  }
  if (!keys) throw new ImportFileError('EMPTY_FILE', `${file} is empty`);
}

export type TaxonomyFiles = Map<string, string>;

/** The uploaded file whose name starts with `prefix` (case-insensitive), or null. */
export function fileNamed(files: TaxonomyFiles, prefix: string): string | null {
  for (const [name, path] of files) if (name.toLowerCase().startsWith(prefix.toLowerCase())) return path;
  return null;
}

function required(files: TaxonomyFiles, prefix: string): string {
  const path = fileNamed(files, prefix);
  if (!path)
    throw new ImportFileError('MISSING_FILE', `Upload ${prefix}….csv too (files: ${[...files.keys()].join(', ') || 'none'})`);
  return path;
}

const uriList = (value: string) =>
  value
    .split('|')
    .map((uri) => uri.trim())
    .filter(Boolean);

/**
 * ESCO: the transversal collection as soft skills and the digital collection as hard skills (a
 * skill in both is soft: transversal comes first), the concept URI as external reference, and as
 * category the skill's level-1 group in the ESCO skills hierarchy (e.g. "thinking skills and
 * competences"), found through its broader concepts; labels shared by two concepts get the
 * second's skill type in brackets, since names are unique here.
 */
export async function readEsco(files: TaxonomyFiles): Promise<{ skills: SkillInput[]; rows: number }> {
  const transversal = required(files, 'transversalSkillsCollection');
  const digital = required(files, 'digitalSkillsCollection');
  const hierarchy = required(files, 'skillsHierarchy');
  const groupsFile = fileNamed(files, 'skillGroups');

  /** Hierarchy concept URI → its level-1 term (level-0 term for level-0 concepts). */
  const categoryOf = new Map<string, string>();
  let rows = 0;
  for await (const record of records(hierarchy, 'skillsHierarchy')) {
    rows++;
    const level0 = record.get('Level 0 preferred term');
    const level1 = record.get('Level 1 preferred term') || level0;
    for (const level of [0, 1, 2, 3]) {
      const uri = record.get(`Level ${level} URI`);
      if (uri && !categoryOf.has(uri)) categoryOf.set(uri, level === 0 ? level0 : level1);
    }
  }
  const groupLabel = new Map<string, string>();
  if (groupsFile)
    for await (const record of records(groupsFile, 'skillGroups')) {
      rows++;
      groupLabel.set(record.get('conceptUri'), record.get('preferredLabel'));
    }

  const concepts: Array<{
    uri: string;
    label: string;
    type: string;
    description: string;
    broader: string[];
    kind: 'soft' | 'hard';
    collection: string;
  }> = [];
  const seen = new Set<string>();
  for (const [path, kind, collection] of [
    [transversal, 'soft', 'transversal'],
    [digital, 'hard', 'digital'],
  ] as const) {
    for await (const record of records(path, `${collection}SkillsCollection`)) {
      rows++;
      const uri = record.get('conceptUri');
      if (!uri || seen.has(uri)) continue;
      seen.add(uri);
      concepts.push({
        uri,
        label: record.get('preferredLabel'),
        type: record.get('skillType'),
        description: record.get('description'),
        broader: uriList(record.get('broaderConceptUri')),
        kind,
        collection,
      });
    }
  }
  const broaderOf = new Map(concepts.map((concept) => [concept.uri, concept.broader]));
  const category = (uri: string, collection: string): string => {
    // Breadth-first up the broader links, to the first concept the hierarchy places.
    const queue = [...(broaderOf.get(uri) ?? [])];
    const visited = new Set<string>();
    while (queue.length) {
      const next = queue.shift() as string;
      if (visited.has(next)) continue;
      visited.add(next);
      const placed = categoryOf.get(next);
      if (placed) return placed;
      queue.push(...(broaderOf.get(next) ?? []));
    }
    const group = (broaderOf.get(uri) ?? []).map((broader) => groupLabel.get(broader)).find(Boolean);
    return group ?? `ESCO ${collection} skills`;
  };
  const names = new Set<string>();
  const skills = concepts.map((concept): SkillInput => {
    let name = concept.label.slice(0, 200);
    if (names.has(nameKey(name))) name = `${concept.label.slice(0, 180)} (${concept.type || concept.uri.slice(-8)})`;
    names.add(nameKey(name));
    return {
      name,
      category: category(concept.uri, concept.collection).slice(0, 120),
      kind: concept.kind,
      description: concept.description || undefined,
      externalRef: concept.uri,
      status: undefined,
    };
  });
  return { skills, rows };
}

/**
 * O*NET → Skillgrid (documented in the README): Level (LV, 0–7) becomes the required level
 * round(1 + LV × 4 / 7), so 0 → 1, 3.5 → 3, 7 → 5; Importance (IM, 1–5) becomes the weight:
 * below 3 the skill is not required at all, 3–3.49 → 1, 3.5–3.99 → 2, 4 and above → 3 (critical).
 * Ratings O*NET flags "Recommend Suppress" or "Not Relevant" are left out.
 */
export function onetLevel(level: number): number {
  return Math.min(5, Math.max(1, Math.round(1 + (level * 4) / 7)));
}

export function onetWeight(importance: number): number | null {
  if (importance < 3) return null;
  if (importance < 3.5) return 1;
  return importance < 4 ? 2 : 3;
}

/** Technical and systems skills, and mathematics and science, are hard skills; the rest soft. */
function onetKind(elementId: string): 'hard' | 'soft' {
  return /^2\.B\.[34]\./.test(elementId) || elementId === '2.A.1.e' || elementId === '2.A.1.f' ? 'hard' : 'soft';
}

export interface OnetRole {
  name: string;
  family: string;
  description: string;
  externalRef: string;
  requirements: Array<{ elementId: string; requiredLevel: number; weight: number }>;
}

export async function readOnet(files: TaxonomyFiles): Promise<{ skills: SkillInput[]; roles: OnetRole[]; rows: number }> {
  const occupations = required(files, 'Occupation Data');
  const ratings = required(files, 'Skills');
  const model = fileNamed(files, 'Content Model Reference');

  let rows = 0;
  const elementName = new Map<string, string>();
  const elementDescription = new Map<string, string>();
  if (model)
    for await (const record of records(model, 'Content Model Reference')) {
      rows++;
      elementName.set(record.get('Element ID'), record.get('Element Name'));
      elementDescription.set(record.get('Element ID'), record.get('Description'));
    }

  const roles = new Map<string, OnetRole>();
  for await (const record of records(occupations, 'Occupation Data')) {
    rows++;
    const code = record.get('O*NET-SOC Code');
    roles.set(code, {
      name: record.get('Title').slice(0, 120),
      family: `O*NET ${code.slice(0, 2)}-0000`,
      description: record.get('Description').slice(0, 1000),
      externalRef: code,
      requirements: [],
    });
  }

  const skillNames = new Map<string, string>();
  /** Per occupation and element: its importance and level, once both rows are read. */
  const pending = new Map<string, { im?: number; lv?: number }>();
  for await (const record of records(ratings, 'Skills')) {
    rows++;
    const code = record.get('O*NET-SOC Code');
    const elementId = record.get('Element ID');
    skillNames.set(elementId, record.get('Element Name'));
    if (record.get('Recommend Suppress') === 'Y' || record.get('Not Relevant') === 'Y') continue;
    const value = Number(record.get('Data Value'));
    if (!Number.isFinite(value)) continue;
    const key = `${code}|${elementId}`;
    const rating = pending.get(key) ?? {};
    if (record.get('Scale ID') === 'IM') rating.im = value;
    else if (record.get('Scale ID') === 'LV') rating.lv = value;
    pending.set(key, rating);
  }
  for (const [key, rating] of pending) {
    if (rating.im === undefined || rating.lv === undefined) continue;
    const weight = onetWeight(rating.im);
    const [code, elementId] = key.split('|');
    const role = roles.get(code);
    if (weight === null || !role) continue;
    role.requirements.push({ elementId, requiredLevel: onetLevel(rating.lv), weight });
  }

  const groupOf = (elementId: string) => {
    const group = elementId.startsWith('2.A.') ? '2.A' : elementId.split('.').slice(0, 3).join('.');
    return elementName.get(group) ?? 'O*NET skills';
  };
  const skills = [...skillNames].map(
    ([elementId, name]): SkillInput => ({
      name,
      category: groupOf(elementId),
      kind: onetKind(elementId),
      description: elementDescription.get(elementId),
      externalRef: elementId,
      status: undefined,
    }),
  );
  return { skills, roles: [...roles.values()], rows };
}
