import { EVENT_FILE_FORMATS, type ImportEventsResponse } from '@spotlight/contracts';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { FormAlert, TextField } from '../../ui/Field';
import { useImportEvents } from './mutations';

type Format = (typeof EVENT_FILE_FORMATS)[number];

/** The file's format, from its extension. */
const formatOf = (name: string): Format | undefined =>
  EVENT_FILE_FORMATS.find((format) => name.toLowerCase().endsWith(`.${format}`));

/** An organiser's calendar file (CSV or JSON): all its rows are imported, or none. */
export function ImportEventsForm() {
  const { t } = useTranslation();
  const importEvents = useImportEvents();
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<ImportEventsResponse>();
  const problemsId = useId();

  const handleFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0]);
    setProblem(undefined);
    setResult(undefined);
    importEvents.reset();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    if (!file) return setProblem(t('organiser.import.chooseFile'));
    const format = formatOf(file.name);
    if (!format) return setProblem(t('organiser.import.wrongType'));
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      return setProblem(t('organiser.import.cantRead', { error: errorMessage(error) }));
    }
    if (!content.trim()) return setProblem(t('organiser.import.empty'));
    importEvents.mutate({ format, content }, { onSuccess: setResult });
  };

  const error = importEvents.error;
  const rows = isApiError(error) ? error.issues : [];
  return (
    <form
      onSubmit={(e) => void handleSubmit(e)}
      className="space-y-3"
      noValidate
      aria-label={t('organiser.import.title')}
    >
      <TextField
        label={t('organiser.import.file')}
        hint={t('organiser.import.fileHint')}
        error={problem}
        type="file"
        accept=".csv,.json,text/csv,application/json"
        onChange={handleFile}
        className="py-2 text-sm"
      />
      <FormAlert message={error ? errorMessage(error) : undefined} />
      {rows.length > 0 && (
        <ul
          id={problemsId}
          aria-label={t('organiser.import.problems')}
          className="max-h-60 space-y-1 overflow-y-auto rounded-xl bg-red-50 p-3 text-sm text-red-900"
        >
          {rows.map((row, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              <span className="font-semibold">{row.path}</span>: {row.message}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <p role="status" className="text-sm text-emerald-800">
          {t('organiser.import.imported', { inserted: result.inserted, updated: result.updated })}
        </p>
      )}
      <Button type="submit" variant="secondary" className="w-full" busy={importEvents.isPending}>
        {t('organiser.import.submit')}
      </Button>
    </form>
  );
}
