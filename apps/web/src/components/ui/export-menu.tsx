import { Button, Group, Menu, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Bytes received so far, and the size when the server said (a streamed file usually does not). */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** Fetches and saves one file; resolves with the name it was saved under. */
export type ExportDownload = (
  format: ExportFormat,
  onProgress: (progress: DownloadProgress) => void,
  signal: AbortSignal,
) => Promise<string>;

const FORMAT_LABELS: Record<ExportFormat, { name: string; description: string }> = {
  csv: { name: 'CSV', description: 'one table, for any spreadsheet or tool' },
  xlsx: { name: 'Excel (XLSX)', description: 'formatted sheets, one per view' },
  pdf: { name: 'PDF report', description: 'charts and tables, ready to print' },
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface ExportMenuProps {
  download: ExportDownload;
  /** What is exported, for the button's accessible name: "Export {subject}". */
  subject: string;
  formats?: readonly ExportFormat[];
  disabled?: boolean;
}

/**
 * Export (CSV, XLSX, PDF) of the view on screen (UI.md): while the file streams in, the
 * button gives way to a progress bar with the bytes received (and a percentage when the
 * size is known) and a Cancel; a failure says why in a notification.
 */
export function ExportMenu({ download, subject, formats = EXPORT_FORMATS, disabled = false }: ExportMenuProps) {
  const [running, setRunning] = useState<{ format: ExportFormat; progress: DownloadProgress } | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async (format: ExportFormat) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning({ format, progress: { received: 0, total: null } });
    try {
      const fileName = await download(format, (progress) => setRunning({ format, progress }), abort.signal);
      notifications.show({ color: 'teal', title: 'Export ready', message: `Saved ${fileName}.`, withBorder: true });
    } catch (error) {
      if (!abort.signal.aborted)
        notifications.show({
          color: 'red',
          title: `Could not export the ${FORMAT_LABELS[format].name}`,
          message: error instanceof Error ? error.message : 'The export failed. Try again.',
          withBorder: true,
        });
    } finally {
      if (controller.current === abort) controller.current = null;
      setRunning(null);
    }
  };

  if (running) {
    const { received, total } = running.progress;
    const percent = total ? Math.min(100, Math.round((received / total) * 100)) : null;
    const label = `Exporting ${FORMAT_LABELS[running.format].name}`;
    const detail = received === 0 ? 'preparing…' : percent !== null ? `${percent}%` : `${formatBytes(received)} received`;
    return (
      <Group gap="xs" wrap="nowrap">
        <Stack gap={2} miw={160}>
          <Text size="xs" aria-hidden>
            {label}: {detail}
          </Text>
          {/* Mantine's bar always says "n%"; while the size is unknown that would be false. */}
          <div
            role="progressbar"
            aria-label={label}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={detail}
          >
            <Progress value={percent ?? 100} animated={percent === null} striped={percent === null} size="sm" aria-hidden />
          </div>
        </Stack>
        <VisuallyHidden role="status" aria-live="polite">
          {label}
        </VisuallyHidden>
        <Button variant="subtle" size="xs" onClick={() => controller.current?.abort()}>
          Cancel
        </Button>
      </Group>
    );
  }

  return (
    // No focus placeholder: it is a role="presentation" child of role="menu", which axe flags.
    <Menu position="bottom-end" shadow="md" width={260} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" disabled={disabled} aria-label={`Export ${subject}`} rightSection={<span aria-hidden>▾</span>}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={`Export ${subject} with the current filters as`}>
        {formats.map((format) => (
          <Menu.Item key={format} onClick={() => void start(format)}>
            <Text size="sm">{FORMAT_LABELS[format].name}</Text>
            <Text size="xs" c="dimmed">
              {FORMAT_LABELS[format].description}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
