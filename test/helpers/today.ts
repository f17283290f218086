/** The fixed "today" tests pass to the engine, so that lifecycle and legal dates never drift with the clock. */
export const TODAY = '2026-12-04';
