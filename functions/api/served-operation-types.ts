import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * An operation whose kind the schema has no root type for (every `subscription`: there is no
 * Subscription type) is refused in validation, a 400 GRAPHQL_VALIDATION_FAILED; graphql-js 16
 * would only fail it in execution, with an uncoded error that is masked as an internal one.
 */
export const servedOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This API serves no ${node.operation} operations.`, { nodes: node }));
  },
});
