/**
 * A model's lifecycle as of a given day: the catalogue records the vendor's status and
 * shutdown date; "today" (an input, never the clock) decides whether that shutdown has come.
 */
import type { CatalogueModel, Knowledge, ModelRoute, ModelStatus } from '../knowledge/types.js';

/** A deprecated model warns when its shutdown is this close (days). */
export const SHUTDOWN_WARNING_DAYS = 90;
/** A catalogue snapshot older than this (days) is said to be stale. */
export const STALE_AFTER_DAYS = 90;

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);

type Lifecycle = Pick<CatalogueModel, 'status' | 'shutdown'> | ModelRoute;

/** The status on `today`: a shutdown date that has come retires the model whatever the entry says. */
export function statusOn(entry: Lifecycle, today: string | undefined): ModelStatus {
  if (entry.status === 'retired') return 'retired';
  if (entry.shutdown !== undefined && today !== undefined && entry.shutdown <= today) return 'retired';
  return entry.shutdown !== undefined ? 'deprecated' : entry.status;
}

/** Days left before the shutdown, when one is announced and still ahead. */
export function daysLeft(entry: Lifecycle, today: string): number | undefined {
  if (entry.shutdown === undefined || statusOn(entry, today) !== 'deprecated') return undefined;
  return daysBetween(today, entry.shutdown);
}

/** The routes of one way of hosting the model, and whether every one of them has ended. */
export const routesOf = (model: CatalogueModel, hosting: string) => (model.routes ?? []).filter((r) => r.hosting === hosting);

/** The ways the model can still be hosted on `today`: a hosting whose every route has ended is gone. */
export function hostingOn(model: CatalogueModel, today: string | undefined): CatalogueModel['hosting'] {
  return model.hosting.filter((h) => {
    const routes = routesOf(model, h);
    return routes.length === 0 || routes.some((r) => statusOn(r, today) !== 'retired');
  });
}

/** How a model stands on `today`, in words: "deprecated: shuts down 2026-12-11, replacement x". */
export function lifecycleNote(model: Pick<CatalogueModel, 'status' | 'shutdown' | 'replacement'>, today: string | undefined): string | undefined {
  const status = statusOn(model, today);
  if (status === 'active') return undefined;
  const replacement = model.replacement !== undefined ? `, replacement ${model.replacement}` : '';
  if (status === 'retired') return `retired${model.shutdown ? ` since ${model.shutdown}` : ''}${replacement}`;
  return `deprecated${model.shutdown ? `: shuts down ${model.shutdown}` : ''}${replacement}`;
}

/** The catalogue snapshot's age in days on `today`, when it is older than STALE_AFTER_DAYS. */
export function staleDays(knowledge: Pick<Knowledge, 'as_of'>, today: string): number | undefined {
  if (knowledge.as_of === undefined) return undefined;
  const age = daysBetween(knowledge.as_of, today);
  return age > STALE_AFTER_DAYS ? age : undefined;
}
