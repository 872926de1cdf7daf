/** The heat sheet, the matching settings and each dancer's heats. */
import type {
  HeatSheet,
  MatchingSettings,
  MyHeats,
  PutHeatsBody,
  PutMyHeatsBody,
  UpdateMatchingSettingsBody,
} from '@spotlight/contracts';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { AppContext } from '../../http/context';
import type { EventsService } from '../events/service';
import type { RolesService } from '../roles/service';
import { readHeatSheet } from './heat-sheet';
import { byTime, toHeats, toSettings } from './presenter';
import * as repo from './repository';

/** The sheet as stored: ordered lists and labelled heats. */
export async function loadSheet(db: Executor, eventId: number) {
  const [divisions, types, rounds, rows, settings] = await Promise.all([
    repo.listNamed(db, repo.NAMED.division, eventId),
    repo.listNamed(db, repo.NAMED.type, eventId),
    repo.listNamed(db, repo.NAMED.round, eventId),
    repo.listHeats(db, eventId),
    repo.findSettings(db, eventId),
  ]);
  const heats = toHeats(rows, { divisions, types, rounds });
  const sheet: HeatSheet = {
    eventId,
    settings: toSettings(settings),
    divisions,
    types,
    rounds,
    heats,
  };
  return { sheet, rows, order: new Map(heats.map((heat, i) => [heat.id, i])) };
}

/**
 * Replaces the sheet (the API and `npm run db:import -- --heats` share it). Heats kept (same
 * division, type, round and number) keep their id and everything attached; a removed heat that
 * some dancer declared refuses the whole sheet (409 heat_in_use), as does any problem (400).
 */
export async function replaceHeatSheet(db: Database, eventId: number, body: PutHeatsBody) {
  const read = readHeatSheet(body);
  if (!read.ok) {
    throw new AppError(
      'invalid_heat_sheet',
      `The heat sheet has ${read.problems.length} problem(s); nothing was changed`,
      read.problems,
    );
  }
  const { sheet } = read;
  await db.transaction(async (tx) => {
    const ids = {
      division: await repo.replaceNamed(tx, repo.NAMED.division, eventId, sheet.divisions),
      type: await repo.replaceNamed(tx, repo.NAMED.type, eventId, sheet.types),
      round: await repo.replaceNamed(tx, repo.NAMED.round, eventId, sheet.rounds),
    };
    const slot = (d: number, t: number, r: number, n: number) => `${d}:${t}:${r}:${n}`;
    const existing = new Map(
      (await repo.listHeats(tx, eventId)).map((h) => [
        slot(h.divisionId, h.typeId, h.roundId, h.number),
        h,
      ]),
    );
    const wanted = sheet.heats.map((h) => ({
      eventId,
      divisionId: ids.division.get(h.division)!,
      typeId: ids.type.get(h.type)!,
      roundId: ids.round.get(h.round)!,
      number: h.number,
      startsAt: h.startsAt,
    }));
    const wantedSlots = new Set(
      wanted.map((h) => slot(h.divisionId, h.typeId, h.roundId, h.number)),
    );
    const removed = [...existing].filter(([key]) => !wantedSlots.has(key)).map(([, h]) => h);
    const inUse = await repo.declaredHeatIds(
      tx,
      removed.map((h) => h.id),
    );
    if (inUse.length) {
      const labels = toHeats(
        removed.filter((h) => inUse.includes(h.id)),
        await loadSheet(tx, eventId).then(({ sheet: s }) => s),
      ).map((h) => h.label);
      throw new AppError(
        'heat_in_use',
        `Dancers declared ${inUse.length} heat(s) this sheet leaves out: ${labels.slice(0, 5).join(', ')}`,
        { heatIds: inUse, labels },
      );
    }
    await repo.deleteHeats(
      tx,
      removed.map((h) => h.id),
    );
    const added = [];
    for (const heat of wanted) {
      const old = existing.get(slot(heat.divisionId, heat.typeId, heat.roundId, heat.number));
      if (!old) added.push(heat);
      else if ((old.startsAt?.getTime() ?? null) !== (heat.startsAt?.getTime() ?? null)) {
        await repo.setHeatStart(tx, old.id, heat.startsAt);
      }
    }
    await repo.insertHeats(tx, added);
    for (const [kind, map] of Object.entries(ids) as [keyof typeof ids, Map<string, number>][]) {
      const names =
        kind === 'division' ? sheet.divisions : kind === 'type' ? sheet.types : sheet.rounds;
      await repo.deleteNamedExcept(
        tx,
        repo.NAMED[kind],
        eventId,
        names.map((name) => map.get(name)!),
      );
    }
  });
}

