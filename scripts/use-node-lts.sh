# Puts the Node.js LTS the hub is built and tested on first on PATH, for the shell that sources it:
#
#   . scripts/use-node-lts.sh && npm ci && npm start
#
# Node comes from the npm registry, as the package node-<os>-<arch> (the official binary), into
# .node/ beside this repository, once; nothing else is downloaded. .ci/run does the same. The
# Dockerfile's image (node:24) has the same major; change both together.
NGOHUB_NODE_MAJOR=24

ngohub_use_node_lts() {
  local root os arch dir bin
  root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "use-node-lts: no node package for $(uname -s)" >&2; return 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "use-node-lts: no node package for $(uname -m)" >&2; return 1 ;; esac
  dir="$root/.node/$NGOHUB_NODE_MAJOR"
  bin="$dir/node_modules/node-$os-$arch/bin"
  if [ ! -x "$bin/node" ]; then
    echo "use-node-lts: installing node-$os-$arch@$NGOHUB_NODE_MAJOR from the npm registry into ${dir#"$root"/}" >&2
    mkdir -p "$dir" && (cd "$dir" && echo '{"private":true}' > package.json &&
      npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error "node-$os-$arch@$NGOHUB_NODE_MAJOR" >&2) || return 1
  fi
  case ":$PATH:" in *":$bin:"*) ;; *) PATH="$bin:$PATH" ;; esac
  export PATH
  echo "use-node-lts: node $(node --version), npm $(npm --version)" >&2
}
ngohub_use_node_lts
