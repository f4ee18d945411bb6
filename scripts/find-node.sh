# Sourced by shell scripts: puts Node.js (>= 20.19) and npm on PATH, even in a non-login shell
# where a profile's PATH additions are missing. Fails with one line when Node.js is absent.
find_node() {
  local dir
  if ! command -v node >/dev/null 2>&1; then
    for dir in /usr/local/bin /usr/bin /opt/node/bin "$HOME/.volta/bin" "$HOME/.local/bin" \
      $(ls -d "$HOME"/.nvm/versions/node/*/bin /usr/local/lib/nodejs/*/bin 2>/dev/null | sort -rV); do
      if [ -x "$dir/node" ]; then PATH="$dir:$PATH"; export PATH; break; fi
    done
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: Node.js 20.19+ with npm is needed but was not found on PATH or in the usual places: install Node.js 20 or later." >&2
    return 1
  fi
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "error: Node.js $(node --version) is too old: install Node.js 20.19 or later." >&2
    return 1
  fi
}
