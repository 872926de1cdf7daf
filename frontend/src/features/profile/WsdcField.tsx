import { api, type Division, type WsdcDancer } from '@spotlight/contracts';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../lib/api/client';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { divisionSummary, isLookupId, lookupFailure } from './wsdc';

/** What a lookup fills in the profile form (form values: '' is "not set"). */
export interface WsdcFill {
  displayName?: string;
  leaderDivision: Division | '';
  followerDivision: Division | '';
}

interface WsdcFieldProps {
  /** The form's binding of the wsdcId field. */
  field: {
    name: string;
    value: string;
    error?: string;
    onChange: (event: { target: { value: string } }) => void;
    onBlur: (event: { target: { value: string }; relatedTarget?: EventTarget | null }) => void;
  };
  /** The number saved on the profile: leaving the field on it looks nothing up. */
  savedId: string;
  displayName: string;
  leaderDivision: Division | null;
  followerDivision: Division | null;
  onFill: (fill: WsdcFill) => void;
}

const nameOfDancer = (dancer: WsdcDancer) => `${dancer.firstName} ${dancer.lastName}`.trim();

/**
 * The WSDC number, with "Fill from WSDC": the points registry (through the server) gives the
 * name and the highest division per role, which land in the form to be saved with it. Leaving
 * the field on a new number looks it up too. The outcome is announced (aria-live) and is part
 * of the field's description.
 */
export function WsdcField({
  field,
  savedId,
  displayName,
  leaderDivision,
  followerDivision,
  onFill,
}: WsdcFieldProps) {
  const { t } = useTranslation();
  const lookedUp = useRef(savedId);
  const button = useRef<HTMLButtonElement>(null);
  const typed = useRef(field.value.trim());
  typed.current = field.value.trim();
  const [offeredName, setOfferedName] = useState<string>();
  const lookup = useMutation({
    mutationFn: (wsdcId: string) => apiCall(api.wsdc.lookup, { params: { wsdcId } }),
    onSuccess: (dancer, wsdcId) => {
      // The number was changed while the registry answered: that answer is for another one.
      if (wsdcId !== typed.current) return;
      const name = nameOfDancer(dancer);
      const takeName = displayName.trim() === '' && name !== '';
      setOfferedName(!takeName && name !== displayName.trim() ? name : undefined);
      onFill({
        ...(takeName ? { displayName: name } : {}),
        leaderDivision: dancer.leaderDivision ?? '',
        followerDivision: dancer.followerDivision ?? '',
      });
    },
  });
  const value = field.value.trim();
  const canLookUp = isLookupId(value);

  const handleLookup = () => {
    if (!canLookUp) return;
    lookedUp.current = value;
    setOfferedName(undefined);
    lookup.mutate(value);
  };

  const handleChange = (event: { target: { value: string } }) => {
    field.onChange(event);
    lookup.reset();
    setOfferedName(undefined);
    // Divisions belong to a number: clearing it clears them.
    if (event.target.value.trim() === '') {
      lookedUp.current = '';
      onFill({ leaderDivision: '', followerDivision: '' });
    }
  };

  const handleBlur = (event: { target: { value: string }; relatedTarget?: EventTarget | null }) => {
    field.onBlur(event);
    // Leaving for the button: its click looks the number up. Leaving for "Save profile": the
    // dancer saves what is there, and an answer arriving after the save would change the form.
    const next = event.relatedTarget;
    if (next === button.current) return;
    if (next instanceof HTMLButtonElement && next.type === 'submit') return;
    if (canLookUp && value !== lookedUp.current && !lookup.isPending) handleLookup();
  };

  const failure = lookup.isError ? lookupFailure(lookup.error, lookup.variables ?? value) : null;
  const status = lookup.isPending
    ? t('profile.wsdc.looking')
    : failure
      ? failure.message
      : lookup.isSuccess
        ? t('profile.wsdc.found', {
            name: nameOfDancer(lookup.data),
            divisions: divisionSummary(lookup.data),
          })
        : leaderDivision || followerDivision
          ? divisionSummary({ leaderDivision, followerDivision })
          : t('profile.wsdc.prompt');

  return (
    <div className="space-y-2">
      <TextField
        label={t('profile.wsdc.number')}
        inputMode="numeric"
        autoComplete="off"
        {...field}
        onChange={handleChange}
        onBlur={handleBlur}
        hint={
          <span role="status" aria-live="polite" className={failure ? 'text-red-700' : undefined}>
            {status}
          </span>
        }
      />
      <div className="flex flex-wrap gap-2">
        <Button
          ref={button}
          variant="secondary"
          busy={lookup.isPending}
          disabled={!canLookUp}
          onClick={handleLookup}
        >
          {failure?.retry ? t('profile.wsdc.tryAgain') : t('profile.wsdc.fill')}
        </Button>
        {offeredName && (
          <Button
            variant="ghost"
            onClick={() => {
              onFill({
                displayName: offeredName,
                leaderDivision: leaderDivision ?? '',
                followerDivision: followerDivision ?? '',
              });
              setOfferedName(undefined);
            }}
          >
            {t('profile.wsdc.useName', { name: offeredName })}
          </Button>
        )}
      </div>
    </div>
  );
}
