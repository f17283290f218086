/**
 * What the MCP server adds to `recommend` and `checklist` when a call left questions open and
 * nobody could be asked: the defaults it applied, and each open question with its allowed values.
 */
import { Closed, Text, Type, type Static } from './common.js';

export const OpenQuestionSchema = () =>
  Closed({
    key: Text({ description: 'the answers key, as the tool takes it' }),
    prompt: Text(),
    help: Text(),
    allowed: Type.Array(Type.Union([Type.String(), Type.Boolean()]), { description: 'the values the answer may take; for priorities, the criteria (each given a level)' }),
    levels: Type.Optional(Type.Array(Type.String(), { description: 'for priorities: the levels a criterion may be given' })),
    default: Type.Unknown({ description: 'the value applied' }),
  });

export const AssumedSchema = () =>
  Closed(
    {
      defaults: Type.Record(Type.String(), Type.Unknown(), { description: 'answers key → the default applied' }),
      questions: Type.Array(OpenQuestionSchema()),
    },
    { description: 'the answers no one gave: answering them may change the advice' },
  );

export type OpenQuestion = Static<ReturnType<typeof OpenQuestionSchema>>;
export type Assumed = Static<ReturnType<typeof AssumedSchema>>;
