// Every overlay renders, and every rendered object validates against its type's schema (kubernetes-models for the
// built-in kinds, @kubernetes-models/keda for KEDA's). The schemas catch wrong types, missing required fields and bad
// enum values; they do not reject unknown field names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overlays, render } from "./render.mjs";

async function modelFor({ apiVersion, kind }) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group === "keda.sh"
    ? `@kubernetes-models/keda/keda.sh/${version}/${kind}`
    : `kubernetes-models/${group === "" ? "" : group + "/"}${version}/${kind}`;
  try {
    return (await import(path))[kind];
  } catch {
    return undefined;
  }
}

for (const target of ["base", ...overlays]) {
  test(`${target}: renders and every object matches its schema`, async () => {
    const objects = render(target);
    assert.ok(objects.length > 0, "nothing rendered");
    for (const object of objects) {
      const Model = await modelFor(object);
      assert.ok(Model, `no schema for ${object.apiVersion} ${object.kind}`);
      assert.doesNotThrow(() => new Model(object).validate(), `${object.kind}/${object.metadata.name}`);
    }
  });
}

test("the schema check rejects a malformed object", async () => {
  const Model = await modelFor({ apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject" });
  const broken = { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "x" },
    spec: { scaleTargetRef: { name: "workers" }, maxReplicaCount: "twenty", triggers: [] } };
  assert.throws(() => new Model(broken).validate(), /maxReplicaCount/);
});
