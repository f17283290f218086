/**
 * One registry per document type: output format → renderer. A command picks its renderer here
 * and nowhere else, and its --format choices are the registry's keys (the first is the
 * default). Each renderer is loaded only when chosen, so JSON output never loads the table
 * layout library.
 */
import type { ChecklistResult } from '../checklist.js';
import type { CheckedFile } from '../check/combine.js';
import type { ChecklistEntry } from '../governance/select.js';
import type { FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import type { CatalogueModel } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import type { AppliedFilters } from './models-json.js';
import type { WhyNot } from '../scoring/why-not.js';
import type { ToolInfo } from '../tool.js';
import type { Style } from './style.js';
import { markdownWithoutHtml } from '../util/sanitize.js';

/** What every renderer may use besides its result: no process, terminal or file system. */
export interface RenderContext {
  tool: ToolInfo;
  style: Style;
  width: number;
  /** The --knowledge overlays the result was made with, as given. */
  overlays: string[];
}

export type Renderer<R> = (result: R, context: RenderContext) => string;
/** format → a loader of its renderer. */
export type Registry<R> = Readonly<Record<string, () => Promise<Renderer<R>>>>;

export async function render<R>(registry: Registry<R>, format: string, result: R, context: RenderContext): Promise<string> {
  const load = registry[format];
  if (!load) throw new Error(`no renderer for format "${format}"`);
  const rendered = (await load())(result, context);
  // Every Markdown document, whichever command made it: no HTML from the knowledge gets through.
  const text = format === 'markdown' ? markdownWithoutHtml(rendered) : rendered;
  return text.endsWith('\n') ? text : `${text}\n`;
}

type DocumentOf<R> = (result: R, context: RenderContext) => unknown;

/** The `json` and `yaml` entries of a registry: one document, written two ways. */
function dataFormats<R>(loadDocument: () => Promise<DocumentOf<R>>): { json: () => Promise<Renderer<R>>; yaml: () => Promise<Renderer<R>> } {
  const as = (loadWriter: () => Promise<(document: unknown) => string>) => async (): Promise<Renderer<R>> => {
    const [write, document] = await Promise.all([loadWriter(), loadDocument()]);
    return (result, context) => write(document(result, context));
  };
  return {
    json: as(async () => (await import('./recommend-json.js')).renderJson),
    yaml: as(async () => (await import('./yaml.js')).renderYaml),
  };
}

export interface RecommendResult {
  rec: Recommendation;
  whyNot?: WhyNot;
  /** --details: the table format shows everything instead of the one-screen summary. */
  details?: boolean;
  /** False when the follow-up menu will offer the next steps (a consultation). */
  next?: boolean;
}

export const RECOMMEND_RENDERERS: Registry<RecommendResult> = {
  table: async () => {
    const [{ renderRecommendTable }, { renderRecommendSummary }, { renderWhyNotText }] = await Promise.all([
      import('./recommend-table.js'),
      import('./recommend-summary.js'),
      import('./why-not.js'),
    ]);
    return ({ rec, whyNot, details, next }, { style, width }) => {
      const contrast = whyNot ? renderWhyNotText(whyNot, rec.knowledge, style, width) : undefined;
      if (details) return renderRecommendTable(rec, { style, width, whyNot: contrast });
      return renderRecommendSummary(rec, { style, width, whyNot: contrast, contrasted: whyNot?.family, next, formats: Object.keys(RECOMMEND_RENDERERS) });
    };
  },
  ...dataFormats(async () => {
    const [{ recommendDocument }, { whyNotDocument }] = await Promise.all([import('./recommend-json.js'), import('./why-not.js')]);
    return ({ rec, whyNot }: RecommendResult, { tool, overlays }: RenderContext) => ({
      ...recommendDocument(rec, tool, overlays),
      ...(whyNot ? { whyNot: whyNotDocument(whyNot, rec.knowledge) } : {}),
    });
  }),
  markdown: async () => {
    const { renderRecommendMarkdown } = await import('./recommend-markdown.js');
    return ({ rec, whyNot }, { tool, overlays }) => renderRecommendMarkdown(rec, { whyNot, tool, overlays });
  },
  html: async () => {
    const { renderRecommendHtml } = await import('./recommend-html.js');
    return ({ rec, whyNot }, { tool, overlays }) => renderRecommendHtml(rec, { whyNot, tool, overlays });
  },
};

export type { ChecklistResult };

export const CHECKLIST_RENDERERS: Registry<ChecklistResult> = {
  table: async () => (await import('./checklist.js')).renderChecklistTable,
  ...dataFormats(async () => {
    const { checklistDocument } = await import('./checklist-document.js');
    return (result: ChecklistResult, { tool }: RenderContext) => checklistDocument(result, tool);
  }),
  markdown: async () => {
    const [{ checklistMarkdown }, { checklistScope }] = await Promise.all([import('./checklist.js'), import('../governance/scope.js')]);
    return (result) => checklistMarkdown(result.entries, checklistScope(result));
  },
};

export interface FamiliesResult {
  knowledge: Knowledge;
  ids: FamilyId[];
  sources: boolean;
}

export const COMPARE_RENDERERS: Registry<FamiliesResult> = {
  table: async () => {
    const { renderCompareTable } = await import('./families.js');
    return ({ knowledge, ids, sources }, { style, width }) => renderCompareTable(knowledge, ids, style, width, { sources });
  },
  ...dataFormats(async () => {
    const { compareDocument } = await import('./families.js');
    return ({ knowledge, ids, sources }: FamiliesResult, { tool }: RenderContext) => compareDocument(knowledge, ids, tool, { sources });
  }),
  markdown: async () => {
    const { renderCompareMarkdown } = await import('./families-markdown.js');
    return ({ knowledge, ids, sources }) => renderCompareMarkdown(knowledge, ids, { sources });
  },
};

export const EXPLAIN_RENDERERS: Registry<FamiliesResult> = {
  table: async () => {
    const { renderExplainText } = await import('./families.js');
    return ({ knowledge, ids, sources }, { style, width }) => renderExplainText(knowledge, ids[0]!, style, width, { sources });
  },
  ...dataFormats(async () => {
    const { explainDocument } = await import('./families.js');
    return ({ knowledge, ids, sources }: FamiliesResult, { tool }: RenderContext) => explainDocument(knowledge, ids[0]!, tool, { sources });
  }),
  markdown: async () => {
    const { renderExplainMarkdown } = await import('./families-markdown.js');
    return ({ knowledge, ids, sources }) => renderExplainMarkdown(knowledge, ids[0]!, { sources });
  },
};

export const USE_CASES_RENDERERS: Registry<Knowledge> = {
  table: async () => {
    const { renderUseCasesTable } = await import('./use-cases.js');
    return (knowledge, { style, width }) => renderUseCasesTable(knowledge, style, width);
  },
  ...dataFormats(async () => {
    const { useCasesDocument } = await import('./use-cases.js');
    return (knowledge: Knowledge, { tool }: RenderContext) => useCasesDocument(knowledge, tool);
  }),
  markdown: async () => (await import('./families-markdown.js')).renderUseCasesMarkdown,
};

/** The checked stack files, each with its own engine result; one file renders as it always did. */
export interface CheckReport {
  files: CheckedFile[];
}

const one = (report: CheckReport) => (report.files.length === 1 ? report.files[0]! : undefined);
const results = (report: CheckReport) => report.files.map((f) => f.result);

const checkData = dataFormats(async () => {
  const { checkDocument, checkFilesDocument } = await import('./check-json.js');
  return (report: CheckReport, { tool }: RenderContext) => {
    const single = one(report);
    return single ? checkDocument(single.result, tool) : checkFilesDocument(results(report), tool);
  };
});
const checkText = async (): Promise<Renderer<CheckReport>> => {
  const { renderCheckText, renderCheckTexts } = await import('./check-text.js');
  return (report, { style, width }) => {
    const single = one(report);
    return single ? renderCheckText(single.result, style, width) : renderCheckTexts(results(report), style, width);
  };
};

/** `table`, the contract's common default format, is check's text report. */
export const CHECK_RENDERERS: Registry<CheckReport> = {
  text: checkText,
  json: checkData.json,
  junit: async () => {
    const { renderCheckJunit, renderCheckJunits } = await import('./check-junit.js');
    return (report) => {
      const single = one(report);
      return single ? renderCheckJunit(single.result) : renderCheckJunits(results(report));
    };
  },
  sarif: async () => {
    const { renderCheckSarifFiles } = await import('./check-sarif.js');
    return ({ files }, { tool }) => renderCheckSarifFiles(files, tool);
  },
  github: async () => {
    const { renderCheckGithub, renderCheckGithubFiles } = await import('./check-github.js');
    return (report) => {
      const single = one(report);
      return single ? renderCheckGithub(single.result, { file: single.path }) : renderCheckGithubFiles(report.files);
    };
  },
  markdown: async () => {
    const { renderCheckMarkdownFiles } = await import('./check-markdown.js');
    return (report) => renderCheckMarkdownFiles(results(report));
  },
  yaml: checkData.yaml,
  table: checkText,
};

export interface ModelsResult {
  knowledge: Knowledge;
  models: readonly CatalogueModel[];
  filters: AppliedFilters;
  /** The day statuses are judged on. */
  today: string;
}

export const MODELS_RENDERERS: Registry<ModelsResult> = {
  table: async () => {
    const { renderModelsTable } = await import('./models-text.js');
    return ({ knowledge, models, filters, today }, { style, width }) => renderModelsTable(knowledge, models, filters, today, style, width);
  },
  ...dataFormats(async () => {
    const { modelsDocument } = await import('./models-json.js');
    return ({ knowledge, models, filters, today }: ModelsResult, { tool }: RenderContext) => modelsDocument(knowledge, models, filters, today, tool);
  }),
  markdown: async () => {
    const { renderModelsMarkdown } = await import('./models-markdown.js');
    return ({ knowledge, models, filters, today }) => renderModelsMarkdown(knowledge, models, filters, today);
  },
};
