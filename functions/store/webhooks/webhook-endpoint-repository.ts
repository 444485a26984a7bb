import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import { ConflictError, NotFoundError } from '../../shared/errors';
import type { Store } from '../client';
import { districtPartition } from '../keys';
import { partitionPrefix, queryAll, updateExpression } from '../query';
import type { SecretBox } from './secret-box';
import { ENDPOINT_PREFIX, endpointKey } from './webhook-keys';

/** What the table holds of an endpoint: the endpoint, and its secrets sealed (secret-box.ts). */
interface EndpointItem extends WebhookEndpoint {
  PK: string;
  SK: string;
  secret: string;
  /** The secret before the last rotation, signing beside the new one until `previousSecretUntil`. */
  previousSecret?: string;
  previousSecretUntil?: string;
}

const ENTITY = 'WebhookEndpoint';

const endpointOf = (item: EndpointItem): WebhookEndpoint => {
  const { PK: _pk, SK: _sk, secret: _secret, previousSecret: _previous, previousSecretUntil: _until, ...endpoint } = item;
  return endpoint;
};

/**
 * A district's webhook endpoints. Secrets go in and out only through the box: sealed on write,
 * opened for signing alone; the endpoint this repository answers carries no secret.
 */
export class WebhookEndpointRepository {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  private context = (districtId: string, endpointId: string) => `${districtId}/${endpointId}`;

  async create(endpoint: WebhookEndpoint, secret: string): Promise<void> {
    const item: EndpointItem = { ...endpointKey(endpoint.districtId, endpoint.id), ...endpoint, secret: await this.box.seal(secret, this.context(endpoint.districtId, endpoint.id)) };
    try {
      await this.store.doc.send(new PutCommand({ TableName: this.store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(`${ENTITY} ${endpoint.id} already exists`, { cause: error });
      throw error;
    }
  }

  async get(districtId: string, endpointId: string): Promise<WebhookEndpoint | undefined> {
    const item = await this.item(districtId, endpointId);
    return item && endpointOf(item);
  }

  /** Every endpoint of the district (a handful: one Query of its partition). */
  async list(districtId: string): Promise<WebhookEndpoint[]> {
    const items = await queryAll<EndpointItem>(this.store, partitionPrefix(districtPartition(districtId), ENDPOINT_PREFIX));
    return items.map(endpointOf);
  }

  /** The secrets a delivery is signed with at `now`: the current one, and the previous one during its grace. */
  async signingSecrets(districtId: string, endpointId: string, now: Date): Promise<string[]> {
    const item = await this.item(districtId, endpointId);
    if (!item) throw new NotFoundError(ENTITY, endpointId);
    const context = this.context(districtId, endpointId);
    const current = await this.box.open(item.secret, context);
    const previousValid = item.previousSecret && item.previousSecretUntil && Date.parse(item.previousSecretUntil) > now.getTime();
    return previousValid ? [current, await this.box.open(item.previousSecret!, context)] : [current];
  }

  /** A new secret; the old one keeps signing until `previousUntil`. CONFLICT if the endpoint changed since `readVersion`. */
  async rotateSecret(endpoint: WebhookEndpoint, secret: string, previousUntil: string, now: string): Promise<WebhookEndpoint> {
    const context = this.context(endpoint.districtId, endpoint.id);
    return this.update(endpoint, {
      set: { secret: await this.box.seal(secret, context), secretRotatedAt: now, updatedAt: now, previousSecretUntil: previousUntil },
      copySecretToPrevious: true,
    });
  }

  /** Enables or disables the endpoint, with the reason it is disabled. CONFLICT if it changed since it was read. */
  setStatus(endpoint: WebhookEndpoint, status: WebhookEndpoint['status'], reason: string | undefined, now: string): Promise<WebhookEndpoint> {
    return this.update(endpoint, { set: { status, disabledReason: status === 'DISABLED' ? reason : undefined, failingSince: undefined, updatedAt: now } });
  }

  /** A delivery succeeded: the endpoint is no longer failing. */
  async recordSuccess(endpoint: WebhookEndpoint): Promise<void> {
    // Not skipped when the endpoint read had no failingSince: another attempt may have set it since.
    await this.store.doc.send(
      new UpdateCommand({
        TableName: this.store.tableName,
        Key: endpointKey(endpoint.districtId, endpoint.id),
        ...updateExpression({ set: { failingSince: undefined } }, { expression: 'attribute_exists(failingSince)' }),
      }),
    ).catch(ignoreConditionFailure);
  }

  /** A delivery attempt failed: answers since when the endpoint has been failing (this attempt, if it was not). */
  async recordFailure(endpoint: WebhookEndpoint, at: string): Promise<string> {
    const output = await this.store.doc.send(
      new UpdateCommand({
        TableName: this.store.tableName,
        Key: endpointKey(endpoint.districtId, endpoint.id),
        UpdateExpression: 'SET failingSince = if_not_exists(failingSince, :at)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return (output.Attributes?.failingSince as string | undefined) ?? at;
  }

  /** Disables an endpoint that keeps failing, unless an ADMIN changed it meanwhile. Answers whether it did. */
  async disableFailing(endpoint: WebhookEndpoint, reason: string, now: string): Promise<boolean> {
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: endpointKey(endpoint.districtId, endpoint.id),
          ...updateExpression(
            { set: { status: 'DISABLED', disabledReason: reason, updatedAt: now }, add: { version: 1 } },
            { expression: '#status = :enabled', names: { '#status': 'status' }, values: { ':enabled': 'ENABLED' } },
          ),
        }),
      );
      return true;
    } catch (error) {
      ignoreConditionFailure(error);
      return false;
    }
  }

  private async item(districtId: string, endpointId: string): Promise<EndpointItem | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: endpointKey(districtId, endpointId), ConsistentRead: true }));
    return output.Item as EndpointItem | undefined;
  }

  private async update(endpoint: WebhookEndpoint, change: { set: Record<string, unknown>; copySecretToPrevious?: boolean }): Promise<WebhookEndpoint> {
    const fields = updateExpression({ set: change.set, add: { version: 1 } }, { expression: 'version = :readVersion', values: { ':readVersion': endpoint.version } });
    const expression = change.copySecretToPrevious ? fields.UpdateExpression.replace(/^SET /, 'SET previousSecret = secret, ') : fields.UpdateExpression;
    try {
      const output = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: endpointKey(endpoint.districtId, endpoint.id),
          ...fields,
          UpdateExpression: expression,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return endpointOf(output.Attributes as EndpointItem);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(`${ENTITY} ${endpoint.id} was changed concurrently; read it again and retry`, { cause: error });
      }
      throw error;
    }
  }
}

function ignoreConditionFailure(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}
