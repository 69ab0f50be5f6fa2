/**
 * @openc2b/configurator: compiles configuration rules to a decision diagram and answers every
 * click exactly. Pure TypeScript, no I/O, no runtime dependencies: the browser and the server
 * run the same code. It must not import Node modules or anything outside this package.
 */
export type { AnalysisFinding, AnalysisFindingKind, ModelAnalysis } from './analyze.ts';
export { analyzeModel, liveOptions } from './analyze.ts';
export type { DecodeResult } from './code.ts';
export { decodeConfiguration, encodeConfiguration } from './code.ts';
export type {
  CompileOptions,
  CompileStats,
  Csp,
  CspConstraint,
  CspFormula,
  CspVar,
  VariableOrder,
} from './compile.ts';
export {
  compile,
  compileCsp,
  compileCspWithStats,
  modelToCsp,
  orderVariables,
  ruleOptionCodes,
} from './compile.ts';
export type { CompiledLevel, CompiledModel, CompiledRule } from './compiled.ts';
export { FALSE, TRUE } from './compiled.ts';
export type { CompletionObjective, CompletionResult } from './complete.ts';
export { completeSelection } from './complete.ts';
export { countPerNode, countSolutions, edgeCount, nodeCount } from './count.ts';
export { ConfiguratorError } from './errors.ts';
export type { Cnf } from './import-dimacs.ts';
export { cnfToModel, dimacsOptionCode, parseDimacs } from './import-dimacs.ts';
export type { XcspInstance, XcspTable, XcspVariable } from './import-xcsp.ts';
export {
  importXcsp,
  importXcspModel,
  parseXcsp,
  xcspOptionCode,
  xcspToCsp,
  xcspToModel,
} from './import-xcsp.ts';
export type { Expr, Family, LocalizedText, Model, Option, PriceAdjustment, Rule, RuleKind } from './model.ts';
export { MODEL_FORMAT, MODEL_FORMAT_VERSION, noneCode } from './model.ts';
export type { BlockedBy, ClickResult, FamilyState, OptionState, QueryOptions, Selection } from './query.ts';
export { query } from './query.ts';
export type { Repair, RepairOptions, RepairResult } from './repair.ts';
export { repairs } from './repair.ts';
export { mulberry32, sampleConfiguration } from './sample.ts';
export {
  base64ToBytes,
  bytesToBase64,
  compiledFromBase64,
  compiledToBase64,
  deserializeCompiled,
  serializeCompiled,
} from './serialize.ts';
export type { CountOptions, CountResult, Ddnnf, LiteralCounts } from './sharp-sat.ts';
export { compileDdnnf, countCnf, ddnnfCount, literalCounts } from './sharp-sat.ts';
export type { ExprSolutions } from './solve-expr.ts';
export { exprHolds, solveExpr } from './solve-expr.ts';
export type { ModelIssue, ValidationResult } from './validate.ts';
export { validateModel } from './validate.ts';
