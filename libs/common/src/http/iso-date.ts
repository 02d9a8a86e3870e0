import { ValidateBy, ValidationOptions } from 'class-validator';

// IsISO8601 also accepts week dates (2010-W01), ordinal dates (2010-001) and the basic format
// (20100101), which neither JavaScript nor Postgres read as timestamps. Used next to it: the
// calendar form only, and a date that exists.
const CALENDAR = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function isCalendarDate(value: unknown): boolean {
  return typeof value === 'string' && CALENDAR.test(value) && !isNaN(Date.parse(value));
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a valid ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm])`,
      },
    },
    options,
  );
}
