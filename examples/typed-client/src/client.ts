import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';

/**
 * One client per signed-in user. The cache needs no `typePolicies`: every object the API answers
 * that a client caches has an `id`, so a mutation's answer replaces what earlier queries cached.
 * `uri` is the district's endpoint, e.g. `/graphql` behind the same origin.
 */
export function createClient(options: { uri: string; idToken: () => string | undefined }): ApolloClient {
  const auth = new SetContextLink(() => {
    const token = options.idToken();
    return token ? { headers: { authorization: `Bearer ${token}` } } : {};
  });
  return new ApolloClient({ link: auth.concat(new HttpLink({ uri: options.uri })), cache: new InMemoryCache() });
}
