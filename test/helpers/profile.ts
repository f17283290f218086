import type { Profile } from '../../src/knowledge/types.js';

/** A profile with the test defaults: interactive, moderate data, medium compute, general sector, all booleans off. */
export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    modality: 'text',
    task: 'generate',
    latency: 'interactive',
    priorities: {},
    require: [],
    data: 'moderate',
    compute: 'medium',
    sector: 'general',
    customer_facing: false,
    sensitive_data: false,
    synthetic_media: false,
    high_stakes: false,
    human_review: false,
    interacts_with_people: false,
    publishes_content: false,
    emotion_or_biometric: false,
    informs: 'none',
    system_role: 'deployer',
    public_role: 'none',
    minors: false,
    model_role: 'use',
    jurisdiction: ['eu'],
    ...overrides,
  };
}
