// What the cluster layout promises (README, "Deployment (Kubernetes)"), asserted on the rendered objects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  byKind, consumedQueues, containersOf, named, overlays, quantity, queueConstants, render, repoRoot, workloads,
} from "./render.mjs";

const targets = ["base", ...overlays];
const services = { api: "Api", preprocessor: "Preprocessor", workers: "Workers.Gpu" };
const gpuRequest = container => container.resources?.limits?.["nvidia.com/gpu"];

test("every Deployment's containers have /alive liveness and /health readiness probes", () => {
  for (const target of targets) {
    for (const deployment of byKind(render(target), "Deployment")) {
      for (const container of containersOf(deployment)) {
        const where = `${target}: ${deployment.metadata.name}/${container.name}`;
        assert.equal(container.livenessProbe?.httpGet?.path, "/alive", where);
        assert.equal(container.readinessProbe?.httpGet?.path, "/health", where);
        assert.equal(container.startupProbe?.httpGet?.path, "/alive", where);
      }
    }
  }
});

test("every StatefulSet's containers have liveness and readiness probes", () => {
  for (const target of targets) {
    for (const set of byKind(render(target), "StatefulSet")) {
      for (const container of containersOf(set)) {
        assert.ok(container.livenessProbe && container.readinessProbe, `${target}: ${set.metadata.name}/${container.name}`);
      }
    }
  }
});

test("no container runs as root or may gain privileges", () => {
  for (const target of targets) {
    for (const workload of workloads(render(target))) {
      const pod = workload.spec.template.spec.securityContext ?? {};
      for (const container of containersOf(workload)) {
        const own = container.securityContext ?? {};
        const where = `${target}: ${workload.kind}/${workload.metadata.name}/${container.name}`;
        assert.equal(own.runAsNonRoot ?? pod.runAsNonRoot, true, `${where} runAsNonRoot`);
        const user = own.runAsUser ?? pod.runAsUser;
        assert.ok(user !== undefined && user !== 0, `${where} runAsUser ${user}`);
        assert.equal(own.allowPrivilegeEscalation, false, `${where} allowPrivilegeEscalation`);
        assert.ok(own.capabilities?.drop?.includes("ALL"), `${where} drops all capabilities`);
      }
    }
  }
});

test("no Secret value is committed: every generated Secret value is empty", () => {
  for (const target of targets) {
    const secrets = byKind(render(target), "Secret");
    assert.ok(secrets.length > 0, `${target}: no Secret`);
    for (const secret of secrets) {
      assert.equal(secret.stringData, undefined, `${target}: ${secret.metadata.name} has stringData`);
      for (const [key, value] of Object.entries(secret.data ?? {})) {
        assert.equal(Buffer.from(value, "base64").toString(), "", `${target}: ${secret.metadata.name}/${key} holds a value`);
      }
    }
  }
});

test("passwords reach the containers only from the Secret", () => {
  for (const target of targets) {
    for (const workload of workloads(render(target))) {
      for (const container of containersOf(workload)) {
        for (const variable of container.env ?? []) {
          const where = `${target}: ${workload.metadata.name}/${container.name} ${variable.name}`;
          if (/PASS|SECRET/i.test(variable.name)) {
            assert.ok(variable.valueFrom?.secretKeyRef, `${where} is not from a Secret`);
          }
          for (const [, secret] of (variable.value ?? "").matchAll(/(?:password|Password|SecretKey)=([^;,]*)/g)) {
            assert.match(secret, /^\$\([A-Z_]+\)$/, `${where} embeds a literal secret`);
          }
          const userInfo = (variable.value ?? "").match(/^amqp:\/\/[^:]+:([^@]*)@/);
          if (userInfo) assert.match(userInfo[1], /^\$\([A-Z_]+\)$/, `${where} embeds a literal password`);
        }
      }
    }
  }
});

