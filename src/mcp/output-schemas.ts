// TEMPORARY until the shape branch's result schemas land.
type Schema = Record<string, unknown>;
const any: Schema = { type: 'object' };
export const OUTPUT_SCHEMAS: Record<'recommend' | 'checklist' | 'compare' | 'explain' | 'useCases' | 'models' | 'check', Schema> = {
  recommend: any, checklist: any, compare: any, explain: any, useCases: any, models: any, check: any,
};
