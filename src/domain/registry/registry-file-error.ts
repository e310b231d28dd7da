// A registry file that cannot be read at all: the service turns it into an AppError with the same code, and
// nothing is written.

export type RegistryFileErrorCode =
  | "registry_empty"
  | "registry_not_csv"
  | "registry_header_invalid"
  | "registry_wrong_encoding";

export class RegistryFileError extends Error {
  constructor(
    readonly code: RegistryFileErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = "RegistryFileError";
  }
}
