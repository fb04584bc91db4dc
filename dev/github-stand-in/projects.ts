/**
 * The stand-in's GitHub Projects (v2), as far as the portal uses them (issue 22 point 2): the GraphQL
 * operations of lib/github/project-writes.ts, matched by their operation names (the stand-in has no
 * GraphQL parser; any other operation falls through to the reviews query of repos.ts), and the
 * `projects_v2_item` webhook GitHub sends when an item's field changes, for the portal's changes
 * and for a person's change on the board alike.
 *
 * Projects: `cncf` owns project 1 ("TAG help wanted") from the start; each has a single-select
 * Status field with the options Open, Claimed, In progress and Done (GitHub's default board has
 * Todo, In progress and Done: a TAG adds the two it lacks).
 *
 * Test control:
 * POST /_stand-in/projects {owner, title?, statusOptions?} creates a project (answers {id, number, url});
 * POST /_stand-in/projects/{owner}/{number}/items/{itemId}/status {status} moves an item on the board as a
 * person would, and delivers the `projects_v2_item` `edited` webhook;
 * POST /_stand-in/projects/faults {status, count} makes the next `count` project GraphQL calls answer
 * `status` (5xx), or, with `afterWrite: true`, take a mutation and then answer 502 (the answer lost);
 * with `operation` (e.g. `PortalDeleteItem`), only the calls of that operation;
 * GET /_stand-in/projects/{owner}/{number} answers the project with its items: {id, title, status, content}.
 */
import type { WebhookDeliverer } from "./deliver.ts";
import { sendJson, type StandInHandler } from "./app.ts";

interface Item {
  id: string;
  /** A draft issue's title and body, or the issue it shows (`owner/repo#n`). */
  draft: { title: string; body: string } | null;
  issue: string | null;
  status: string | null;
}
interface Project {
  id: string;
  owner: string;
  number: number;
  title: string;
  fieldId: string;
  options: { id: string; name: string }[];
  items: Item[];
}

const OPERATIONS = new Set([
  "PortalProject",
  "PortalIssueNode",
  "PortalProjectDrafts",
  "PortalAddDraft",
  "PortalAddItem",
  "PortalDeleteItem",
  "PortalSetStatus",
  "PortalItemStatus",
]);
const DEFAULT_OPTIONS = ["Open", "Claimed", "In progress", "Done"];
/** GitHub's App bot, the sender of changes made with a token the OAuth flow did not issue. */
const BOT = { id: 41_000_001, login: "tag-portal[bot]", type: "Bot" };

