import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, isEnumType, isInputObjectType, isObjectType, parse, type DefinitionNode } from 'graphql';

const schemaDir = join(__dirname, '..', '..', '..', 'schema');
const schema = buildASTSchema(parse(readdirSync(schemaDir).map((file) => readFileSync(join(schemaDir, file), 'utf8')).join('\n')));

/** Every field, argument-free input field and enum value an aggregate's file defines or adds, without a description. */
function undocumented(file: string): string[] {
  const definitions = parse(readFileSync(join(schemaDir, file), 'utf8')).definitions as (DefinitionNode & { name?: { value: string }; fields?: { name: { value: string } }[]; values?: { name: { value: string } }[] })[];
  return definitions.flatMap((definition) => {
    const type = definition.name && schema.getType(definition.name.value);
    if (!type) return [];
    const own = new Set([...(definition.fields ?? []), ...(definition.values ?? [])].map((member) => member.name.value));
    if (isEnumType(type)) return type.getValues().filter((value) => own.has(value.name) && !value.description).map((value) => `${type.name}.${value.name}`);
    if (isObjectType(type) || isInputObjectType(type)) {
      return Object.values(type.getFields()).filter((field) => own.has(field.name) && !field.description).map((field) => `${type.name}.${field.name}`);
    }
    return [];
  });
}

test('given the issue aggregate, when its SDL is read, then every field and enum value it defines is documented', () => {
  expect(undocumented('issue.graphql')).toEqual([]);
});
