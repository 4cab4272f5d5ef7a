import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Service } from 'kubernetes-models/v1/Service';
import t from 'tap';
import { parseAllDocuments } from 'yaml';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';

// The manifests are checked against the Kubernetes API schemas (kubernetes-models' validators,
// generated from the Kubernetes OpenAPI document; no network), then for what operating the
// service relies on.
const DIR = resolve(PROJECT_ROOT, 'deploy/kubernetes');
const MODELS = { Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget } as const;

const manifests = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((doc) => ({
      file,
      object: doc.toJS() as { kind: keyof typeof MODELS; apiVersion: string },
    })),
  );

t.test('every manifest is valid against the Kubernetes schema of its kind', async (t) => {
  t.same(manifests.map((m) => m.object.kind).sort(), ['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service']);
  for (const { file, object } of manifests) {
    const Model = MODELS[object.kind];
    t.ok(Model, `${file}: a known kind`);
    const model = new Model(object as never);
    t.equal(object.apiVersion, (Model as unknown as { apiVersion: string }).apiVersion, `${file}: current apiVersion`);
    t.doesNotThrow(() => model.validate(), `${file}: valid ${object.kind}`);
  }
});

t.test('the validator does reject a broken manifest', async (t) => {
  const broken = structuredClone(manifests.find((m) => m.object.kind === 'Deployment')!.object) as unknown as {
    spec: { replicas: unknown; template: { spec: { containers: { name?: string }[] } } };
  };
  broken.spec.replicas = 'three';
  t.throws(() => new Deployment(broken as never).validate(), 'a string replica count');
  const nameless = structuredClone(manifests.find((m) => m.object.kind === 'Deployment')!.object) as unknown as typeof broken;
  delete nameless.spec.template.spec.containers[0]!.name;
  t.throws(() => new Deployment(nameless as never).validate(), 'a container without a name');
});

t.test('the Deployment runs as the service expects to be operated', async (t) => {
  const deployment = manifests.find((m) => m.object.kind === 'Deployment')!.object as unknown as Deployment;
  const spec = deployment.spec!.template.spec!;
  const container = spec.containers[0]!;
  t.equal(spec.securityContext?.runAsNonRoot, true, 'non-root pod');
  t.equal(container.securityContext?.readOnlyRootFilesystem, true, 'read-only root file system');
  t.equal(container.securityContext?.allowPrivilegeEscalation, false);
  t.same(container.securityContext?.capabilities?.drop, ['ALL']);
  t.equal(container.readinessProbe?.httpGet?.path, '/readyz');
  t.equal(container.livenessProbe?.httpGet?.path, '/healthz');
  t.ok(container.lifecycle?.preStop?.exec?.command?.length, 'a preStop drain');
  t.ok(container.resources?.requests?.cpu && container.resources.requests.memory, 'resource requests');
  t.equal(deployment.spec!.strategy?.rollingUpdate?.maxUnavailable, 0, 'rolling deploys never drop below the replica count');

  // The environment it sets must start the app.
  const env = Object.fromEntries((container.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  const config = loadConfig(env);
  t.equal(container.ports?.[0]?.containerPort, config.PORT, 'the container port is the one the app listens on');
  const preStop = Number(container.lifecycle!.preStop!.exec!.command!.at(-1));
  const needed = preStop + (config.SHUTDOWN_DRAIN_MS + config.SHUTDOWN_GRACE_MS) / 1000;
  t.ok(needed < (spec.terminationGracePeriodSeconds ?? 30), `the grace period covers preStop, drain and in-flight requests (${needed} s)`);

  const labels = deployment.spec!.template.metadata!.labels!;
  for (const { object } of manifests) {
    const o = object as unknown as {
      kind: string;
      spec: {
        selector?: Record<string, string> & { matchLabels?: Record<string, string> };
        scaleTargetRef?: { name: string; kind: string };
      };
    };
    if (o.kind === 'Service') t.match(labels, o.spec.selector!, 'the Service selects the pods');
    if (o.kind === 'PodDisruptionBudget') t.match(labels, o.spec.selector!.matchLabels!, 'the budget covers the pods');
    if (o.kind === 'HorizontalPodAutoscaler')
      t.same(
        o.spec.scaleTargetRef,
        { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata!.name },
        'the autoscaler scales the Deployment',
      );
  }
});
