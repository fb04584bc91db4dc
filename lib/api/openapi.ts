/**
 * The OpenAPI 3.1 document of `/api/v1` (pure). Component schemas come from the zod schemas in
 * ./schemas.ts through `z.toJSONSchema`, the same ones the handlers' bodies are typed with.
 */
import { z } from "zod";
import { BOARD_MAX_LIMIT, BOARD_SORTS, BOARD_STATUSES } from "@/lib/help-wanted/board-query";
import { BOARD_KINDS, REGIONS } from "@/lib/vocabulary";
import { apiRegistry } from "./schemas";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ "application/json": { schema } });

function componentSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each schema is embedded in the document: its own $schema / $id would re-root its references.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const rateLimitHeaders = {
  "X-RateLimit-Limit": { description: "Requests allowed per minute per client.", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current minute.", schema: { type: "integer" } },
};
const common = {
  "304": {
    description: "Not modified: the `If-None-Match` ETag (weak or strong) matches the current one.",
    headers: { ETag: { schema: { type: "string" } } },
  },
  "429": {
    description: "Too many requests from this client in a minute.",
    headers: {
      "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer" } },
      ...rateLimitHeaders,
    },
    content: json(ref("Error")),
  },
  "500": errorResponse("An unexpected error."),
};
const ok = (description: string, content: object) => ({
  description,
  headers: {
    ETag: { description: "Strong validator of the body; send it back in If-None-Match.", schema: { type: "string" } },
    ...rateLimitHeaders,
  },
  content,
});
const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description: "ETags from earlier answers; a match answers 304.",
  schema: { type: "string" },
};
const paging = [
  {
    name: "cursor",
    in: "query",
    required: false,
    description: "`nextCursor` of the previous page.",
    schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,512}$" },
  },
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
];
const path = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});

/** The document served at `/api/v1/openapi.json`; `serverUrl` is the portal's public URL. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "TAG Portal open data",
      version: "1.0.0",
      description:
        "Read-only public data of the CNCF TAGs: TAGs with roles and rosters, the help-wanted board, elections and their published results. " +
        "Lists use cursor pagination (`nextCursor` → `cursor`). Every success carries an ETag; send it back in `If-None-Match` for a 304. " +
        "Errors are `{error: {code, message}}`. Each client may make a limited number of requests per minute (429 with `Retry-After` past it).",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: `${serverUrl.replace(/\/+$/, "")}/api/v1` }],
    paths: {
      "/tags": {
        get: {
          operationId: "listTags",
          summary: "TAGs, by slug",
          parameters: [...paging, ifNoneMatch],
          responses: {
            "200": ok("A page of TAGs.", json(ref("TagPage"))),
            "400": errorResponse("Bad query parameters."),
            ...common,
          },
        },
      },
      "/tags/{slug}": {
        get: {
          operationId: "getTag",
          summary: "One TAG with its roles and roster",
          parameters: [path("slug", "The TAG's slug, e.g. security-and-compliance."), ifNoneMatch],
          responses: { "200": ok("The TAG.", json(ref("TagDetail"))), "404": errorResponse("No such TAG."), ...common },
        },
      },
      "/help-wanted": {
        get: {
          operationId: "listHelpWanted",
          summary: "The help-wanted board, with the board's filters",
          parameters: [
            {
              name: "q",
              in: "query",
              required: false,
              description: "Full-text search.",
              schema: { type: "string", maxLength: 200 },
            },
            {
              name: "tag",
              in: "query",
              required: false,
              description: "TAG slugs (repeat the parameter; any of them).",
              schema: { type: "array", items: { type: "string" }, maxItems: 10 },
              style: "form",
              explode: true,
            },
            { name: "kind", in: "query", required: false, schema: { type: "string", enum: [...BOARD_KINDS] } },
            {
              name: "skill",
              in: "query",
              required: false,
              description: "Skills (repeat the parameter; any of them).",
              schema: { type: "array", items: { type: "string" }, maxItems: 10 },
              style: "form",
              explode: true,
            },
            {
              name: "region",
              in: "query",
              required: false,
              description: "Items for this region (items without a preference included).",
              schema: { type: "string", enum: [...REGIONS] },
            },
            { name: "effortMin", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
            { name: "effortMax", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
            {
              name: "status",
              in: "query",
              required: false,
              schema: { type: "string", enum: [...BOARD_STATUSES], default: "open" },
            },
            {
              name: "sort",
              in: "query",
              required: false,
              description: "Default: relevance with `q`, else newest.",
              schema: { type: "string", enum: [...BOARD_SORTS] },
            },
            {
              name: "cursor",
              in: "query",
              required: false,
              description: "`nextCursor` of the previous page (same filters and sort).",
              schema: { type: "string" },
            },
            {
              name: "limit",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 1, maximum: BOARD_MAX_LIMIT, default: 20 },
            },
            ifNoneMatch,
          ],
          responses: {
            "200": ok("A page of items.", json(ref("HelpWantedPage"))),
            "400": errorResponse("Bad query parameters (each named in fieldErrors)."),
            ...common,
          },
        },
      },
      "/elections": {
        get: {
          operationId: "listElections",
          summary: "Elections past their draft, newest first",
          parameters: [
            {
              name: "tag",
              in: "query",
              required: false,
              description: "Only this TAG's elections.",
              schema: { type: "string" },
            },
            ...paging,
            ifNoneMatch,
          ],
          responses: {
            "200": ok("A page of elections.", json(ref("ElectionPage"))),
            "400": errorResponse("Bad query parameters."),
            ...common,
          },
        },
      },
      "/elections/{id}/results": {
        get: {
          operationId: "getElectionResults",
          summary: "The published results of an election",
          parameters: [path("id", "The election's id."), ifNoneMatch],
          responses: {
            "200": ok("The published files.", json(ref("ElectionResults"))),
            "404": errorResponse("No such election, or not published yet."),
            ...common,
          },
        },
      },
      "/elections/{id}/ballots.blt": {
        get: {
          operationId: "getElectionBallots",
          summary: "The published ballots (BLT) of an election that publishes them",
          parameters: [path("id", "The election's id."), ifNoneMatch],
          responses: {
            "200": ok("The ballots in BLT format, in receipt-hash order.", {
              "text/plain": { schema: { type: "string" } },
            }),
            "404": errorResponse("No such election, not published yet, or its ballots are not published."),
            ...common,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document",
          parameters: [ifNoneMatch],
          responses: { "200": ok("The OpenAPI 3.1 document.", json({ type: "object" })), ...common },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
