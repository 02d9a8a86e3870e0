// Base for every domain error. Each lib subclasses it with its own code enum and maps
// each code to an HTTP status with an exhaustive switch, so the global filter needs
// no knowledge of the libs.
export abstract class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  abstract get status(): number;
}

// Fails the build when a switch over a code enum misses a member.
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
