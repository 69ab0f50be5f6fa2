/**
 * The configurator's one error type. Expected outcomes (no completion, over budget, ...) are
 * values; this is thrown for bad input such as unknown family or option codes.
 */
export class ConfiguratorError extends Error {
  readonly code: string;
  readonly details: Record<string, string | undefined>;

  constructor(code: string, message: string, details: Record<string, string | undefined> = {}) {
    super(message);
    this.name = 'ConfiguratorError';
    this.code = code;
    this.details = details;
  }
}
