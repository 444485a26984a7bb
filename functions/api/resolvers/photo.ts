import type * as RequestPhotoUpload from '../../app/photos/request-photo-upload';
import type { Resolvers } from '../generated/graphql';
import { onFirstUse } from '../../shared/on-first-use';

// Loaded by the first upload request (on-first-use.ts).
const uploads = onFirstUse(() => require('../../app/photos/request-photo-upload') as typeof RequestPhotoUpload);

/** requestPhotoUpload: public with a service code, or staff; the use case decides. */
export const photoResolvers: Resolvers = {
  Mutation: {
    requestPhotoUpload: async (_parent, args, context) => {
      const upload = await uploads().requestPhotoUpload(context.services, context.caller, args);
      return { ...upload, id: upload.key };
    },
  },
};
