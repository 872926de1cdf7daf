import type { HeatSheet } from '@spotlight/contracts';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api/client';
import { errorMessage } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { FormAlert, TextArea, TextField } from '../../../ui/Field';
import { usePutHeats } from '../mutations';
import { toSheetBody } from '../sheet';

/** The heat sheet in one step: a CSV or JSON file, or the same text pasted; it replaces the old. */
export function LoadHeatsForm({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const put = usePutHeats(eventId);
  const [file, setFile] = useState<File>();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<HeatSheet>();

  const clear = () => {
    setProblems([]);
    setLoaded(undefined);
    put.reset();
  };

  const handleFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0]);
    clear();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    let content = text;
    if (file) {
      try {
        content = await file.text();
      } catch (error) {
        return setProblems([t('heats.load.cantRead', { error: errorMessage(error) })]);
      }
    } else if (!text.trim()) {
      return setProblems([t('heats.load.nothing')]);
    }
    const result = toSheetBody(content, file?.name);
    if (!result.ok) return setProblems(result.problems);
    put.mutate(result.body, { onSuccess: setLoaded });
  };

  const serverIssues = isApiError(put.error)
    ? put.error.issues.map((i) => `${i.path}: ${i.message}`)
    : [];
  const listed = [...problems, ...serverIssues];
  return (
    <form
      onSubmit={(e) => void handleSubmit(e)}
      className="space-y-3"
      noValidate
      aria-label={t('heats.load.submit')}
    >
      <TextField
        label={t('heats.load.file')}
        hint={<Trans i18nKey="heats.load.fileHint" components={{ code: <code /> }} />}
        type="file"
        accept=".csv,.json,text/csv,application/json"
        onChange={handleFile}
        className="py-2 text-sm"
      />
      {!file && (
        <TextArea
          label={t('heats.load.paste')}
          rows={4}
          spellCheck={false}
          className="font-mono text-sm"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            clear();
          }}
        />
      )}
      <FormAlert message={put.error ? errorMessage(put.error) : undefined} />
      {listed.length > 0 && (
        <ul
          aria-label={t('heats.load.problems')}
          className="max-h-60 space-y-1 overflow-y-auto rounded-xl bg-red-50 p-3 text-sm text-red-900"
        >
          {listed.map((problem, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              {problem}
            </li>
          ))}
        </ul>
      )}
      {loaded && (
        <p role="status" className="text-sm text-emerald-800">
          {t('heats.load.loaded', {
            heats: t('heats.load.heatCount', { count: loaded.heats.length }),
            divisions: t('heats.load.divisionCount', { count: loaded.divisions.length }),
          })}
        </p>
      )}
      <Button type="submit" className="w-full" busy={put.isPending}>
        {t('heats.load.submit')}
      </Button>
    </form>
  );
}
