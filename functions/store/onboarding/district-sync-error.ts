/**
 * The district file cannot be applied to the stored data as it is (a code the file wants is
 * taken by an entity people created). The message names the file entry, so the operator fixes
 * the file or the data; the deploy fails and CloudFormation rolls back to the previous file.
 */
export class DistrictSyncError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DistrictSyncError';
  }
}