export interface SheetDeps {
  events: EventsService;
  roles: RolesService;
  /** Called after the deadline changed, to schedule the run. */
  onDeadline: (eventId: number, deadline: Date | null) => Promise<void>;
  /** Withdraws recordings of a dancer who dropped heats or stopped recording. */
  onEntryChanged: (eventId: number, userId: number) => Promise<void>;
}

export function createSheetService({ db }: AppContext, deps: SheetDeps) {
  const { events, roles } = deps;
  const assertManager = async (userId: number, eventId: number) => {
    await events.assertExists(eventId);
    await roles.assertCanManageEvent(userId, eventId);
  };

  const getMine = async (userId: number, eventId: number): Promise<MyHeats> => {
    await events.assertParticipant(eventId, userId);
    const [{ sheet, order }, entry, declared] = await Promise.all([
      loadSheet(db, eventId),
      repo.findEntry(db, eventId, userId),
      repo.listDancerHeats(db, eventId, userId),
    ]);
    const heats = new Map(sheet.heats.map((heat) => [heat.id, heat]));
    const list = declared.map((d) => ({ heat: heats.get(d.heatId)!, role: d.role }));
    return {
      eventId,
      bib: entry?.bib ?? null,
      willingToRecord: entry?.willingToRecord ?? true,
      heats: byTime(list, (item) => item.heat, order),
    };
  };

  return {
    async get(eventId: number): Promise<HeatSheet> {
      await events.assertExists(eventId);
      return (await loadSheet(db, eventId)).sheet;
    },

    /**
     * Replaces the sheet. Heats kept (same division, type, round and number) keep their id and
     * everything attached; a removed heat that some dancer declared refuses the whole sheet.
     */
    async put(userId: number, eventId: number, body: PutHeatsBody): Promise<HeatSheet> {
      await assertManager(userId, eventId);
      await replaceHeatSheet(db, eventId, body);
      return (await loadSheet(db, eventId)).sheet;
    },

    async updateSettings(
      userId: number,
      eventId: number,
      body: UpdateMatchingSettingsBody,
    ): Promise<MatchingSettings> {
      await assertManager(userId, eventId);
      const before = toSettings(await repo.findSettings(db, eventId));
      const next = { ...before, ...body };
      const deadline = next.registrationDeadline ? new Date(next.registrationDeadline) : null;
      const saved = toSettings(
        await repo.saveSettings(db, { eventId, ...next, registrationDeadline: deadline }),
      );
      if (saved.registrationDeadline !== before.registrationDeadline) {
        await deps.onDeadline(eventId, deadline);
      }
      return saved;
    },

    getMine,

    async putMine(userId: number, eventId: number, body: PutMyHeatsBody): Promise<MyHeats> {
      await events.assertParticipant(eventId, userId);
      await events.assertMayTakePart(eventId, userId);
      const known = new Set((await repo.listHeats(db, eventId)).map((h) => h.id));
      const unknown = body.heats.filter((h) => !known.has(h.heatId)).map((h) => h.heatId);
      if (unknown.length) {
        throw new AppError('unknown_heat', `No such heat at this event: ${unknown.join(', ')}`, {
          heatIds: unknown,
        });
      }
      await db.transaction(async (tx) => {
        await repo.saveEntry(tx, {
          eventId,
          userId,
          bib: body.bib,
          willingToRecord: body.willingToRecord,
        });
        await repo.replaceDancerHeats(tx, eventId, userId, body.heats);
      });
      await deps.onEntryChanged(eventId, userId);
      return getMine(userId, eventId);
    },
  };
}
