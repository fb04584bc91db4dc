import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import type { MapRepositoryInput } from "../schemas";
import { AppAuthError, listInstallations } from "@/lib/github-access/app-client";
import { appConfig } from "@/lib/github-access/app-config";
import { storeInstallations } from "@/lib/github-access/tokens";

export interface InstallationsView {
  /** Why the App cannot be used (invalid id or key, GitHub refusing it); null when it works or is off. */
  error: string | null;
  configured: boolean;
  installations: { id: number; account: string; repositories: { repo: string; tagSlug: string | null }[] }[];
  tags: { slug: string; name: string }[];
}

/**
 * What /admin/github shows: the App's installations read afresh from GitHub (and stored, so
 * tokens and webhooks know them), each repository with the TAG it is mapped to. When GitHub cannot
 * be asked, the stored list is shown with the reason.
 */
export async function githubAppOverview(actor: Actor | null): Promise<InstallationsView> {
  await requirePermission(actor, "tag.manage", { subjectType: "GithubInstallation", subjectId: null, tagId: null });
  const c = appConfig();
  let error = c.state === "invalid" ? c.error : null;
  if (c.state === "on") {
    try {
      await storeInstallations(await listInstallations(), await now());
    } catch (e) {
      if (!(e instanceof AppAuthError)) throw e;
      error = e.message;
    }
  }
  const [stored, tags] = await Promise.all([
    db.githubInstallation.findMany({ orderBy: { id: "asc" } }),
    db.tag.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true, repositories: true } }),
  ]);
  const tagOf = (repo: string) => tags.find((t) => t.repositories.some((r) => r.toLowerCase() === repo))?.slug ?? null;
  return {
    error,
    configured: c.state !== "off",
    installations: stored.map((i) => ({
      id: i.id,
      account: i.account,
      repositories: i.repositories.map((repo) => ({ repo, tagSlug: tagOf(repo) })),
    })),
    tags: tags.map(({ slug, name }) => ({ slug, name })),
  };
}

/**
 * An admin maps a repository of an installation to a TAG (it joins the TAG's repositories, so
 * syncs and webhooks take it in) or unmaps it. A repository belongs to at most one TAG here.
 */
export async function mapRepository(actor: Actor | null, input: MapRepositoryInput) {
  const repo = input.repo.toLowerCase();
  const a = await requirePermission(actor, "tag.manage", { subjectType: "Repository", subjectId: repo, tagId: null });
  if (!(await db.githubInstallation.findFirst({ where: { repositories: { has: repo } }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "No installation of the GitHub App holds that repository.");
  const target = input.tagSlug
    ? await db.tag.findUnique({ where: { slug: input.tagSlug }, select: { id: true } })
    : null;
  if (input.tagSlug && !target)
    throw new AppError("NOT_FOUND", "That TAG does not exist.", { tagSlug: ["Choose a TAG"] });
  const at = await now();
  return db.$transaction(async (tx) => {
    const holders = (
      await tx.tag.findMany({
        where: { repositories: { isEmpty: false } },
        select: { id: true, slug: true, repositories: true },
      })
    ).filter((t) => t.repositories.some((r) => r.toLowerCase() === repo));
    const before = holders.map((t) => t.slug);
    if (before.length === (target ? 1 : 0) && (!target || holders[0]?.id === target.id))
      return { repo, tagSlug: input.tagSlug || null, changed: false };
    for (const t of holders)
      if (t.id !== target?.id)
        await tx.tag.update({
          where: { id: t.id },
          data: { repositories: t.repositories.filter((r) => r.toLowerCase() !== repo) },
        });
    if (target && !holders.some((t) => t.id === target.id))
      await tx.tag.update({ where: { id: target.id }, data: { repositories: { push: repo } } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "github.map-repository",
      subjectType: "Repository",
      subjectId: repo,
      tagId: target?.id ?? holders[0]?.id ?? null,
      before: { tags: before },
      after: { tags: input.tagSlug ? [input.tagSlug] : [] },
    });
    return { repo, tagSlug: input.tagSlug || null, changed: true };
  });
}

const InstallationEvent = z.object({
  action: z.string(),
  installation: z.object({ id: z.number().int(), account: z.object({ login: z.string() }).nullish() }),
  repositories: z.array(z.object({ full_name: z.string() })).optional(),
  repositories_added: z.array(z.object({ full_name: z.string() })).optional(),
  repositories_removed: z.array(z.object({ full_name: z.string() })).optional(),
});

/**
 * Admits one delivery verified with the App's webhook secret. `installation` and
 * `installation_repositories` events keep the stored installations current (GitHub tells the App
 * first); any other event from an installation the portal does not know is ignored with 202.
 * Null: a known installation's event, for the usual processing.
 */
export async function admitAppDelivery(
  event: string,
  payload: unknown,
): Promise<{ status: 200 | 202; outcome: string } | null> {
  // GitHub's ping when the App's webhook is saved names no installation: it gets its pong.
  if (event === "ping") return null;
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  if (event === "installation" || event === "installation_repositories") {
    const p = InstallationEvent.safeParse(payload);
    if (!p.success) return { status: 202, outcome: "ignored: not an installation payload" };
    const { action, installation } = p.data;
    const at = await now();
    const names = (l?: { full_name: string }[]) => (l ?? []).map((r) => r.full_name.toLowerCase());
    if (action === "deleted" || action === "suspend") {
      await db.githubInstallation.deleteMany({ where: { id: installation.id } });
      return { status: 200, outcome: `installation ${action}` };
    }
    const existing = await db.githubInstallation.findUnique({ where: { id: installation.id } });
    const repos = new Set(event === "installation" ? names(p.data.repositories) : (existing?.repositories ?? []));
    for (const r of names(p.data.repositories_added)) repos.add(r);
    for (const r of names(p.data.repositories_removed)) repos.delete(r);
    const account = installation.account?.login ?? existing?.account ?? `installation ${installation.id}`;
    const data = { account, repositories: [...repos].sort(), updatedAt: at };
    await db.githubInstallation.upsert({
      where: { id: installation.id },
      create: { id: installation.id, ...data },
      update: data,
    });
    return { status: 200, outcome: `installation ${action}` };
  }
  if (typeof id !== "number") return { status: 202, outcome: "unknown installation" };
  const known = () => db.githubInstallation.findUnique({ where: { id }, select: { id: true } });
  if (await known()) return null;
  // Installed before the portal listened: ask GitHub once rather than drop the event.
  if (appConfig().state === "on")
    await listInstallations()
      .then(async (list) => storeInstallations(list, await now()))
      .catch((e: unknown) => console.warn(`GitHub App installations not refreshed: ${(e as Error).message}`));
  return (await known()) ? null : { status: 202, outcome: "unknown installation" };
}
