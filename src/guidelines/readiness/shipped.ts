/** Where the readiness assessment of the shipped data lives in the repository, and how it names its input. */

/** Folder of the shipped assessment, relative to the package root. */
export const SHIPPED_READINESS_DIR = 'docs/guideline/readiness';

/** The label of the shipped data in the chapter. */
export const SHIPPED_READINESS_LABEL = 'the shipped datasets harmonised by `digicge harmonise --default` (WDI, OWID/UN WUP)';
