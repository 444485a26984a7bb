import { requestPhotoUpload } from '../../app/photos/request-photo-upload';
import type { Resolvers } from '../generated/graphql';

/** requestPhotoUpload: public with a service code, or staff; the use case decides. */
export const photoResolvers: Resolvers = {
  Mutation: {
    requestPhotoUpload: async (_parent, args, context) => {
      const upload = await requestPhotoUpload(context.services, context.caller, args);
      return { ...upload, id: upload.key };
    },
  },
};
