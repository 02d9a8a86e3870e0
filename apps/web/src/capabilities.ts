// What this server can do beyond today's API, read from its own OpenAPI document. The
// reviewer-workflow issue (#13) adds quote history, rejected quotes and POST /speakers; the
// console shows those controls only when the server it talks to has them.
export interface Capabilities {
  quoteHistory: boolean;
  createSpeaker: boolean;
  // PATCH /quotes takes `rejected: true` (not a quotation).
  rejectQuote: boolean;
}

interface OpenApiDoc {
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<
      string,
      { properties?: Record<string, { enum?: string[] }>; required?: string[] }
    >;
  };
}

let pending: Promise<Capabilities> | null = null;

export function capabilities(): Promise<Capabilities> {
  pending ??= fetch('/docs-json')
    .then((r) => (r.ok ? (r.json() as Promise<OpenApiDoc>) : {}))
    .catch(() => ({}) as OpenApiDoc)
    .then((doc: OpenApiDoc) => {
      const paths = doc.paths ?? {};
      const patch = doc.components?.schemas?.PatchQuoteDto?.properties ?? {};
      const speaker = doc.components?.schemas?.CreateSpeakerDto;
      return {
        quoteHistory: Boolean(paths['/api/v1/quotes/{id}/history']?.get),
        // Offered only when a name is all a new speaker needs.
        createSpeaker:
          Boolean(paths['/api/v1/speakers']?.post) &&
          (speaker?.required ?? ['name']).every((f) => f === 'name'),
        rejectQuote: Boolean(patch.rejected),
      };
    });
  return pending;
}
