/**
 * One question of the table (knowledge/questions.yaml): it yields its flag, prompt, answers
 * key and help text, and the answers schema (answers.ts) is derived from it.
 */
import { Closed, ID, Id, OneOf, Text, Type, type Static } from './common.js';

/** What an answer does to the weights and to eligibility. Data, not code. */
export const effectSchema = () =>
  Closed({
    /** criterion id → importance points added (may be negative). */
    weights: Type.Optional(Type.Unsafe<Record<string, number>>({ type: 'object', additionalProperties: { type: 'number', minimum: -10, maximum: 10 } })),
    /** criterion id → minimum rating a family needs to stay eligible. */
    requires: Type.Optional(Type.Unsafe<Record<string, number>>({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } })),
  });

export const choiceSchema = () =>
  Closed({
    value: Id(),
    label: Text(),
    help: Text(),
    effect: Type.Optional(effectSchema()),
    /**
     * Tasks only. `generative: false` marks an analysis task (anomaly detection, density
     * estimation): the family's generation fit for the modality does not count, only its fit
     * for the task. `uses` renames what a criterion means on this task (on anomaly detection,
     * speed is scoring speed): its weight and requirements move to the named criterion.
     * `excludes` lists criteria that do not apply to the task at all (weight zero).
     * `note` is one sentence shown with every recommendation for the task.
     */
    generative: Type.Optional(Type.Boolean()),
    uses: Type.Optional(Type.Unsafe<Record<string, string>>({ type: 'object', propertyNames: { pattern: ID }, additionalProperties: { type: 'string', pattern: ID } })),
    excludes: Type.Optional(Type.Array(Id())),
    note: Type.Optional(Text()),
  });

/** `multi`: several of the choices may be given at once (the answer is a list). */
export const QUESTION_KINDS = ['preset', 'choice', 'multi', 'priorities', 'boolean'] as const;

export const questionSchema = () =>
  Closed({
    /** The answers-file / stack-file key (snake_case). The flag is derived: `use_case` → `--use-case`. */
    key: Type.String({ pattern: '^[a-z]+(_[a-z]+)*$' }),
    /** The flag's name when it is not the key with _ → - (`priorities` → `priority`). */
    flag: Type.Optional(Id()),
    kind: OneOf(QUESTION_KINDS),
    /** The question asked in a consultation. */
    prompt: Text(),
    /** One line for --help and for the prompt's hint. */
    help: Text(),
    /** Placeholder for the flag's value in --help (`<m>`). */
    value_name: Type.Optional(Text()),
    /** 'use-case' questions shape the scoring, 'governance' ones the checklist. */
    group: OneOf(['use-case', 'governance'] as const),
    required: Type.Optional(Type.Boolean()),
    default: Type.Optional(Type.Unsafe<string | boolean | string[]>({ type: ['string', 'boolean', 'array'], items: { type: 'string', pattern: ID } })),
    choices: Type.Optional(Type.Array(choiceSchema(), { minItems: 2 })),
    /** For booleans: effect when true / when false. */
    when_true: Type.Optional(effectSchema()),
    when_false: Type.Optional(effectSchema()),
  });

export type Effect = Static<ReturnType<typeof effectSchema>>;
export type Choice = Static<ReturnType<typeof choiceSchema>>;
export type Question = Static<ReturnType<typeof questionSchema>>;
export type QuestionKind = Question['kind'];
