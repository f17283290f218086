import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the packed-tarball test first: it spends most of its time waiting on npm, so begun
 * first it overlaps everything else; begun late (a fresh clone has no timings to sort by, so
 * vitest goes by file size) it would run on alone at the end.
 */
export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => (/test\/e2e\/package\.test\.ts$/.test(file.moduleId) ? 0 : 1);
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
