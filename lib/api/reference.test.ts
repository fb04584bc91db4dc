import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { apiReference, typeOf } from "./reference";

describe("the API reference", () => {
  const doc = openApiDocument("https://portal.example.org");
  const ref = apiReference(doc);

  it("lists every operation of the document with its parameters and responses", () => {
    expect(ref.operations.map((o) => `${o.method} ${o.path}`)).toEqual(Object.keys(doc.paths).map((p) => `GET ${p}`));
    expect(ref.server).toBe("https://portal.example.org/api/v1");
    const board = ref.operations.find((o) => o.path === "/help-wanted")!;
    const status = board.parameters.find((p) => p.name === "status")!;
    expect(status.type.map((t) => t.text).join("")).toMatch(/^one of: "open"/);
    expect(status.description).toContain("Default: open.");
    const ok = board.responses.find((r) => r.status === "200")!;
    expect(ok.type).toContainEqual({ text: "HelpWantedPage", ref: "HelpWantedPage" });
  });

  it("flattens nested fields and says which are required", () => {
    const error = ref.schemas.find((s) => s.name === "Error")!;
    expect(error.fields.map((f) => [f.name, f.required])).toEqual([
      ["error", true],
      ["error.code", true],
      ["error.message", true],
      ["error.fieldErrors", false],
    ]);
    expect(error.fields[3]!.type.map((t) => t.text).join("")).toBe("map of array of string");
  });

  it("words types a reader understands", () => {
    const words = (s: object) =>
      typeOf(s)
        .map((t) => t.text)
        .join("");
    expect(words({ type: ["string", "null"] })).toBe("string or null");
    expect(
      words({ anyOf: [{ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 }, { type: "null" }] }),
    ).toBe("integer or null");
    expect(words({ type: "integer", minimum: 1, maximum: 100 })).toBe("integer 1–100");
    expect(words({ type: "array", items: { $ref: "#/components/schemas/Tag" } })).toBe("array of Tag");
  });
});
