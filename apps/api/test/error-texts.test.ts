/**
 * Texts for people come in both languages (docs/api.md, "Languages"): every catalog code, every
 * validation message of every GraphQL input, every specific message (the compiler holds fail()
 * and AppError to {id, en}, and FieldProblem to messageEn).
 */
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { ERROR_CATALOG } from '../src/common/errors';
import { getSchema } from '../src/schema/build-schema';

it('every catalog code has an Indonesian and an English message, and they differ', () => {
  const bad = Object.entries(ERROR_CATALOG as Record<string, { id: string; en: string }>).filter(([, t]) => !t.id.trim() || !t.en.trim() || t.id === t.en);
  expect(bad).toEqual([]);
});

it('every validation rule of every GraphQL input has its own message in both languages (bi())', async () => {
  await getSchema(); // loads every input class, and with it every decorator
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, { type: string; name?: string; propertyName: string; message?: unknown; context?: { en?: unknown } }[]> };
  const rules = [...storage.validationMetadatas.entries()].flatMap(([target, list]) => list.map((m) => ({ ...m, cls: (target as { name?: string }).name ?? String(target) })));
  expect(rules.length).toBeGreaterThan(50);
  const missing = rules
    .filter((m) => m.type !== ValidationTypes.CONDITIONAL_VALIDATION && m.type !== ValidationTypes.NESTED_VALIDATION && m.type !== ValidationTypes.WHITELIST)
    .filter((m) => typeof m.message !== 'string' || !m.message || typeof m.context?.en !== 'string' || !m.context.en || m.context.en === m.message)
    .map((m) => `${m.cls}.${m.propertyName} (${m.name ?? m.type})`);
  expect(missing).toEqual([]);
});
