import { UsageError } from '../errors.js';

/** The answers are individually valid but together cannot be scored. */
export class ProfileError extends UsageError {
  override name = 'ProfileError';
}
