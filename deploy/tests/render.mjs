// Renders the kustomizations with `kubectl kustomize` (offline) and parses the objects.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const kubernetesDir = join(repoRoot, "deploy/kubernetes");
export const overlays = readdirSync(join(kubernetesDir, "overlays")).filter(name =>
  statSync(join(kubernetesDir, "overlays", name)).isDirectory());

const cache = new Map();

/** The objects `kubectl kustomize` renders for "base" or an overlay's name. */
export function render(target) {
  if (!cache.has(target)) {
    const dir = target === "base" ? join(kubernetesDir, "base") : join(kubernetesDir, "overlays", target);
    let text;
    try {
      text = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      if (error.code === "ENOENT") {
        throw new Error("kubectl is not installed: install kubectl >= 1.27 (kustomize v5 built in), e.g. the "
          + "'kubectl' package from https://pkgs.k8s.io or google-cloud-cli's kubectl component.");
      }
      throw new Error(`kubectl kustomize ${dir} failed: ${error.stderr || error.message}`);
    }
    cache.set(target, parseAllDocuments(text).map(doc => doc.toJS()).filter(Boolean));
  }
  return cache.get(target);
}

export const byKind = (objects, kind) => objects.filter(o => o.kind === kind);
export const named = (objects, kind, name) => objects.find(o => o.kind === kind && o.metadata.name === name);
export const workloads = objects => objects.filter(o => o.kind === "Deployment" || o.kind === "StatefulSet");
export const containersOf = workload => [
  ...(workload.spec.template.spec.initContainers ?? []),
  ...workload.spec.template.spec.containers,
];

/** Constants of Contracts/Queues.cs: field name to queue name. */
export function queueConstants() {
  const source = readFileSync(join(repoRoot, "Contracts/Queues.cs"), "utf8");
  return Object.fromEntries([...source.matchAll(/const string (\w+) = "([^"]+)"/g)].map(m => [m[1], m[2]]));
}

/** The queues a service's consumers read: `QueueName => Queues.X` in its project folder. */
export function consumedQueues(projectFolder) {
  const constants = queueConstants();
  const queues = new Set();
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "bin" && entry.name !== "obj") walk(path);
      else if (entry.name.endsWith(".cs")) {
        for (const m of readFileSync(path, "utf8").matchAll(/QueueName\s*=>\s*Queues\.(\w+)/g)) queues.add(constants[m[1]]);
      }
    }
  };
  walk(join(repoRoot, projectFolder));
  return [...queues].sort();
}

/** A quantity ("500m", "2", "8Gi") as a number of cores or bytes. */
export function quantity(value) {
  const text = String(value);
  const units = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  const match = text.match(/^([0-9.]+)(m|Ki|Mi|Gi|Ti)?$/);
  if (!match) throw new Error(`not a quantity: ${text}`);
  return Number(match[1]) * (match[2] ? units[match[2]] : 1);
}
