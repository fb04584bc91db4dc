import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";

/**
 * Every overlay of deploy/kubernetes rendered offline with `kubectl kustomize` and each object
 * validated against the Kubernetes API schemas (kubernetes-models, unknown fields refused) or, for CloudNativePG's
 * resources, the CRD schema kept in tests/ops/fixtures. Then the promises the manifests make.
 */
const root = path.resolve(import.meta.dirname, "../..");
const k8s = path.join(root, "deploy/kubernetes");
const hasKubectl = spawnSync("sh", ["-c", "command -v kubectl"]).status === 0;

type Obj = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown> } & Record<
  string,
  unknown
>;

function render(dir: string): Obj[] {
  const r = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${r.stderr}`);
  return parseAllDocuments(r.stdout).map((d) => d.toJSON() as Obj);
}

/** Without kubectl: the base's files as they are (no overlay can be rendered). */
function baseFiles(): Obj[] {
  const dir = path.join(k8s, "base");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), "utf8")).map((d) => d.toJSON() as Obj));
}

const cnpg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures/cloudnative-pg.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });

async function validate(o: Obj): Promise<void> {
  if (o.apiVersion.startsWith("postgresql.cnpg.io/")) {
    const schema = cnpg[o.kind];
    if (!schema) throw new Error(`no CloudNativePG schema for ${o.kind} in the fixture`);
    const check = ajv.compile({ ...schema, definitions: cnpg.definitions });
    const valid: boolean = check(o);
    if (!valid) throw new Error(`${o.kind}/${o.metadata.name}: ${ajv.errorsText(check.errors)}`);
    return;
  }
  const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : [null, o.apiVersion];
  const mod = (await import(`kubernetes-models/${group ? `${group}/` : ""}${version}/${o.kind}`)) as Record<
    string,
    new (o: unknown) => { validate(): void }
  >;
  const Model = mod[o.kind];
  if (!Model) throw new Error(`kubernetes-models has no ${o.apiVersion} ${o.kind}`);
  const { tracked, unknownFields } = readTracker(o);
  // On the object itself, not a copy: the constructor would read every top-level key while copying.
  Model.prototype.validate.call(tracked);
  const unknown = unknownFields();
  if (unknown.length) throw new Error(`${o.kind}/${o.metadata.name}: unknown field(s) ${unknown.join(", ")}`);
}

/**
 * kubernetes-models' compiled validators accept any field they do not know (a typo'd
 * `readinesProbe` passes), and the package has no strict option. They do read every field their
 * schema defines, though, so a field the validator never read is not in the schema, except in an
 * object whose keys it listed (a map such as labels, whose keys are free).
 */
function readTracker(root: object): { tracked: object; unknownFields: () => string[] } {
  const read = new Map<object, Set<PropertyKey>>();
  const listed = new Set<object>();
  const proxies = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (!v || typeof v !== "object") return v;
    let p = proxies.get(v);
    if (!p) {
      read.set(v, new Set());
      p = new Proxy(v, {
        get(target, key, receiver) {
          read.get(target)!.add(key);
          return wrap(Reflect.get(target, key, receiver));
        },
        ownKeys(target) {
          listed.add(target);
          return Reflect.ownKeys(target);
        },
      });
      proxies.set(v, p);
    }
    return p;
  };
  const unknownFields = (): string[] => {
    const found: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (!v || typeof v !== "object" || !read.has(v)) return; // never reached: under a free-form map
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
      for (const [k, x] of Object.entries(v)) {
        if (!listed.has(v) && !read.get(v)!.has(k)) found.push(`${at}.${k}`);
        else walk(x, `${at}.${k}`);
      }
    };
    walk(root, "");
    return found.map((f) => f.slice(1));
  };
  return { tracked: wrap(root) as object, unknownFields };
}

interface Container {
  name: string;
  args?: string[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  securityContext?: Record<string, unknown>;
  resources: { requests: { cpu?: string }; limits: { memory?: string } };
  volumeMounts?: { name: string; mountPath: string }[];
  readinessProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
  startupProbe: { httpGet: { path: string } };
  lifecycle: { preStop: { sleep: { seconds: number } } };
}
interface PodSpec {
  securityContext: { runAsNonRoot?: boolean };
  terminationGracePeriodSeconds?: number;
  containers: Container[];
}

function podSpec(o: Obj): PodSpec {
  const spec = (o.kind === "CronJob" ? (o.spec as { jobTemplate: { spec: unknown } }).jobTemplate.spec : o.spec) as {
    template: { spec: PodSpec };
  };
  return spec.template.spec;
}

const overlays = hasKubectl ? ["dev", "production"] : [];

describe.skipIf(!hasKubectl)("Kubernetes overlays rendered with kubectl kustomize", () => {
  it.each(overlays)(
    "%s: every object is valid against its API schema",
    async (overlay) => {
      const objects = render(path.join(k8s, "overlays", overlay));
      expect(objects.length).toBeGreaterThan(10);
      for (const o of objects) await validate(o);
    },
    120_000,
  ); // loading the schema validators takes long on a busy machine

  it("dev runs PostgreSQL with CloudNativePG, backed up on a schedule, and reads its URL from the operator's Secret", () => {
    const objects = render(path.join(k8s, "overlays/dev"));
    const cluster = objects.find((o) => o.kind === "Cluster")!;
    expect(cluster.spec).toMatchObject({ backup: { barmanObjectStore: { destinationPath: expect.any(String) } } });
    expect(objects.find((o) => o.kind === "ScheduledBackup")?.spec).toMatchObject({
      cluster: { name: cluster.metadata.name },
    });
    for (const o of objects.filter((x) => ["Deployment", "Job"].includes(x.kind)))
      expect(podSpec(o).containers[0]!.env).toContainEqual({
        name: "DATABASE_URL",
        valueFrom: { secretKeyRef: { name: `${cluster.metadata.name}-app`, key: "uri" } },
      });
  });

  it("production takes an external DATABASE_URL and dumps it nightly", () => {
    const objects = render(path.join(k8s, "overlays/production"));
    expect(objects.some((o) => o.kind === "Cluster")).toBe(false);
    const cron = objects.find((o) => o.kind === "CronJob")!;
    expect(JSON.stringify(cron)).toContain("pg_dump --format=custom");
    expect(objects.every((o) => (o.metadata as { namespace?: string }).namespace === "tag-portal")).toBe(true);
  });

  it("rejects an invalid object, so the validation can fail", async () => {
    const [deployment] = render(path.join(k8s, "overlays/production")).filter((o) => o.kind === "Deployment");
    await expect(validate({ ...deployment!, spec: { ...deployment!.spec, replicas: "three" } })).rejects.toThrow(
      /replicas/,
    );
    // A typo'd field at any depth, which the models' validators alone let through.
    const typo = structuredClone(deployment!);
    const c = podSpec(typo).containers[0] as unknown as Record<string, unknown>;
    c.readinesProbe = c.readinessProbe;
    delete c.readinessProbe;
    await expect(validate(typo)).rejects.toThrow("unknown field(s) spec.template.spec.containers[0].readinesProbe");
    await expect(validate({ ...deployment!, spec: { ...deployment!.spec, replica: 2 } })).rejects.toThrow(
      "unknown field(s) spec.replica",
    );
    await expect(validate({ ...deployment!, metdata: deployment!.metadata })).rejects.toThrow(
      /unknown field\(s\) metdata/,
    );
    // Free-form maps stay free.
    const labelled = structuredClone(deployment!) as Obj & { metadata: { labels?: Record<string, string> } };
    labelled.metadata.labels = { "any-key": "x" };
    await validate(labelled);
    const cluster = render(path.join(k8s, "overlays/dev")).find((o) => o.kind === "Cluster")!;
    await expect(validate({ ...cluster, spec: { ...cluster.spec, instancess: 2 } })).rejects.toThrow(/additional/);
  });
});

describe("Kubernetes base (the files themselves, also without kubectl)", () => {
  const objects = hasKubectl ? render(path.join(k8s, "base")) : baseFiles();

  it("holds every piece the deployment needs, and no secret values", async () => {
    const kinds = objects.map((o) => o.kind).sort();
    for (const k of ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "NetworkPolicy"])
      expect(kinds).toContain(k);
    for (const k of ["PodDisruptionBudget", "Service", "ServiceAccount"]) expect(kinds).toContain(k);
    expect(kinds).not.toContain("Secret");
    for (const o of objects) await validate(o);
  });

  it("runs every container unprivileged on a read-only root, with resources and /tmp writable", () => {
    for (const o of objects.filter((x) => ["Deployment", "Job"].includes(x.kind))) {
      const pod = podSpec(o);
      expect(pod.securityContext.runAsNonRoot, o.metadata.name).toBe(true);
      for (const c of pod.containers) {
        expect(c.securityContext, `${o.metadata.name}/${c.name}`).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
        });
        expect(c.resources.requests.cpu && c.resources.limits.memory, `${o.metadata.name}/${c.name}`).toBeTruthy();
        expect(c.volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
      }
    }
  });

  it("probes the web pods on the health endpoints and gives them time to drain", () => {
    const web = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "tag-portal-web")!;
    const pod = podSpec(web);
    const c = pod.containers[0]!;
    expect(c.readinessProbe.httpGet.path).toBe("/api/health/ready");
    expect(c.livenessProbe.httpGet.path).toBe("/api/health/live");
    expect(c.startupProbe.httpGet.path).toBe("/api/health/live");
    expect(c.args).toEqual(["web"]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(25 + c.lifecycle.preStop.sleep.seconds);
  });
});