export function createProjects(deps: {
  webhooks: WebhookDeliverer;
  /** The title of a repository's issue, or null when the stand-in has no such issue. */
  issueTitle: (repo: string, n: number) => string | null;
}) {
  const projects: Project[] = [];
  let seq = 0;
  const faults = { status: 0, count: 0, afterWrite: false, operation: "" };

  function create(owner: string, title: string, optionNames = DEFAULT_OPTIONS): Project {
    const number = projects.filter((p) => p.owner.toLowerCase() === owner.toLowerCase()).length + 1;
    const n = ++seq;
    const p: Project = {
      id: `PVT_standin${n}`,
      owner,
      number,
      title,
      fieldId: `PVTSSF_standin${n}`,
      options: optionNames.map((name, k) => ({ id: `opt${n}_${k}`, name })),
      items: [],
    };
    projects.push(p);
    return p;
  }
  create("cncf", "TAG help wanted");

  const urlOf = (p: Project) => `https://github.com/orgs/${p.owner}/projects/${p.number}`;
  const find = (owner: string, number: number) =>
    projects.find((p) => p.owner.toLowerCase() === owner.toLowerCase() && p.number === number);
  const issueNodeId = (repo: string, n: number) => `I_${Buffer.from(`${repo}#${n}`).toString("base64url")}`;
  const issueTitleOf = (ref: string | null) => {
    const [, repo, n] = /^(.+)#(\d+)$/.exec(ref ?? "") ?? [];
    return (repo && deps.issueTitle(repo, Number(n))) || ref;
  };
  const itemView = (i: Item) => ({
    id: i.id,
    status: i.status,
    // As GitHub's board: an issue's card shows the issue's title.
    title: i.draft?.title ?? issueTitleOf(i.issue),
    content: i.draft ? { type: "DraftIssue", ...i.draft } : { type: "Issue", issue: i.issue },
  });

  async function deliverEdited(p: Project, item: Item, from: string | null, sender: object) {
    const option = (name: string | null) => {
      const o = p.options.find((x) => x.name === name);
      return o ? { id: o.id, name: o.name } : null;
    };
    await deps.webhooks.deliver("projects_v2_item", {
      action: "edited",
      projects_v2_item: {
        node_id: item.id,
        project_node_id: p.id,
        content_type: item.draft ? "DraftIssue" : "Issue",
        updated_at: new Date().toISOString(),
      },
      changes: {
        field_value: {
          field_node_id: p.fieldId,
          field_type: "single_select",
          field_name: "Status",
          from: option(from),
          to: option(item.status),
        },
      },
      organization: { login: p.owner },
      sender,
    });
  }

  type Vars = Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const byId = (id: unknown) => projects.find((p) => p.id === id);
  const notFound = (what: string) => ({
    data: null,
    errors: [{ type: "NOT_FOUND", message: `Could not resolve ${what}` }],
  });

  /** One operation by name; undefined when it is not a project operation. */
  async function operation(name: string, v: Vars): Promise<object | undefined> {
    switch (name) {
      case "PortalProject": {
        const p = find(str(v.owner), Number(v.number));
        if (!p) return notFound(`to a ProjectV2 with the number ${String(v.number)}`);
        return {
          data: {
            repositoryOwner: {
              projectV2: {
                id: p.id,
                title: p.title,
                url: urlOf(p),
                field: { id: p.fieldId, name: "Status", options: p.options },
              },
            },
          },
        };
      }
      case "PortalIssueNode": {
        const repo = `${str(v.owner)}/${str(v.name)}`;
        const n = Number(v.number);
        if (deps.issueTitle(repo, n) === null) return notFound(`to an Issue with the number ${n}`);
        return { data: { repository: { issue: { id: issueNodeId(repo, n) } } } };
      }
      case "PortalProjectDrafts": {
        const p = byId(v.projectId);
        if (!p) return notFound("to a node");
        const start = v.after ? Number(v.after) : 0;
        const page = p.items.slice(start, start + 100);
        return {
          data: {
            node: {
              items: {
                pageInfo: { hasNextPage: start + 100 < p.items.length, endCursor: String(start + page.length) },
                nodes: page.map((i) => ({ id: i.id, content: i.draft ? { body: i.draft.body } : {} })),
              },
            },
          },
        };
      }
      case "PortalAddDraft": {
        const p = byId(v.projectId);
        if (!p) return notFound("to a node");
        const item: Item = {
          id: `PVTI_standin${++seq}`,
          draft: { title: str(v.title), body: str(v.body) },
          issue: null,
          status: null,
        };
        p.items.push(item);
        return { data: { addProjectV2DraftIssue: { projectItem: { id: item.id } } } };
      }
      case "PortalAddItem": {
        const p = byId(v.projectId);
        const m = /^I_(.+)$/.exec(str(v.contentId));
        const key = m ? Buffer.from(m[1]!, "base64url").toString() : "";
        const [repo, n] = key.split("#");
        if (!p || !repo || deps.issueTitle(repo, Number(n)) === null) return notFound("to a node");
        // As GitHub does: adding content the project already shows answers its existing item.
        let item = p.items.find((i) => i.issue === key);
        if (!item) {
          item = { id: `PVTI_standin${++seq}`, draft: null, issue: key, status: null };
          p.items.push(item);
        }
        return { data: { addProjectV2ItemById: { item: { id: item.id } } } };
      }
      case "PortalDeleteItem": {
        const p = byId(v.projectId);
        const at = p?.items.findIndex((i) => i.id === v.itemId) ?? -1;
        if (!p || at < 0) return notFound(`to a node with the global id of '${str(v.itemId)}'`);
        p.items.splice(at, 1);
        return { data: { deleteProjectV2Item: { deletedItemId: v.itemId } } };
      }
      case "PortalSetStatus": {
        const p = byId(v.projectId);
        const item = p?.items.find((i) => i.id === v.itemId);
        const option = p?.options.find((o) => o.id === v.optionId);
        if (!p || !item || v.fieldId !== p.fieldId || !option) return notFound("the item, field or option");
        const from = item.status;
        item.status = option.name;
        if (from !== option.name) await deliverEdited(p, item, from, BOT);
        return { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: item.id } } } };
      }
      case "PortalItemStatus": {
        const item = projects.flatMap((p) => p.items).find((i) => i.id === v.itemId);
        if (!item) return notFound("to a node");
        const p = projects.find((x) => x.items.includes(item))!;
        const option = p.options.find((o) => o.name === item.status);
        return {
          data: { node: { fieldValueByName: option ? { name: option.name, optionId: option.id } : null } },
        };
      }
      default:
        return undefined;
    }
  }

  const handle: StandInHandler = async (req, res, url, body) => {
    const path = url.pathname;
    const json = (status: number, b: unknown) => (sendJson(res, status, b), true);
    if (req.method === "POST" && path === "/api/graphql") {
      const b = await body();
      const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(str(b.query))?.[1] ?? "";
      if (!OPERATIONS.has(name)) return false;
      if (!/^(?:bearer|token)\s+\S+$/i.test(req.headers.authorization ?? ""))
        return json(401, { message: "Requires authentication" });
      const mutation = /^\s*mutation/.test(str(b.query));
      const faulted = (!faults.afterWrite || mutation) && (!faults.operation || faults.operation === name);
      if (faults.count > 0 && faulted) {
        faults.count--;
        if (faults.afterWrite) {
          await operation(name, (b.variables ?? {}) as Vars);
          return json(502, { message: "Server Error" });
        }
        return json(faults.status, { message: "Server Error" });
      }
      const answer = await operation(name, (b.variables ?? {}) as Vars);
      return answer ? json(200, answer) : false;
    }
    if (req.method === "POST" && path === "/_stand-in/projects/faults") {
      const b = await body();
      Object.assign(faults, {
        status: Number(b.status ?? 502),
        count: Number(b.count ?? 1),
        afterWrite: b.afterWrite === true,
        operation: typeof b.operation === "string" ? b.operation : "",
      });
      return json(200, { ok: true });
    }
    if (req.method === "POST" && path === "/_stand-in/projects") {
      const b = await body();
      if (typeof b.owner !== "string") return json(400, { error: "owner required" });
      const p = create(
        b.owner,
        typeof b.title === "string" ? b.title : "Project",
        Array.isArray(b.statusOptions) ? b.statusOptions.map(String) : undefined,
      );
      return json(200, { id: p.id, number: p.number, url: urlOf(p) });
    }
    const move = /^\/_stand-in\/projects\/([^/]+)\/(\d+)\/items\/([^/]+)\/status$/.exec(path);
    if (req.method === "POST" && move) {
      const p = find(decodeURIComponent(move[1]!), Number(move[2]));
      const item = p?.items.find((i) => i.id === decodeURIComponent(move[3]!));
      const b = await body();
      if (!p || !item || !p.options.some((o) => o.name === b.status)) return json(404, { message: "Not Found" });
      const from = item.status;
      item.status = String(b.status);
      await deliverEdited(p, item, from, { id: 1001, login: "someone-on-the-board", type: "User" });
      return json(200, itemView(item));
    }
    const show = /^\/_stand-in\/projects\/([^/]+)\/(\d+)$/.exec(path);
    if (req.method === "GET" && show) {
      const p = find(decodeURIComponent(show[1]!), Number(show[2]));
      if (!p) return json(404, { message: "Not Found" });
      return json(200, { id: p.id, title: p.title, url: urlOf(p), items: p.items.map(itemView) });
    }
    return false;
  };

  return { handle, urlOf: (owner: string, n: number) => (find(owner, n) ? urlOf(find(owner, n)!) : null) };
}

export type StandInProjects = ReturnType<typeof createProjects>;
