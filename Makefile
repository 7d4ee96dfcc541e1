# hookspec: the daily loop is `make generate`, `make lint`, `make run`, `make test`.
SHELL := /bin/bash
NODE_MODULES_STAMP := node_modules/.package-lock.json
CHROMIUM := /usr/bin/chromium
PROMTOOL := .tools/bin/promtool
HOOKSPEC := node bin/hookspec.js

.PHONY: install generate check lint typecheck test unit build run docs bench bench-generate bench-inbound bench-inbound-store bench-inbound-pipeline bench-outbound bench-scale bench-claim-backlog contract clean

## install: install the exact locked dependencies (native modules are built by npm ci)
install: $(NODE_MODULES_STAMP)
$(NODE_MODULES_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## generate: regenerate generated/ and docs/index.html from openapi.yaml
generate: install
	$(HOOKSPEC) generate --spec openapi.yaml --out generated --handlers src/handlers
	@# The docs page is generated output too: `make check` fails when it is stale.
	@$(MAKE) --no-print-directory docs

## check: fail when generated/ or docs/index.html drifts from openapi.yaml
check: install
	$(HOOKSPEC) generate --spec openapi.yaml --out generated --handlers src/handlers --check
	@# /docs serves the committed page: a spec change without `make docs` would leave it stale unnoticed.
	@tmp=$$(mktemp --suffix=.html) && REDOCLY_TELEMETRY=off npx redocly build-docs openapi.yaml --inlineBundle -o $$tmp >/dev/null 2>&1; \
	  if cmp -s $$tmp docs/index.html; then rm -f $$tmp; echo "docs/index.html is up to date with openapi.yaml"; \
	  else rm -f $$tmp; echo "docs/index.html is out of date with openapi.yaml; run make docs and commit"; exit 1; fi

## lint: redocly lint (recommended rules, webhooks included)
lint: install
	REDOCLY_TELEMETRY=off npx redocly lint openapi.yaml

## typecheck: tsc --noEmit over src, generator, generated, test and bench
typecheck: install
	npx tsc --noEmit -p tsconfig.json
	npx tsc --noEmit -p src/console/app/tsconfig.json

## unit: the vitest suite alone (installs Debian's chromium and promtool first if missing: the console and alert tests use them)
unit: install $(CHROMIUM) $(PROMTOOL)
	npx vitest run

$(CHROMIUM):
	bash scripts/install-chromium.sh

$(PROMTOOL):
	bash scripts/install-promtool.sh

## test: everything CI runs: drift check, lint, type-check, vitest
test: check lint typecheck unit

## build: compile src/ and generated/ to JavaScript in build/ (about a second), what `make run` serves
build: install
	node --import tsx scripts/build.ts

## run: build, then start the server on an embedded SQLite database (PORT, DATABASE_URL, secrets from the environment)
run: build
	@# Without HOOKSPEC_API_KEY the development key 'dev-key' is used, and a key everyone knows must not open the API to the network: loopback only.
	@if [ -n "$$HOOKSPEC_API_KEY" ]; then exec node --enable-source-maps build/src/main.js; fi; \
	  case "$${HOST:=127.0.0.1}" in \
	    127.0.0.1|::1|localhost) ;; \
	    *) echo "hookspec: HOST=$$HOST is not a loopback address: set HOOKSPEC_API_KEY (the development key 'dev-key', used without it, is for loopback only), or unset HOST" >&2; exit 1;; \
	  esac; \
	  echo "hookspec: HOOKSPEC_API_KEY is not set; using the development key 'dev-key', listening on $$HOST (loopback) only"; \
	  HOST=$$HOST HOOKSPEC_API_KEY=dev-key exec node --enable-source-maps build/src/main.js

## docs: Redoc HTML with the webhooks section into docs/
docs: install
	REDOCLY_TELEMETRY=off npx redocly build-docs openapi.yaml --inlineBundle -o docs/index.html

bench: bench-generate bench-inbound bench-outbound

bench-generate: install
	node --import tsx bench/generate.ts

bench-inbound: build
	node --import tsx bench/inbound.ts

bench-inbound-store: install
	node --import tsx bench/inbound-store.ts

bench-inbound-pipeline: install
	node --import tsx bench/inbound-pipeline.ts

bench-outbound: install
	node --import tsx bench/outbound.ts

bench-scale: install
	node --import tsx bench/scale.ts

bench-claim-backlog: install
	node --import tsx bench/claim-backlog.ts

## contract: the generated contract suite against a server it starts; BASE_URL=… API_KEY=… (+ receiver secrets in the env) for a deployed one
contract: install
	HOOKSPEC_CONTRACT_BASE_URL=$(BASE_URL) HOOKSPEC_CONTRACT_API_KEY=$(API_KEY) HOOKSPEC_CONTRACT_SUBSCRIBER_URL=$(SUBSCRIBER_URL) npx vitest run --reporter=verbose test/contract/contract.test.ts

clean:
	rm -rf data build .hookspec-cache node_modules/.cache/hookspec
