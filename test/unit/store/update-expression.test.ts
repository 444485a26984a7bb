import { updateExpression } from '../../../functions/store/query';

describe('updateExpression', () => {
  test('given attributes to set, when the update is built, then names and values are placeholders, never inlined', () => {
    expect(updateExpression({ set: { status: 'PUBLISHED', publishedAt: '2026-11-20T08:00:00Z' } })).toEqual({
      UpdateExpression: 'SET #u0 = :u0, #u1 = :u1',
      ExpressionAttributeNames: { '#u0': 'status', '#u1': 'publishedAt' },
      ExpressionAttributeValues: { ':u0': 'PUBLISHED', ':u1': '2026-11-20T08:00:00Z' },
    });
  });

  test('given an undefined value, when the update is built, then that attribute is removed', () => {
    expect(updateExpression({ set: { assigneeId: 'o1', dueAt: undefined } })).toEqual({
      UpdateExpression: 'SET #u0 = :u0 REMOVE #u1',
      ExpressionAttributeNames: { '#u0': 'assigneeId', '#u1': 'dueAt' },
      ExpressionAttributeValues: { ':u0': 'o1' },
    });
  });

  test('given only removals, when the update is built, then it has no values map (DynamoDB refuses an empty one)', () => {
    expect(updateExpression({ set: { dueAt: undefined } })).toEqual({ UpdateExpression: 'REMOVE #u0', ExpressionAttributeNames: { '#u0': 'dueAt' } });
  });

  test('given numbers to add and elements to append, when the update is built, then ADD adds them and the list starts empty when missing', () => {
    expect(updateExpression({ set: { expiresAt: 3600 }, add: { reported: 1, open: -1 }, append: { minutesToResolve: [42] } })).toEqual({
      UpdateExpression: 'SET #u0 = :u0, #u1 = list_append(if_not_exists(#u1, :u1_empty), :u1) ADD #u2 :u2, #u3 :u3',
      ExpressionAttributeNames: { '#u0': 'expiresAt', '#u1': 'minutesToResolve', '#u2': 'reported', '#u3': 'open' },
      ExpressionAttributeValues: { ':u0': 3600, ':u1': [42], ':u1_empty': [], ':u2': 1, ':u3': -1 },
    });
  });

  test('given a condition with its own placeholders, when the update is built, then they are merged beside the update’s', () => {
    expect(
      updateExpression(
        { add: { version: 1 } },
        { expression: 'attribute_exists(PK) AND #status = :draft', names: { '#status': 'status' }, values: { ':draft': 'DRAFT' } },
      ),
    ).toEqual({
      UpdateExpression: 'ADD #u0 :u0',
      ConditionExpression: 'attribute_exists(PK) AND #status = :draft',
      ExpressionAttributeNames: { '#u0': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':u0': 1, ':draft': 'DRAFT' },
    });
  });
});
