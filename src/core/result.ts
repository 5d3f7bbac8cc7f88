/**
 * Parsers and core operations return results, not exceptions: the caller decides how to show
 * the problem, and nothing half-done escapes as a thrown error.
 */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * An error a user can act on. `code` selects a translated message (i18n key `errors.<code>`);
 * `message` is the Dutch fallback used by the CLI and logs; `params` fill the message.
 */
export type AppError = {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  /** Where the problem is, when it is in a file: sheet, 1-based row, column, offending value. */
  location?: { sheet?: string; row?: number; column?: string; value?: string };
};

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = (
  code: string,
  message: string,
  params?: AppError['params'],
  location?: AppError['location'],
): Result<never> => ({ ok: false, error: { code, message, params, location } });
