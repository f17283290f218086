/**
 * The vendor rules: what a use case chose (`choice.model`, `hosting`, `license`) checked
 * against the model catalogue and the policy. The catalogue fills in what the stack file
 * leaves out, so an undeclared hosting or licence is judged by the model's own. Pure.
 */
import { findModel, hostableAs, inFamily, isLicenseCategory, licenseAllowed, licenseMatches, primaryFamily } from '../catalogue/filter.js';
import { daysLeft, routesOf, SHUTDOWN_WARNING_DAYS, staleDays, statusOn } from '../catalogue/lifecycle.js';
import type { CatalogueModel, LicenseCategory, ModelRoute, Profile } from '../knowledge/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { quote } from '../util/sanitize.js';
import { oneLine, type Add, type Context } from './context.js';
import type { UseCaseEntry } from './load.js';
import { HOSTING, type Policy } from './schema.js';

const MODEL = ['choice', 'model'];
const listOf = (items: readonly string[]) => (items.length > 0 ? items.map(oneLine).join(', ') : 'nothing');

export function vendorChoiceFindings(ctx: Context, choice: UseCaseEntry['choice'], profile: Pick<Profile, 'modality' | 'task'>, add: Add): void {
  const model = choice.model === undefined ? undefined : findModel(ctx.knowledge, choice.model);
  if (choice.model !== undefined && !model) {
    const hint = didYouMean(choice.model, ctx.knowledge.models.map((m) => m.id));
    add('vendor/model-unknown', MODEL, false, 'choice.model', `model ${quote(choice.model)} is not in the model catalogue, so its family, modality, hosting and licence are not verified.${hint} A private model can be added with a knowledge overlay (models:)`);
  }
  if (model) {
    modelFindings(ctx, model, choice.family, profile, add);
    lifecycleFindings(ctx, model, choice.hosting, add);
    staleFinding(ctx, add);
  }
  hostingFindings(ctx.policy, choice.hosting, model, add);
  licenseFindings(ctx, choice.license, model, add);
}

function modelFindings(ctx: Context, model: CatalogueModel, family: UseCaseEntry['choice']['family'], profile: Pick<Profile, 'modality' | 'task'>, add: Add): void {
  if (!inFamily(model, family)) {
    const filed = model.families.length > 1 ? `${model.families[0]} (or ${model.families.slice(1).join(', ')})` : primaryFamily(model);
    add('vendor/model-family', MODEL, false, 'choice.model', `${model.name} (${model.id}) is a ${filed} model in the catalogue, not ${family}: set choice.family to ${primaryFamily(model)}, or choose a ${family} model`);
  }
  const gaps: string[] = [];
  if (!model.modalities.includes(profile.modality)) gaps.push(`the modality ${profile.modality} (it serves ${model.modalities.join(', ')})`);
  if (!model.tasks.includes(profile.task)) gaps.push(`the task ${profile.task} (it is for ${model.tasks.join(', ')})`);
  if (gaps.length > 0) add('vendor/model-modality', MODEL, false, 'choice.model', `${model.name} (${model.id}) does not serve ${gaps.join(', nor ')}`);
}

/** "; the vendor's replacement is GPT-5.5 (gpt-5-5)", when the catalogue names one. */
function replacementText(ctx: Context, id: string | undefined): string {
  if (id === undefined) return '; the catalogue names no replacement';
  const next = ctx.knowledge.models.find((m) => m.id === id);
  return `; the vendor's replacement is ${next ? `${next.name} (${id})` : id}`;
}

/**
 * The model's lifecycle as of today, then that of the route of its hosting (the declared one,
 * or the only one): a shutdown that has come is an error, one within 90 days a warning.
 */
function lifecycleFindings(ctx: Context, model: CatalogueModel, declaredHosting: string | undefined, add: Add): void {
  const what = `${model.name} (${model.id})`;
  if (judge(ctx, model, what, model.vendor, add)) return;
  const hosting = declaredHosting ?? (model.hosting.length === 1 ? model.hosting[0] : undefined);
  if (hosting === undefined) return;
  const routes = routesOf(model, hosting);
  const live = routes.filter((r) => statusOn(r, ctx.today) !== 'retired');
  const route: ModelRoute | undefined = live.length === 0 ? routes[0] : live.length === routes.length ? routes[0] : undefined;
  if (route) judge(ctx, route, `the ${hosting} route of ${what}${route.name ? ` (${route.name})` : ''}`, model.vendor, add);
}

