/**
 * Validation messages of the GraphQL inputs (class-validator decorators) in both languages:
 * `@Length(1, 200, bi('Pengirim surat wajib diisi (maksimal 200 karakter)', 'The sender is required (at most 200 characters)'))`.
 * The Indonesian text is class-validator's message; the English one rides in the decorator's
 * context, and formatGraphQLError puts it in `fields[].messageEn`. A test (validation-messages)
 * holds every decorator to it.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';

export const bi = (id: string, en: string, options: Omit<ValidationOptions, 'message' | 'context'> = {}): ValidationOptions => ({
  ...options,
  message: id,
  context: { en },
});

/**
 * A required text of `min`–`max` characters once trimmed: a value of spaces only is empty, and
 * what is stored (the trimmed text) is what is measured. Replaces @Length on required texts.
 */
export function TrimmedLength(min: number, max: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'trimmedLength',
      constraints: [min, max],
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length >= min && value.trim().length <= max },
    },
    options,
  );
}
