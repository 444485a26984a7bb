export interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[]; message?: string };
}

/** POSTs one GraphQL operation, with a bearer token when given. */
export async function postGraphql(url: string, query: string, options: { token?: string; variables?: Record<string, unknown> } = {}): Promise<GraphqlAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlAnswer['body'] };
}

export function errorCodes(answer: GraphqlAnswer): (string | undefined)[] {
  return (answer.body.errors ?? []).map((error) => error.extensions?.code);
}
