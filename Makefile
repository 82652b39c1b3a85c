# Entry points. Quick start: `make serve` builds the page and serves it on
# http://127.0.0.1:8080; `make test` runs every test. Both install missing tools first
# (.ci/install-tools), so they work on a fresh Debian machine.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk must not download tools or check for updates; the pinned ones are installed locally.
export TRUNK_OFFLINE := true
PORT ?= 8080

.PHONY: tools build serve test lint test-native test-wasm test-browser cli

tools:
	@.ci/install-tools

build: tools
	trunk build --release

# No auto-reload: trunk serve fills the server's address into its inline reload script as it
# serves the page, after .ci/seal-dist.mjs hashed the script, so the CSP blocks it.
serve: build
	trunk serve --release --no-autoreload --address 127.0.0.1 --port $(PORT)

cli:
	cargo build --release --bin podlife

test: tools lint test-native test-wasm build test-browser

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bin podlife-web --bin podlife-worker -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --profile test -- -D warnings

test-native:
	cargo test

# Component tests: #[wasm_bindgen_test] functions in Chromium through chromedriver.
test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --lib

# The parity test compares the page with the release CLI, so that is built first.
test-browser: cli
	node --test tests/browser/
