/**
 * The vendor rules: what a use case chose (`choice.model`, `hosting`, `license`) checked
 * against the model catalogue and the policy. The catalogue fills in what the stack file
 * leaves out, so an undeclared hosting or licence is judged by the model's own. Pure.
 */
import { findModel, hostableAs, inFamily, isLicenseCategory, licenseAllowed, licenseMatches } from '../catalogue/filter.js';
import type { CatalogueModel, LicenseCategory, Profile } from '../knowledge/types.js';
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
  if (model) modelFindings(ctx, model, choice.family, profile, add);
  hostingFindings(ctx.policy, choice.hosting, model, add);
  licenseFindings(ctx, choice.license, model, add);
}

function modelFindings(ctx: Context, model: CatalogueModel, family: UseCaseEntry['choice']['family'], profile: Pick<Profile, 'modality' | 'task'>, add: Add): void {
  if (!inFamily(model, family)) {
    const filed = model.also?.length ? `${model.family} (or ${model.also.join(', ')})` : model.family;
    add('vendor/model-family', MODEL, false, 'choice.model', `${model.name} (${model.id}) is a ${filed} model in the catalogue, not ${family}: set choice.family to ${model.family}, or choose a ${family} model`);
  }
  const gaps: string[] = [];
  if (!model.modalities.includes(profile.modality)) gaps.push(`the modality ${profile.modality} (it serves ${model.modalities.join(', ')})`);
  if (!model.tasks.includes(profile.task)) gaps.push(`the task ${profile.task} (it is for ${model.tasks.join(', ')})`);
  if (gaps.length > 0) add('vendor/model-modality', MODEL, false, 'choice.model', `${model.name} (${model.id}) does not serve ${gaps.join(', nor ')}`);
  if (model.retired) {
    const successor = model.successor === undefined ? undefined : ctx.knowledge.models.find((m) => m.id === model.successor);
    const next = successor ? `; its successor is ${successor.name} (${successor.id})` : '';
    add('vendor/model-deprecated', MODEL, false, 'choice.model', `${model.name} (${model.id}) is retired by ${model.vendor}${next}`);
  }
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
