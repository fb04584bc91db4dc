/**
 * The API reference page's view of the OpenAPI document (pure): operations with their parameters
 * and responses, and each component schema flattened to one row per field. The page renders it on
 * the server, so the reference needs no script and no renderer loaded from elsewhere (the CSP).
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
};

/** A type as words; `ref` names a component schema the words point to. */
export type TypePart = { text: string; ref?: string };

export interface ReferenceField {
  name: string;
  type: TypePart[];
  required: boolean;
  description: string;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  parameters: (ReferenceField & { in: string })[];
  responses: { status: string; description: string; type: TypePart[] }[];
}

export interface ApiReference {
  title: string;
  version: string;
  description: string;
  server: string;
  operations: ReferenceOperation[];
  schemas: { name: string; fields: ReferenceField[]; type: TypePart[] }[];
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
/** Bounds zod writes for every integer (the safe-integer range) say nothing to a reader. */
const SAFE = 9007199254740991;

function bounds(s: JsonSchema): string {
  const min = s.minimum !== undefined && Math.abs(s.minimum) !== SAFE ? s.minimum : undefined;
  const max = s.maximum !== undefined && Math.abs(s.maximum) !== SAFE ? s.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return "";
}

/** "string (uuid)", "one of: a, b", "array of Tag", "integer or null", ... */
export function typeOf(s: JsonSchema | undefined): TypePart[] {
  if (!s) return [{ text: "any" }];
  if (s.$ref) return [{ text: refName(s.$ref), ref: refName(s.$ref) }];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return joinParts(alternatives.map(typeOf), " or ");
  if (s.enum) return [{ text: `one of: ${s.enum.map((v) => JSON.stringify(v)).join(", ")}` }];
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (!types.length) return [{ text: s.properties ? "object" : "any" }];
  return joinParts(
    types.map((t): TypePart[] => {
      if (t === "array") return [{ text: "array of " }, ...typeOf(s.items)];
      if (t === "object" && !s.properties && typeof s.additionalProperties === "object")
        return [{ text: "map of " }, ...typeOf(s.additionalProperties)];
      const format = s.format ? ` (${s.format})` : "";
      return [{ text: `${t}${format}${t === "integer" || t === "number" ? bounds(s) : ""}` }];
    }),
    " or ",
  );
}

function joinParts(parts: TypePart[][], sep: string): TypePart[] {
  return parts.flatMap((p, i) => (i === 0 ? p : [{ text: sep }, ...p]));
}

/** One row per field, nested objects (and arrays of them) as dotted names: `error.code`, `seats[].region`. */
export function fieldsOf(s: JsonSchema, prefix = ""): ReferenceField[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([key, child]) => {
    const name = `${prefix}${key}`;
    const row: ReferenceField = {
      name,
      type: typeOf(child),
      required: required.has(key),
      description: child.description ?? "",
    };
    if (child.properties) return [{ ...row, type: [{ text: "object" }] }, ...fieldsOf(child, `${name}.`)];
    if (child.items?.properties)
      return [{ ...row, type: [{ text: "array of objects" }] }, ...fieldsOf(child.items, `${name}[].`)];
    return [row];
  });
}

interface OpenApiLike {
  info: { title: string; version: string; description?: string };
  servers: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        summary?: string;
        parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
        responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
      }
    >
  >;
  components: { schemas: Record<string, object> };
}

export function apiReference(document: object): ApiReference {
  const doc = document as OpenApiLike;
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description ?? "",
    server: doc.servers[0]?.url ?? "",
    operations: Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: [p.description, p.schema?.default !== undefined ? `Default: ${p.schema.default}.` : ""]
            .filter(Boolean)
            .join(" "),
          type: typeOf(p.schema),
        })),
        responses: Object.entries(op.responses).map(([status, r]) => ({
          status,
          description: r.description,
          type: Object.entries(r.content ?? {}).flatMap(([mediaType, c], i) => [
            ...(i ? [{ text: "; " }] : []),
            { text: `${mediaType}: ` },
            ...typeOf(c.schema),
          ]),
        })),
      })),
    ),
    schemas: Object.entries(doc.components.schemas).map(([name, s]) => ({
      name,
      type: typeOf(s as JsonSchema),
      fields: fieldsOf(s as JsonSchema),
    })),
  };
}
