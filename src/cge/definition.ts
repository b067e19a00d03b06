/**
 * What a model of the library provides: its equations (a {@link CgeModel}), its calibration from a
 * SAM and parameters, its closures, which variables are nominal, its households for welfare, and
 * its GDP.
 * @module
 */
import type { CgeModel } from './model/model.js';
import type { Closure } from './closure.js';
import type { CalibrationText } from './listing/calibration.js';
import type { ModelDocumentation } from './listing/documentation.js';
import type { SamInput } from './sam-input.js';

/** Reads a variable's level at an element tuple (`[]` or omitted for a scalar). */
export type LevelReader = (variable: string, index?: readonly string[]) => number;

/**
 * Reads a parameter's value in force at a solution (the benchmark's, or a scenario's shocked one)
 * at an element tuple (`[]` or omitted for a scalar).
 */
export type ParameterReader = (parameter: string, index?: readonly string[]) => number;

/**
 * A household with Cobb-Douglas utility U = Π_i X_i^α_i (α summing to 1): expenditure
 * e(p, U) = U · Π_i (p_i/α_i)^α_i, so EV = e(p⁰,U¹) − e(p⁰,U⁰) and CV = e(p¹,U¹) − e(p¹,U⁰).
 */
export interface CobbDouglasHousehold {
  readonly household: string;
  /** Set of goods the utility runs over. */
  readonly goods: string;
  /** Consumption variable indexed by goods (e.g. `Xp`). */
  readonly consumption: string;
  /** Consumer price variable indexed by goods (e.g. `pq`). */
  readonly price: string;
  /** Share parameter indexed by goods (e.g. `alpha`). */
  readonly share: string;
  /** Demand system: omitted or `cobb-douglas`. */
  readonly kind?: 'cobb-douglas';
}

/**
 * A household with a linear expenditure system (Stone–Geary utility U = Π_i (X_i − γ_i)^β_i, Σβ = 1):
 * expenditure e(p, U) = Σ_i p_i·γ_i + U · Π_i (p_i/β_i)^β_i.
 */
export interface LesHousehold extends Omit<CobbDouglasHousehold, 'kind'> {
  readonly kind: 'les';
  /** Subsistence quantity parameter γ indexed by goods (`share` holds the marginal budget shares β). */
  readonly subsistence: string;
}

/**
 * A household with CES utility U = (Σ_i δ_i·X_i^ρ)^(1/ρ), ρ = (σ−1)/σ: expenditure
 * e(p, U) = U · (Σ_i δ_i^σ · p_i^(1−σ))^(1/(1−σ)).
 */
export interface CesHousehold extends Omit<CobbDouglasHousehold, 'kind'> {
  readonly kind: 'ces';
  /** Scalar parameter holding the elasticity of substitution σ (> 0, ≠ 1); `share` holds δ. */
  readonly elasticity: string;
}

/** A household of a model, for welfare measures: Cobb–Douglas, LES or CES demand. */
export type Household = CobbDouglasHousehold | LesHousehold | CesHousehold;

/** GDP of a solution, nominal and at benchmark prices. */
export interface Gdp {
  readonly nominal: number;
  readonly real: number;
}

/** A calibrated model ready to compile: parameter values and variable levels at the benchmark. */
export interface CalibratedModel {
  readonly model: CgeModel;
  /** Closures by name. */
  readonly closures: Readonly<Record<string, Closure>>;
  /** Name of the default closure. */
  readonly defaultClosure: string;
  /** Variables homogeneous of degree one in the numeraire (prices and values); the others are real. */
  readonly nominal: readonly string[];
  /**
   * Parameters in money terms (a transfer or a budget fixed in currency): the homogeneity check
   * scales them with the numeraire. Default: none.
   */
  readonly nominalParameters?: readonly string[];
  /** Households, for welfare measures. */
  readonly households: readonly Household[];
  /**
   * GDP at a solution (`level`), nominal and at benchmark prices (`base` gives benchmark levels),
   * with the parameters in force at that solution (`param`: a scenario's shocked values).
   */
  gdp(level: LevelReader, base: LevelReader, param: ParameterReader): Gdp;
  /**
   * The SAM a solution implies (values at current prices, with the parameters in force at that
   * solution), row-major over `accounts`: the benchmark's must be the input SAM, and every
   * solution's must balance (each account's receipts equal its payments).
   */
  samOf(level: LevelReader, param: ParameterReader): { accounts: readonly string[]; values: Float64Array };
  /** The calibration as GAMS assignments (benchmark values, parameters, levels), for the model's listing and document. */
  readonly calibration?: CalibrationText;
}

/** A model of the library: name, description, and calibration from a SAM and parameters. */
export interface CgeModelDefinition {
  readonly name: string;
  readonly description: string;
  /**
   * Builds the model and calibrates it to the SAM and the parameters (elasticities, world prices,
   * numeraire — each model documents its keys). `paramsFile` locates errors.
   */
  calibrate(sam: SamInput, params: Readonly<Record<string, unknown>>, paramsFile?: string): CalibratedModel;
  /** What the model's document says beyond what its listing derives (see `modelDocument`). */
  readonly documentation?: ModelDocumentation;
}
