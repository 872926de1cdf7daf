/**
 * The text fields of a form that differ from what is saved, trimmed, for a PATCH body; an
 * emptied field is sent as null (cleared). Empty when nothing changed.
 */
export function changedFields<F extends string>(
  fields: readonly F[],
  values: Record<F, string>,
  saved: Record<F, string>,
): Partial<Record<F, string | null>> {
  const diff: Partial<Record<F, string | null>> = {};
  for (const field of fields) {
    if (values[field].trim() !== saved[field]) diff[field] = values[field].trim() || null;
  }
  return diff;
}