/** Reports a retired or soon-shut-down lifecycle; true when it reported the model retired. */
function judge(ctx: Context, entry: Pick<CatalogueModel, 'status' | 'shutdown' | 'replacement'>, what: string, vendor: string, add: Add): boolean {
  const status = statusOn(entry, ctx.today);
  const next = replacementText(ctx, entry.replacement);
  if (status === 'retired') {
    add('vendor/model-retired', MODEL, false, 'choice.model', `${what} was shut down by ${vendor}${entry.shutdown ? ` on ${entry.shutdown}` : ''}${next}`);
    return true;
  }
  if (status !== 'deprecated') return false;
  const left = daysLeft(entry, ctx.today);
  if (left === undefined) add('vendor/model-deprecated', MODEL, false, 'choice.model', `${what} is deprecated by ${vendor}, with no shutdown date announced yet${next}`);
  else if (left <= SHUTDOWN_WARNING_DAYS) add('vendor/model-deprecated', MODEL, false, 'choice.model', `${what} shuts down on ${entry.shutdown}, ${left} day${left === 1 ? '' : 's'} from ${ctx.today}${next}`);
  return false;
}

/** Once per check, at the first use case that names a catalogued model: the snapshot's age. */
function staleFinding(ctx: Context, add: Add): void {
  if (ctx.staleReported) return;
  ctx.staleReported = true;
  const age = staleDays(ctx.knowledge, ctx.today);
  if (age === undefined) return;
  add('catalogue/stale', MODEL, false, 'catalogue', `the model catalogue was checked on ${ctx.knowledge.as_of}, ${age} days before ${ctx.today}: lifecycles may have changed since; refresh it (genai-advisor models refresh --from <list>) or update genai-advisor`);
}

function hostingFindings(policy: Policy, hosting: string | undefined, model: CatalogueModel | undefined, add: Add): void {
  const allowed = policy.allowed_hosting;
  if (hosting !== undefined) {
    if (!(allowed as readonly string[]).includes(hosting)) add('vendor/hosting', ['choice', 'hosting'], false, 'choice.hosting', `hosting ${quote(hosting)} is not allowed by policy.allowed_hosting (${listOf(allowed)})`);
    else if (model && !hostableAs(model, hosting)) {
      add('vendor/hosting', ['choice', 'hosting'], false, 'choice.hosting', `${model.name} (${model.id}) cannot be hosted ${quote(hosting)}: the catalogue lists ${listOf(model.hosting)}`);
    }
    return;
  }
  // Undeclared hosting only matters when the policy rules something out.
  if (allowed.length >= HOSTING.length) return;
  if (!model) {
    add('vendor/hosting', ['choice'], true, 'choice.hosting', `choice.hosting is not declared, and policy.allowed_hosting allows only ${listOf(allowed)}`);
    return;
  }
  const usable = model.hosting.filter((h) => allowed.includes(h));
  if (usable.length === 0) {
    add('vendor/hosting', MODEL, false, 'choice.hosting', `${model.name} (${model.id}) can only be hosted ${listOf(model.hosting)} (from the catalogue), which policy.allowed_hosting (${listOf(allowed)}) does not allow`);
  } else if (usable.length < model.hosting.length) {
    add('vendor/hosting', ['choice'], true, 'choice.hosting', `choice.hosting is not declared, and ${model.name} can be hosted ${listOf(model.hosting)}, of which policy.allowed_hosting allows only ${listOf(usable)}: declare which`);
  }
}

/** A licence's category: the catalogue's, for any licence some catalogued model has. */
function categoryOf(ctx: Context, license: string, model: CatalogueModel | undefined): LicenseCategory | undefined {
  const name = license.toLowerCase();
  if (model && model.license.toLowerCase() === name) return model.license_category;
  if (isLicenseCategory(name)) return name;
  return ctx.knowledge.models.find((m) => m.license.toLowerCase() === name)?.license_category;
}

function licenseFindings(ctx: Context, declared: string | undefined, model: CatalogueModel | undefined, add: Add): void {
  // A declared licence that is not the catalogued model's is wrong whatever the policy allows.
  if (model && declared !== undefined && !licenseMatches(model, declared)) {
    add('vendor/license', ['choice', 'license'], false, 'choice.license', `${model.name} (${model.id}) is under ${quote(model.license)} in the catalogue, not ${quote(declared)}: correct choice.license`);
    return;
  }
  const allowed = ctx.policy.allowed_licenses;
  if (allowed.length === 0) return;
  const license = declared ?? model?.license;
  if (license === undefined) {
    add('vendor/license', ['choice'], true, 'choice.license', `choice.license is not declared, and policy.allowed_licenses allows only ${listOf(allowed)}`);
    return;
  }
  const category = categoryOf(ctx, license, model);
  const ok = allowed.some((a) => licenseAllowed(license, category, a));
  if (ok) return;
  const kind = category !== undefined ? ` (${category})` : '';
  if (declared !== undefined) {
    add('vendor/license', ['choice', 'license'], false, 'choice.license', `license ${quote(license)}${kind} is not in policy.allowed_licenses (${listOf(allowed)})`);
  } else {
    add('vendor/license', MODEL, false, 'choice.license', `${model!.name} (${model!.id}) is under ${quote(license)}${kind} (from the catalogue), which policy.allowed_licenses (${listOf(allowed)}) does not allow`);
  }
}
