import { MAX_LEVEL } from '@skillgrid/shared';
import type { MatrixCellDto, MatrixDto } from '@skillgrid/shared';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { Heatmap, type HeatmapCell, type HeatmapRow, type HeatmapScale } from '../../../components/charts/heatmap';
import { useFormat } from '../../../components/ui/format-context';
import type { Formatters } from '../../../lib/format';
import { heatmapColumns } from '../utils/heatmap-grid';

interface PeopleMatrixProps {
  matrix: MatrixDto;
  employeeHref: (employeeId: number) => string;
}

function matrixCell(cell: MatrixCellDto | undefined, format: Formatters): HeatmapCell {
  const level = cell?.level ?? 0;
  const required = cell?.requiredLevel ?? null;
  const short = required !== null && level < required;
  const details = [level > 0 ? `Level ${format.level(level)}` : 'Not held'];
  if (required !== null)
    details.push(`Role requires ${format.level(required)}${short ? ` (short by ${required - level})` : ' (met)'}`);
  else details.push('Not required by the role');
  if (level > 0 && cell?.expiresAt) details.push(`Held until ${format.date(cell.expiresAt)}`);
  return {
    // A level of 0 stays uncoloured, so the held skills stand out.
    value: level > 0 ? level : null,
    text: level > 0 ? String(level) : required !== null ? '0' : '',
    details,
    flagged: short,
  };
}

/** A team's people × skills: each person's level, with the levels their role requires. */
export function PeopleMatrix({ matrix, employeeHref }: PeopleMatrixProps) {
  const format = useFormat();
  const navigate = useNavigate();
  const cells = useMemo(() => {
    const byKey = new Map<string, MatrixCellDto>();
    for (const cell of matrix.cells) byKey.set(`${cell.employeeId}:${cell.skillId}`, cell);
    return byKey;
  }, [matrix.cells]);
  const columns = useMemo(() => heatmapColumns(matrix.skills), [matrix.skills]);
  const rows = useMemo<HeatmapRow[]>(
    () =>
      matrix.people.map((person) => ({
        id: String(person.id),
        label: person.name,
        detail: `${person.roleName}${person.readiness !== null ? ` · ${format.percent(person.readiness)} ready` : ''}`,
        href: employeeHref(person.id),
        drillable: true,
      })),
    [matrix.people, employeeHref, format],
  );
  const scale = useMemo<HeatmapScale>(
    () => ({ domain: [1, MAX_LEVEL], title: 'Level held', format: (value) => format.level(value) }),
    [format],
  );
  const getCell = useCallback(
    (rowIndex: number, columnIndex: number) =>
      matrixCell(cells.get(`${matrix.people[rowIndex].id}:${matrix.skills[columnIndex].id}`), format),
    [cells, matrix.people, matrix.skills, format],
  );

  return (
    <Heatmap
      title={`People × skills of ${matrix.team.name}`}
      description={`As of ${format.date(matrix.asOf)} · the number is the level held; 0 marks a required skill not held`}
      rows={rows}
      columns={columns}
      getCell={getCell}
      scale={scale}
      rowHeaderLabel="Person"
      emptyLabel="Not held"
      flaggedLabel="Below the level the person's role requires"
      onRowActivate={(row) => (row.href ? navigate(row.href) : undefined)}
    />
  );
}
