/**
 * What a model's document says beyond what its listing derives from the model itself: a title,
 * opening paragraphs, further sections, the keys of its parameter file, the shipped data it is
 * calibrated to for the document, and where the document lives. In the prose, `{{name(i,j)}}`
 * names a symbol of the model; writing the document checks every such name against the model (a
 * set, alias, parameter, variable or equation, with as many indices as its domain), so that no
 * document describes a symbol the model does not have.
 * @module
 */

/** A key of a model's parameter file. */
export interface ParameterFileKey {
  /** The key (JSON path below the root, dots for nesting: `channels.spillover`). */
  readonly key: string;
  /** What it holds, in words, with its unit and domain. */
  readonly description: string;
  /** Whether calibration fails without it. */
  readonly required: boolean;
  /** The value used when it is absent (words or a number), for optional keys. */
  readonly default?: string;
}

/** The data a model's document is calibrated to: paths relative to the repository root. */
export interface DocumentData {
  readonly sam: string;
  readonly params?: string;
  /** A JSON file of outside assumptions (`{"key": {"value": …, "source": "…"}}`), listed in the document. */
  readonly assumptions?: string;
  /** The data in words, for the document (e.g. "the Thai database, 2022"). */
  readonly label: string;
}

/** A section of a model's document. */
export interface DocumentSection {
  readonly heading: string;
  /** Markdown; `{{X(i)}}` names a model symbol. */
  readonly text: string;
}

/** What a model's document says beyond its listing. */
export interface ModelDocumentation {
  readonly title: string;
  /** Opening paragraphs (Markdown, `{{…}}` symbol names). */
  readonly summary: string;
  /** The equations' text form: its `*` comment lines head the equation blocks of the document. */
  readonly equations: string;
  /** The parameter file's keys. */
  readonly parameterFile: readonly ParameterFileKey[];
  /** Sections after the generated ones, in order. */
  readonly sections: readonly DocumentSection[];
  readonly references: readonly string[];
  readonly data: DocumentData;
  /** Where the document is written, relative to the repository root. */
  readonly path: string;
}