test("the gpu and production overlays give each worker one GPU; the others give none", () => {
  for (const target of targets) {
    const objects = render(target);
    const workers = named(objects, "Deployment", "workers");
    const withGpu = target === "gpu" || target === "production";
    assert.equal(gpuRequest(workers.spec.template.spec.containers[0]), withGpu ? 1 : undefined, target);
    if (withGpu) {
      const container = workers.spec.template.spec.containers[0];
      assert.equal(container.resources.requests["nvidia.com/gpu"], 1, target);
      assert.ok(workers.spec.template.spec.tolerations.some(t => t.key === "nvidia.com/gpu"), target);
      assert.match(container.image, /workers-gpu/, target);
    }
    for (const other of byKind(objects, "Deployment").filter(d => d.metadata.name !== "workers")) {
      assert.equal(gpuRequest(other.spec.template.spec.containers[0]), undefined, `${target}: ${other.metadata.name}`);
    }
  }
});

test("each service's ScaledObject triggers on exactly the queues its consumers read (Contracts/Queues.cs)", () => {
  const constants = queueConstants();
  for (const target of ["autoscale", "production"]) {
    const objects = render(target);
    for (const [deployment, project] of [["workers", "Workers.Gpu"], ["preprocessor", "Preprocessor"]]) {
      const scaled = byKind(objects, "ScaledObject").find(s => s.spec.scaleTargetRef.name === deployment);
      assert.ok(scaled, `${target}: no ScaledObject for ${deployment}`);
      const consumed = consumedQueues(project);
      assert.ok(consumed.length > 0, `${project} consumes no queue?`);
      const triggered = scaled.spec.triggers.map(t => t.metadata.queueName).sort();
      assert.deepEqual(triggered, consumed, `${target}: ${deployment}`);
      for (const trigger of scaled.spec.triggers) {
        assert.equal(trigger.type, "rabbitmq");
        assert.equal(trigger.metadata.mode, "QueueLength");
        assert.ok(Object.values(constants).includes(trigger.metadata.queueName));
      }
    }
    const workers = byKind(objects, "ScaledObject").find(s => s.spec.scaleTargetRef.name === "workers");
    assert.equal(workers.spec.minReplicaCount, 1);
    assert.equal(workers.spec.maxReplicaCount, 20);
  }
});

test("the ScaledObjects' credentials come from variables the workers have", () => {
  const objects = render("production");
  for (const scaled of byKind(objects, "ScaledObject")) {
    const target = named(objects, "Deployment", scaled.spec.scaleTargetRef.name);
    const container = target.spec.template.spec.containers[0];
    const config = named(objects, "ConfigMap", container.envFrom[0].configMapRef.name);
    const names = new Set([...container.env.map(e => e.name), ...Object.keys(config.data)]);
    for (const trigger of scaled.spec.triggers) {
      assert.ok(names.has(trigger.metadata.usernameFromEnv), trigger.metadata.usernameFromEnv);
      assert.ok(names.has(trigger.metadata.passwordFromEnv), trigger.metadata.passwordFromEnv);
    }
  }
});

test("the Api scales on CPU 70 % between 2 and 10 replicas; autoscaled Deployments leave replicas to the autoscaler", () => {
  for (const target of ["autoscale", "production"]) {
    const objects = render(target);
    const hpa = named(objects, "HorizontalPodAutoscaler", "api");
    assert.equal(hpa.spec.scaleTargetRef.name, "api");
    assert.equal(hpa.spec.minReplicas, 2);
    assert.equal(hpa.spec.maxReplicas, 10);
    assert.equal(hpa.spec.metrics[0].resource.name, "cpu");
    assert.equal(hpa.spec.metrics[0].resource.target.averageUtilization, 70);
    for (const deployment of byKind(objects, "Deployment")) {
      assert.equal(deployment.spec.replicas, undefined, `${target}: ${deployment.metadata.name}`);
      const budget = byKind(objects, "PodDisruptionBudget").find(b => b.spec.selector.matchLabels.app === deployment.metadata.name);
      assert.ok(budget, `${target}: no PodDisruptionBudget for ${deployment.metadata.name}`);
    }
  }
});

