# Two commands do everything on a fresh Debian machine: `make run` and `make test`.
SHELL := /bin/bash
CONFIG ?= Release
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: setup build run test test-faults bench manifest clean

setup:
	bash scripts/setup.sh

build: setup
	dotnet build VisionAspire.sln -c $(CONFIG)

# Each run registers a fresh admin key (the Api keeps only its hash and revokes the previous run's).
run: build
	@key="va_$$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"; \
	echo "Dashboard: http://localhost:15180   Web: http://localhost:5104   Api: http://localhost:5101 (Swagger UI at /docs)   Ctrl+C stops everything"; \
	echo "Admin API key for this run (send as X-Api-Key, or paste it at the web app's sign-in; shown only here): $$key"; \
	env "Parameters__admin-api-key=$$key" dotnet run --no-build -c $(CONFIG) --project AppHost -- $(ARGS)

test: build
	bash scripts/test.sh $(CONFIG)

# The fault-injection suite alone (several minutes: it stops and kills servers and services under load). `make test`
# runs it too, as part of the solution's tests.
test-faults: build
	dotnet test tests/Integration.Tests -c $(CONFIG) --no-build --filter "Category=Faults" --logger "console;verbosity=detailed"

bench: build
	dotnet run --no-build -c $(CONFIG) --project Cli -- bench

manifest: build
	dotnet run --no-build -c $(CONFIG) --project AppHost -- --publisher manifest --output-path ../aspire-manifest.json

clean:
	dotnet clean VisionAspire.sln >/dev/null; rm -rf .state
