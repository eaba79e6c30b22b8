#!/usr/bin/env python3
"""Downloads every file of the model catalog into a models folder and checks its sha256.

usage: fetch-models.py CATALOG_JSON MODELS_DIR

Files already present with the catalogued sha256 are kept. A labels file with "sourceSha256" is checked against
that as downloaded, then rewritten by deleting the regular expression "deleteFromEachLine" from every line, then
checked against its own "sha256". Any failure prints one line naming the model and the URL and exits 1.
"""
import hashlib
import json
import os
import re
import sys
import tempfile
import urllib.request


class FetchError(Exception):
    pass


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def download(model_id, url):
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except Exception as e:  # any network, HTTP or URL error ends in the same one-line message
        raise FetchError(f"model '{model_id}': download of {url} failed: {e}") from e


def check(model_id, url, data, expected, what):
    actual = sha256(data)
    if actual != expected:
        raise FetchError(f"model '{model_id}': {what} from {url} has sha256 {actual}, the catalog expects {expected}")


def fetch(model_id, spec, models_dir):
    target = os.path.join(models_dir, spec["file"])
    if os.path.isfile(target):
        with open(target, "rb") as existing:
            if sha256(existing.read()) == spec["sha256"]:
                return
    url = spec["sourceUrl"]
    print(f"setup: fetching {spec['file']} ({model_id}) from {url}", flush=True)
    data = download(model_id, url)
    if "sourceSha256" in spec:
        check(model_id, url, data, spec["sourceSha256"], "the source of " + spec["file"])
        pattern = re.compile(spec["deleteFromEachLine"])
        data = "\n".join(pattern.sub("", line) for line in data.decode("utf-8").split("\n")).encode("utf-8")
    check(model_id, url, data, spec["sha256"], spec["file"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".partial-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(partial, target)


def main(catalog_path, models_dir):
    with open(catalog_path, encoding="utf-8") as f:
        catalog = json.load(f)
    for model in catalog["models"]:
        fetch(model["id"], model, models_dir)
        if model.get("labels"):
            fetch(model["id"], model["labels"], models_dir)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    try:
        main(sys.argv[1], sys.argv[2])
    except FetchError as e:
        print(f"setup: error: {e}", file=sys.stderr)
        sys.exit(1)
