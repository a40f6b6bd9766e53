import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A typed NGO Hub client in a few lines: queries over HTTP, subscriptions over graphql-ws, one API key. */
export class HubClient {
  private socket?: Client;

  constructor(
    private readonly url: string,
    private readonly apiKey?: string,
  ) {}

  private get credentials(): Record<string, string> {
    return this.apiKey ? { 'x-api-key': this.apiKey } : {};
  }

  /** Runs a query or mutation; throws with the hub's error codes when it answers with errors. */
  async request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollographql-client-name': 'partner-client-example', ...this.credentials },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    return body.data!;
  }

  /** Calls `onEvent` for each event until the returned function is called. */
  subscribe<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    onEvent: (event: Result) => void,
    onError: (error: unknown) => void,
  ): () => void {
    this.socket ??= createClient({ url: this.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: this.credentials });
    return this.socket.subscribe<Result>(
      { query: print(document), variables: variables as Record<string, unknown> },
      { next: (result) => (result.errors ? onError(result.errors) : onEvent(result.data as Result)), error: onError, complete: () => undefined },
    );
  }

  async close(): Promise<void> {
    await this.socket?.dispose();
  }
}
