import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useSaveCatalogueItem, type CatalogueInput, type CatalogueKind, type CatalogueResult } from '../api/save-catalogue-item';
import { changedFields } from '../utils/changes';
import { notifySaved } from '../utils/notify';
import { placeServerErrors, type FormShape } from '../utils/server-errors';

interface CatalogueFormOptions<K extends CatalogueKind, V> {
  kind: K;
  /** The record edited; null creates one. */
  id: number | null;
  /** Where the API's error fields go. */
  shape: FormShape;
  toInput: (values: V) => CatalogueInput<K>;
  /** The notification after a save. */
  notice: (saved: CatalogueResult<K>, created: boolean) => { title: string; message: string };
  onDone: () => void;
}

/**
 * Saving a catalogue form: POST the whole record, or PATCH only what changed (an unchanged list
 * of skills or requirements is not sent, so the API does not recompute everyone's skills for
 * nothing). A failed save puts each API error beside its input, keeps the values typed, says the
 * rest in an alert and moves the focus to the first input in error.
 */
export function useCatalogueForm<K extends CatalogueKind, V>(form: UseFormReturnType<V>, options: CatalogueFormOptions<K, V>) {
  const { kind, id, shape, toInput, notice, onDone } = options;
  const save = useSaveCatalogueItem(kind);
  const formRef = useRef<HTMLFormElement>(null);
  /** Null: no failed save. Otherwise the alert shows, with the message of what has no field. */
  const [failure, setFailure] = useState<{ message: string | null } | null>(null);

  const focusFirstInvalid = useCallback(() => {
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }, []);

  const onSubmit: (event?: FormEvent<HTMLFormElement>) => void = form.onSubmit(
    (values) => {
      setFailure(null);
      const input = toInput(values);
      const body = id === null ? input : changedFields(toInput(form.getInitialValues()), input);
      if (id !== null && Object.keys(body).length === 0) return onDone();
      save.mutate(
        { id, input: body },
        {
          onSuccess: (saved) => {
            const { title, message } = notice(saved, id === null);
            notifySaved(title, message);
            onDone();
          },
          onError: (error) => {
            const placed = placeServerErrors(error, shape);
            form.setErrors(placed.fields);
            setFailure({ message: placed.general });
            focusFirstInvalid();
          },
        },
      );
    },
    () => focusFirstInvalid(),
  );

  return { formRef, onSubmit, failure, saving: save.isPending };
}