test("requests and limits are sized as the issue asks (Api 0.5-1 CPU 1-2 GiB, workers 4-8 CPU 8-16 GiB)", () => {
  const objects = render("production");
  const sizes = name => named(objects, "Deployment", name).spec.template.spec.containers[0].resources;
  const api = sizes("api"), workers = sizes("workers");
  assert.deepEqual([quantity(api.requests.cpu), quantity(api.limits.cpu)], [0.5, 1]);
  assert.deepEqual([quantity(api.requests.memory), quantity(api.limits.memory)], [2 ** 30, 2 * 2 ** 30]);
  assert.deepEqual([quantity(workers.requests.cpu), quantity(workers.limits.cpu)], [4, 8]);
  assert.deepEqual([quantity(workers.requests.memory), quantity(workers.limits.memory)], [8 * 2 ** 30, 16 * 2 ** 30]);
  for (const workload of workloads(objects)) {
    for (const container of containersOf(workload)) {
      assert.ok(container.resources?.requests?.cpu && container.resources?.limits?.memory, `${workload.metadata.name}`);
    }
  }
});

test("the servers are StatefulSets with a volume claim; the services mount the models read-only", () => {
  const objects = render("base");
  for (const server of ["cache", "postgres", "messaging", "storage"]) {
    const set = named(objects, "StatefulSet", server);
    assert.ok(set, server);
    assert.equal(set.spec.volumeClaimTemplates.length, 1, server);
    assert.equal(named(objects, "Service", server)?.spec.clusterIP, "None", server);
  }
  const config = byKind(objects, "ConfigMap").find(c => c.data.VISION_MODELS_DIR);
  for (const name of Object.keys(services)) {
    const pod = named(objects, "Deployment", name).spec.template.spec;
    const mount = pod.containers[0].volumeMounts.find(m => m.mountPath === config.data.VISION_MODELS_DIR);
    assert.ok(mount?.readOnly, `${name} mounts ${config.data.VISION_MODELS_DIR} read-only`);
    const volume = pod.volumes.find(v => v.name === mount.name);
    assert.ok(volume.persistentVolumeClaim, name);
  }
});

test("only the Api and the web app are reachable from outside; servers only from the services (and the broker from KEDA)", () => {
  for (const target of ["network-policies", "production"]) {
    const policies = byKind(render(target), "NetworkPolicy");
    const denyAll = policies.find(p => Object.keys(p.spec.podSelector).length === 0);
    assert.deepEqual(denyAll?.spec.policyTypes, ["Ingress"], `${target}: default deny`);
    assert.equal(denyAll.spec.ingress, undefined);
    const open = policies.filter(p => (p.spec.ingress ?? []).some(rule => !rule.from));
    assert.deepEqual(open.map(p => p.spec.podSelector.matchLabels), [{ app: "api" }, { app: "web" }], `${target}: reachable from anywhere`);
    const servers = policies.find(p => p.spec.podSelector.matchLabels?.["visionaspire.io/tier"] === "server");
    assert.deepEqual(servers.spec.ingress.flatMap(r => r.from), [{ podSelector: { matchLabels: { "visionaspire.io/tier": "service" } } }]);
  }
});

test("the service images are the container repositories set in the service projects", () => {
  const objects = render("base");
  for (const [name, project] of Object.entries({ ...services, web: "Web" })) {
    const csproj = readFileSync(join(repoRoot, project, `${project}.csproj`), "utf8");
    const repository = csproj.match(/<ContainerRepository>([^<]+)<\/ContainerRepository>/)?.[1];
    assert.ok(repository, `${project}.csproj has no ContainerRepository`);
    const image = named(objects, "Deployment", name).spec.template.spec.containers[0].image;
    assert.equal(image.split(":")[0], repository, name);
  }
});
