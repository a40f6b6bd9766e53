import { Type } from '@mikro-orm/postgresql';

/**
 * A Postgres `numeric` without precision or scale, held in JS as the decimal string Postgres
 * returns. MikroORM's own DecimalType compares values as floats to detect changes, which cannot
 * tell 1234567890123456.01 from 1234567890123456.02; this type compares the strings.
 */
export class ExactNumericType extends Type<string | null | undefined, string | null | undefined> {
  override convertToJSValue(value: string | null | undefined): string | null | undefined {
    return value === null || value === undefined ? value : String(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(): string {
    return 'numeric';
  }
}
